#!/usr/bin/env node
// Runs every *.test.ts under src/, test/, bench/ and eval/ with node's test runner through tsx.
// Node 20's runner takes no globs, so the files are listed here. Extra arguments pass through
// (e.g. `npm test -- --test-name-pattern=quantity`).
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";

const roots = ["src", "test", "bench", "eval"];
const files = roots
  .flatMap((root) => {
    try {
      return readdirSync(root, { recursive: true }).map((f) => join(root, String(f)));
    } catch {
      return [];
    }
  })
  .filter((f) => f.endsWith(".test.ts") && !f.includes("node_modules"))
  .sort();
const result = spawnSync(
  process.execPath,
  ["--import", "tsx", "--test", "--test-reporter=spec", ...process.argv.slice(2), ...files],
  { stdio: "inherit" },
);
process.exit(result.status ?? 1);
