// Read commands over a store that is not there or is damaged: one clear coded error, a non-zero
// exit, nothing created and nothing half-written on standard output.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../../src/store/open.ts";
import { makeDoc } from "../../src/store/store.fixtures.ts";
import { runCli } from "./cli.ts";

const READ_COMMANDS: string[][] = [["documents"], ["documents", "--json"], ["incidents", "--json"], ["facility"], ["export", "--format", "json"]];
let dir: string;
let damaged: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "escapewatch-store-files-"));
  const good = join(dir, "good.db");
  const store = await openStore(good);
  for (let i = 0; i < 300; i++) await store.addDocument(makeDoc(`doc-${i}`, { text: `Report ${i}: ${"guards were reinforced at the district jail. ".repeat(20)}` }), [], []);
  await store.close();
  // Overwrite a stretch in the middle of the file: pages of the documents table are damaged.
  damaged = join(dir, "damaged.db");
  const bytes = readFileSync(good);
  bytes.fill(0xa5, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 16_384);
  writeFileSync(damaged, bytes);
  writeFileSync(join(dir, "not-a-store.db"), "these are notes, not a database\n".repeat(200));
});
after(() => rmSync(dir, { recursive: true, force: true }));

for (const args of READ_COMMANDS) {
  test(`${args.join(" ")} on a mistyped --db: E_STORE_MISSING, exit 1, nothing created`, async () => {
    const missing = join(dir, "typo", "escapewatch.db");
    const run = await runCli([...args, "--db", missing]);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /\[E_STORE_MISSING\] no store at /);
    assert.equal(run.stdout, "");
    assert.equal(existsSync(join(dir, "typo")), false);
  });

  for (const name of ["damaged.db", "not-a-store.db"]) {
    test(`${args.join(" ")} on ${name}: one E_STORE_CORRUPT line with integrity_check's finding, exit 1, no partial output`, async () => {
      const path = join(dir, name);
      const size = statSync(path).size;
      const run = await runCli([...args, "--db", path]);
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stderr, /^escapewatch: \[E_STORE_CORRUPT\] .* is damaged \(integrity_check: [^\n]+\)/);
      assert.equal(run.stderr.trim().split("\n").length, 1, run.stderr);
      assert.equal(run.stdout, "", "nothing half-written");
      assert.equal(statSync(path).size, size, "the damaged file is left as it was");
    });
  }
}
