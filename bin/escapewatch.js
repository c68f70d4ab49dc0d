#!/usr/bin/env node
// Entry point. Runs the compiled CLI in dist/ (built by `npm ci` through `prepare`, or by `npm run
// build`) when it was compiled from the src/ that is here now: no TypeScript compiled at start-up.
// Otherwise (src/ edited since the build, or no build) runs src/ through tsx, saying so in one line,
// so an edit is never run stale.
import { fileURLToPath } from "node:url";
import { buildIsCurrent } from "./freshness.js";

const root = fileURLToPath(new URL("../", import.meta.url));
let main;
if (buildIsCurrent(root)) {
  ({ main } = await import("../dist/cli/main.js"));
} else {
  // Said to a person at a terminal only: scripts and tests reading stderr get just the command's own lines.
  if (process.stderr.isTTY) process.stderr.write("escapewatch: running src/ through tsx (dist/ is missing or older than src/; `npm run build` makes start-up fast)\n");
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../src/cli/main.ts"));
}
process.exitCode = await main(process.argv.slice(2));
