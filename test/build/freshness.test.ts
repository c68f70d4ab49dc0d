import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";
// @ts-expect-error plain JavaScript (it runs before anything can compile TypeScript), no types
import { BUILD_MANIFEST, buildIsCurrent, isRuntimeSource, snapshotSources, sourceFiles } from "../../bin/freshness.js";

/** A checkout with src/ and a build manifest recorded from it, changed by `change` afterwards. */
function checkout(change: (src: string, root: string) => void): boolean {
  const root = mkdtempSync(join(tmpdir(), "escapewatch-fresh-"));
  try {
    const src = join(root, "src");
    mkdirSync(join(src, "cli"), { recursive: true });
    writeFileSync(join(src, "cli", "main.ts"), "export const main = 1;\n");
    writeFileSync(join(src, "cli", "main.test.ts"), "// a test\n");
    writeFileSync(join(src, "cli", "data.json"), "{}\n");
    mkdirSync(join(root, "dist"));
    writeFileSync(join(root, "dist", BUILD_MANIFEST), JSON.stringify({ sources: snapshotSources(src) }));
    change(src, root);
    return buildIsCurrent(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const later = new Date(Date.now() + 60_000);

test("dist/ runs only while src/ is what it was built from", () => {
  const table: Array<[string, (src: string, root: string) => void, boolean]> = [
    ["nothing changed", () => {}, true],
    ["a file touched, same content (a checkout back and forth)", (src) => utimesSync(join(src, "cli", "main.ts"), later, later), true],
    ["a test edited (tests run from src/)", (src) => writeFileSync(join(src, "cli", "main.test.ts"), "// another test, longer\n"), true],
    ["a module edited", (src) => writeFileSync(join(src, "cli", "main.ts"), "export const main = 2;\n"), false],
    ["a module edited, same size", (src) => {
      writeFileSync(join(src, "cli", "main.ts"), "export const main = 3;\n");
      utimesSync(join(src, "cli", "main.ts"), later, later);
    }, false],
    ["a data file edited", (src) => writeFileSync(join(src, "cli", "data.json"), '{"a":1}\n'), false],
    ["a module added", (src) => writeFileSync(join(src, "cli", "extra.ts"), "export {};\n"), false],
    ["a module removed", (src) => rmSync(join(src, "cli", "main.ts")), false],
    ["no manifest", (_src, root) => rmSync(join(root, "dist", BUILD_MANIFEST)), false],
    ["a damaged manifest", (_src, root) => writeFileSync(join(root, "dist", BUILD_MANIFEST), "{"), false],
  ];
  for (const [what, change, current] of table) assert.equal(checkout(change), current, what);
});

test("sourceFiles: the runtime files of every folder, as Node's recursive listing names them", () => {
  const root = mkdtempSync(join(tmpdir(), "escapewatch-sources-"));
  try {
    const files = ["a.ts", "b.test.ts", "c.d.ts", "d.json", "e.md", "f.cjs", "f.d.cts", "x/f.ts", "x/y/g.json", "x/y/z/h.ts", "x/y/z/h.test.ts", "x-y/i.ts", "x.y/j.ts"];
    for (const file of files) {
      mkdirSync(join(root, file, ".."), { recursive: true });
      writeFileSync(join(root, file), "\n");
    }
    mkdirSync(join(root, "empty"));
    assert.deepEqual(sourceFiles(root), ["a.ts", "d.json", "f.cjs", "x-y/i.ts", "x.y/j.ts", "x/f.ts", "x/y/g.json", "x/y/z/h.ts"]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  // The project's own src/ (its folders and file names), listed the way the manifests were written before.
  const src = fileURLToPath(new URL("../../src", import.meta.url));
  const listed = readdirSync(src, { recursive: true }).map((f) => String(f).split(sep).join("/")).filter(isRuntimeSource).sort();
  assert.deepEqual(sourceFiles(src), listed);
});
