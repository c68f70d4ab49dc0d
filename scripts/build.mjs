#!/usr/bin/env node
// `npm run build`, also run by `npm ci` and `npm install` through the `prepare` script, so a fresh
// clone starts from compiled JavaScript instead of compiling TypeScript on every run:
//   1. src/**/*.ts (tests aside) -> dist/**/*.js, one file per module in the same tree, relative
//      `.ts` imports rewritten to `.js`; the JSON data files and CommonJS modules are copied next
//      to them, so code that reads `./data/x.json` from its own folder finds it in either tree;
//   2. the entry modules (the CLI, and worker threads: ENTRY) bundled in place with their
//      dependencies, so a start loads a few files instead of some 600 modules, and split, so a
//      command loads the chunks of what it runs;
//   3. the world-cities index, prebuilt into dist/world-index.bin (src/gazetteer/world-file.ts);
//   4. the dashboard: `vite build web` -> web/dist, so `serve` after `npm ci` shows it;
//   5. dist/build.json, the manifest bin/escapewatch.js compares src/ with before it runs dist/
//      (written last: a build that failed half-way leaves none, and the CLI runs src/ through tsx).
//
//   node scripts/build.mjs            all of it
//   node scripts/build.mjs --no-web   the code and the index only
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { spawnSync } from "node:child_process";
import { BUILD_MANIFEST, DIST_DIR, SOURCE_DIR, snapshotSources } from "../bin/freshness.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const SRC = join(ROOT, SOURCE_DIR);
const DIST = join(ROOT, DIST_DIR);
const TARGET = "node20.19";

/** Modules a process starts from: bundled in place (a worker's module is found by its name). */
const ENTRY = /^cli\/main\.ts$|worker\.ts$/;
/**
 * Packages an entry bundle leaves to Node: native code (better-sqlite3), the dashboard's build
 * tool (imported only by `start` when web/dist is missing), optional peers that fail over to a
 * shim when absent (linkedom's canvas), and piscina, which starts its thread from a file of its own
 * found through __dirname (bundled, an ESM bundle has none: every pooled extraction failed).
 */
const NOT_BUNDLED = ["better-sqlite3", "vite", "canvas", "piscina"];
/** Names of the chunks an entry bundle is split into (esbuild's placeholders), beside the entry. */
const SPLIT_CHUNK = "chunk-[hash]";
/** CommonJS packages inside an ESM bundle call `require`: give them Node's. */
const REQUIRE_BANNER = 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);';

/** `new URL("./worker.ts", import.meta.url)`: a module named by path (a worker entry), not imported. */
const MODULE_URL = /(new URL\(\s*(["'`])\.{1,2}\/[^"'`\n]*?)\.ts(\2\s*,\s*import\.meta\.url\s*\))/g;
const IMPORT_META_URL = /\bimport\.meta\.url\b/g;
/** Other import.meta properties would silently mean the bundle's location instead of the module's. */
const OTHER_IMPORT_META = /\bimport\.meta\.(?!url\b)\w+/;

function step(message) {
  process.stderr.write(`build: ${message}\n`);
}

/** esbuild is vite's own bundler; an install without dev dependencies has neither, and runs from src/. */
async function loadEsbuild() {
  try {
    return await import("esbuild");
  } catch {
    return null;
  }
}

/** Where the compiled twin of a source file lives. */
function twinOf(sourcePath) {
  return join(DIST, relative(SRC, sourcePath)).replace(/\.ts$/, ".js");
}

function relativeSpecifier(fromFile, toFile) {
  const path = relative(dirname(fromFile), toFile).split(sep).join("/");
  return path.startsWith(".") ? path : `./${path}`;
}

/** A source module as the build hands it to esbuild: paths named in `new URL(...)` point at compiled twins. */
function readSource(path) {
  const code = readFileSync(path, "utf8");
  const other = OTHER_IMPORT_META.exec(code);
  if (other) throw new Error(`${relative(ROOT, path)}: ${other[0]} is not supported by the build; use import.meta.url`);
  return code.replace(MODULE_URL, "$1.js$3");
}

/** 1. Every module compiled on its own into the same tree; every import stays an import. */
async function compileTree(esbuild, files) {
  const keepImports = {
    name: "keep-imports",
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === "entry-point") return undefined;
        const isRelative = args.path.startsWith("./") || args.path.startsWith("../");
        return { path: isRelative ? args.path.replace(/\.ts$/, ".js") : args.path, external: true };
      });
      build.onLoad({ filter: /\.ts$/ }, (args) => ({ contents: readSource(args.path), loader: "ts" }));
    },
  };
  await esbuild.build({
    entryPoints: files.filter((f) => f.endsWith(".ts")).map((f) => join(SRC, f)),
    outdir: DIST,
    outbase: SRC,
    bundle: true,
    platform: "node",
    format: "esm",
    target: TARGET,
    logLevel: "warning",
    plugins: [keepImports],
  });
  for (const file of files.filter((f) => f.endsWith(".json") || f.endsWith(".cjs"))) {
    mkdirSync(dirname(join(DIST, file)), { recursive: true });
    cpSync(join(SRC, file), join(DIST, file));
  }
}

/**
 * 2. One entry bundled over its compiled twin. Every module inside keeps the import.meta.url of
 * its own twin, so the files it finds relative to itself (data, the repository root, a worker's
 * module) are where they are for the one-file-per-module tree. What the entry imports with
 * `import()` goes to chunks of its own (SPLIT_CHUNK), loaded by the commands that need them:
 * `--help` reads the command table, not the extraction pipeline, the dashboard's server and the
 * PostgreSQL driver. Chunks sit beside the entry file, so the twin paths computed for it hold in
 * every chunk.
 */
async function bundleEntry(esbuild, entry) {
  const outfile = twinOf(join(SRC, entry));
  const ownLocation = {
    name: "own-location",
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        const twin = relativeSpecifier(outfile, twinOf(args.path));
        const code = readSource(args.path).replace(IMPORT_META_URL, `new URL(${JSON.stringify(twin)}, import.meta.url).href`);
        return { contents: code, loader: "ts" };
      });
    },
  };
  await esbuild.build({
    entryPoints: [join(SRC, entry)],
    outdir: dirname(outfile),
    entryNames: "[name]",
    chunkNames: SPLIT_CHUNK,
    splitting: true,
    allowOverwrite: true,
    bundle: true,
    platform: "node",
    format: "esm",
    target: TARGET,
    logLevel: "warning",
    external: NOT_BUNDLED,
    banner: { js: REQUIRE_BANNER },
    plugins: [ownLocation],
  });
}

/**
 * 3. Through the compiled module, so the index is written by the code that reads it. A failure
 * leaves commands correct but slow (each builds the index in memory): warned here, and failed by
 * the test that reads the real index back from its file.
 */
async function buildWorldIndexFile() {
  const { prebuildWorldIndex } = await import(pathToFileURL(join(DIST, "gazetteer", "world.js")).href);
  try {
    const { path, bytes } = prebuildWorldIndex();
    step(`world-cities index -> ${relative(ROOT, path)} (${(bytes / 1024 ** 2).toFixed(1)} MB)`);
  } catch (error) {
    step(`WARNING: the world-cities index is not prebuilt, every command will build it: ${error instanceof Error ? error.message : error}`);
  }
}

/** 4. The dashboard, with vite's own command line. */
function buildDashboard() {
  const vite = join(ROOT, "node_modules", "vite", "bin", "vite.js");
  if (!existsSync(vite)) {
    step("vite is not installed (no dev dependencies): the dashboard is not built");
    return;
  }
  const result = spawnSync(process.execPath, [vite, "build", "web", "--logLevel", "warn"], { cwd: ROOT, stdio: "inherit" });
  if (result.status !== 0) throw new Error("vite build web failed");
  step("dashboard -> web/dist");
}

async function main() {
  const started = Date.now();
  const withWeb = !process.argv.includes("--no-web");
  const esbuild = await loadEsbuild();
  rmSync(DIST, { recursive: true, force: true });
  if (!esbuild) {
    step("esbuild is not installed (no dev dependencies): the CLI runs src/ through tsx");
  } else {
    // Recorded before compiling: an edit made during the build leaves dist/ out of date, not wrong.
    const snapshot = snapshotSources(SRC);
    const files = Object.keys(snapshot);
    await compileTree(esbuild, files);
    const entries = files.filter((f) => ENTRY.test(f));
    for (const entry of entries) await bundleEntry(esbuild, entry);
    step(`src -> dist (${files.length} files; bundled: ${entries.join(", ")})`);
    await buildWorldIndexFile();
    writeFileSync(join(DIST, BUILD_MANIFEST), `${JSON.stringify({ sources: snapshot })}\n`);
  }
  if (withWeb) buildDashboard();
  step(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error) => {
  process.stderr.write(`build: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
