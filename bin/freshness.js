// Whether dist/ was compiled from the src/ that is here now. scripts/build.mjs records, for every
// source file the CLI can run, its size, modification time and content hash in dist/build.json;
// bin/escapewatch.js runs dist/ only when src/ still matches that record, so an edit made since the
// build is never run stale. Plain JavaScript: it runs before anything can compile TypeScript.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

export const SOURCE_DIR = "src";
export const DIST_DIR = "dist";
/** The manifest, inside DIST_DIR. */
export const BUILD_MANIFEST = "build.json";

/** Source files the CLI runs: modules (TypeScript, and CommonJS where a module must load lazily) and their JSON data (tests run from src/ through tsx). */
export function isRuntimeSource(path) {
  return (path.endsWith(".ts") && !path.endsWith(".test.ts") && !path.endsWith(".d.ts")) || path.endsWith(".cjs") || path.endsWith(".json");
}

/**
 * Runtime source files under `srcDir`, relative with "/" separators, sorted. Walked folder by
 * folder: Node 20's `readdirSync(dir, { recursive: true })` costs some 8 ms here, a sixth of
 * `node -e 0`, on every start of the CLI.
 */
export function sourceFiles(srcDir) {
  const found = [];
  const walk = (dir, prefix) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = prefix + entry.name;
      if (entry.isDirectory()) walk(join(dir, entry.name), `${path}/`);
      else if (isRuntimeSource(path)) found.push(path);
    }
  };
  walk(srcDir, "");
  return found.sort();
}

/** Hashed only when a file's time changed: node:crypto is not loaded on an ordinary start. */
function contentHash(path) {
  const { createHash } = createRequire(import.meta.url)("node:crypto");
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

/** What the build records of each source file: { "cli/main.ts": { size, mtimeMs, sha256 } }. */
export function snapshotSources(srcDir) {
  const snapshot = {};
  for (const file of sourceFiles(srcDir)) {
    const path = join(srcDir, file);
    const { size, mtimeMs } = statSync(path);
    snapshot[file] = { size, mtimeMs, sha256: contentHash(path) };
  }
  return snapshot;
}

/**
 * True when `root`/dist holds a complete build of `root`/src as it is now: the same files, each
 * with the recorded size and either the recorded modification time or, when only the time
 * changed (a checkout back and forth), the recorded content.
 */
export function buildIsCurrent(root) {
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(join(root, DIST_DIR, BUILD_MANIFEST), "utf8")).sources;
  } catch {
    return false;
  }
  if (!recorded || typeof recorded !== "object") return false;
  const srcDir = join(root, SOURCE_DIR);
  let files;
  try {
    files = sourceFiles(srcDir);
  } catch {
    return false;
  }
  if (files.length !== Object.keys(recorded).length) return false;
  for (const file of files) {
    const was = recorded[file];
    if (!was) return false;
    const path = join(srcDir, file);
    const { size, mtimeMs } = statSync(path);
    if (size !== was.size) return false;
    if (mtimeMs !== was.mtimeMs && contentHash(path) !== was.sha256) return false;
  }
  return true;
}
