// The regression corpus's odd inputs (eval/regression/odd: UTF-16 with and without a byte-order
// mark, a UTF-8 mark, JSON-LD graphs, WordPress and news-API exports, numeric dates the file
// settles) through the real CLI: nothing valid is rejected and every record is stored, dated.
// corpus.jsonl beside it is scored with the shared evaluation tool like the other corpora.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openStore } from "../../src/store/open.ts";
import { runCli } from "../../test/reliability/cli.ts";

const ODD = fileURLToPath(new URL("./odd/", import.meta.url));

/** Every record of the odd inputs: id -> publication day. */
const EXPECTED: Record<string, string> = {
  "odd-utf16le-1": "2025-01-12",
  "odd-utf16le-2": "2025-01-15",
  "odd-utf16be": "2025-01-17",
  "odd-utf8-bom": "2025-01-21",
  "4417": "2025-01-23",
  "odd-numeric-ambiguous": "2025-03-02",
  "odd-numeric-settles": "2025-02-25",
  "utf16le-page": "2025-02-03",
};
/** Records without an id of their own, named after their file and url. */
const DERIVED = [/^jsonld-graph-[0-9a-f]{12}$/, /^wrapped-[0-9a-f]{12}$/];

test("every odd input is stored, dated, and nothing is rejected", async () => {
  const dir = mkdtempSync(join(tmpdir(), "escapewatch-regression-"));
  try {
    const db = join(dir, "regression.db");
    const run = await runCli(["ingest", "--db", db, ODD]);
    const total = Object.keys(EXPECTED).length + DERIVED.length;
    assert.equal(run.code, 0, run.stderr);
    // The one line saying src/ runs through tsx (a developer's edited tree) is no warning about the input.
    assert.equal(run.stderr.replace(/^escapewatch: running src\/ through tsx.*\n/m, ""), "", "no rejection and no warning");
    assert.match(run.stdout, new RegExp(`^read ${total}, new ${total}, updated 0, already known 0, rejected 0$`, "m"));
    const store = await openStore(db);
    try {
      const stored = new Map<string, string | null>();
      for await (const doc of store.iterateDocuments()) stored.set(doc.id, doc.published);
      for (const [id, day] of Object.entries(EXPECTED)) assert.equal(stored.get(id), day, id);
      for (const pattern of DERIVED) assert.ok([...stored.keys()].some((id) => pattern.test(id)), `${pattern}: ${[...stored.keys()]}`);
      assert.equal(stored.size, total);
      for (const [id] of stored) assert.doesNotMatch((await store.getDocument(id))!.text, /<\/?[a-z]+[\s>]/i, `${id} keeps no markup`);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
