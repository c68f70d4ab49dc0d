import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Doc } from "../model/doc.ts";
import type { AddResult, Store, StoredMention } from "../store/store.ts";
import { ingestPaths, ingestRecord } from "./pipeline.ts";
import { MAX_DOCUMENT_BYTES } from "./files.ts";
import { formatRejection } from "./errors.ts";

/** Just enough of a Store to watch the pipeline: documents by content hash, incident calls counted. */
function fakeStore() {
  const docs = new Map<string, Doc>();
  const calls = { dirtyBlocks: 0 };
  const store = {
    dialect: "fake",
    async migrate() {},
    async addDocument(doc: Doc, _mentions: StoredMention[]): Promise<AddResult> {
      if (docs.has(doc.contentHash)) return "known";
      docs.set(doc.contentHash, doc);
      return "new";
    },
    async addDocuments(batch: Array<{ doc: Doc; mentions: StoredMention[] }>): Promise<AddResult[]> {
      const results: AddResult[] = [];
      for (const item of batch) results.push(await store.addDocument(item.doc, item.mentions));
      return results;
    },
    async hasContent(hash: string) {
      return docs.has(hash);
    },
    async dirtyBlocks() {
      calls.dirtyBlocks += 1;
      return [];
    },
    async mentionsInBlocks() {
      return [];
    },
    async allBlocks() {
      return [];
    },
    async publishedDays() {
      return new Map();
    },
    async replaceIncidents() {},
    async close() {},
  };
  return { store: store as unknown as Store, docs, calls };
}

const FIXTURES = new URL("../../test/fixtures/ingest/", import.meta.url);
const GOOD = "Police recaptured six inmates who escaped from the district jail, a spokesman said on Friday.";

/** A folder with one input of every hostile kind next to valid ones. */
function hostileFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), "escapewatch-ingest-"));
  const inputs = join(dir, "inputs");
  mkdirSync(join(inputs, "nested"), { recursive: true });
  copyFileSync(new URL("scraped-page.txt", FIXTURES), join(inputs, "000_page.txt"));
  copyFileSync(new URL("article.html", FIXTURES), join(inputs, "nested", "article.html"));
  copyFileSync(new URL("mixed.jsonl", FIXTURES), join(inputs, "mixed.jsonl"));
  copyFileSync(new URL("trafilatura.json", FIXTURES), join(inputs, "trafilatura.json"));
  writeFileSync(join(inputs, "binary.txt"), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00, 0x08]));
  writeFileSync(join(inputs, "latin1.txt"), Buffer.from("Inmates escaped from the caf\xe9 jail.", "latin1"));
  writeFileSync(join(inputs, "empty.txt"), "");
  writeFileSync(join(inputs, "blank.txt"), "  \n\n \n");
  writeFileSync(join(inputs, "broken.json"), '{"id": "x", "text": ');
  writeFileSync(join(inputs, "notes.md"), "not an input, skipped inside a folder");
  const depth = 10_000;
  writeFileSync(join(inputs, "deep.html"), `<html><body>${"<div>".repeat(depth)}<p>Guards found a tunnel under the wall of the jail on Monday, the warden said.</p>${"</div>".repeat(depth)}</body></html>`);
  // Sparse files: the size exceeds the limit without writing the bytes.
  writeFileSync(join(inputs, "huge.html"), "");
  truncateSync(join(inputs, "huge.html"), MAX_DOCUMENT_BYTES + 1);
  writeFileSync(join(inputs, "long-line.jsonl"), `{"id": "before", "text": "${GOOD}"}\n`);
  appendFileSync(join(inputs, "long-line.jsonl"), Buffer.alloc(MAX_DOCUMENT_BYTES + 10, 0x20));
  appendFileSync(join(inputs, "long-line.jsonl"), `\n{"id": "after", "text": "Guards stopped two detainees trying to escape from the camp where detainees are held."}\n`);
  return inputs;
}

test("hostile inputs are rejected one by one; every valid input is stored", async () => {
  const inputs = hostileFolder();
  const { store, docs, calls } = fakeStore();
  const lines: string[] = [];
  const summary = await ingestPaths(store, [inputs, join(inputs, "notes.md"), join(inputs, "missing.txt")], {
    onRejected: (r) => lines.push(formatRejection(r)),
  });
  const codes = Object.fromEntries(summary.rejections.map((r) => [r.origin.slice(inputs.length + 1), r.code]));
  assert.deepEqual(codes, {
    "binary.txt": "E_BINARY",
    "blank.txt": "E_EMPTY",
    "broken.json": "E_JSON",
    "empty.txt": "E_EMPTY",
    "huge.html": "E_TOO_LARGE",
    "latin1.txt": "E_UTF8",
    "long-line.jsonl:2": "E_TOO_LARGE",
    "mixed.jsonl:2": "E_JSON",
    "mixed.jsonl:5": "E_NO_TEXT",
    "notes.md": "E_UNSUPPORTED",
    "missing.txt": "E_UNREADABLE",
  });
  // 000_page, deep.html, article.html, long-line before/after, mixed 1+4, trafilatura x2
  assert.equal(summary.new, 9);
  assert.equal(docs.size, 9);
  assert.equal(summary.rejected, 11);
  assert.equal(summary.read, summary.new + summary.known + summary.rejected);
  assert.ok(lines.every((l) => /^rejected \S+: E_[A-Z_0-9]+ .+/.test(l)));
  assert.ok(calls.dirtyBlocks >= 2, "incidents are updated at the start and at the end");

  const ids = [...docs.values()].map((d) => d.id).sort();
  assert.deepEqual(ids.filter((id) => ["000_page", "deep", "article", "before", "after", "plain-1", "plain-2", "trafilatura-1"].includes(id)).length, 8);
});

test("a second run over the same inputs stores nothing twice", async () => {
  const inputs = hostileFolder();
  const { store, docs } = fakeStore();
  await ingestPaths(store, [inputs]);
  const before = docs.size;
  const again = await ingestPaths(store, [inputs]);
  assert.equal(again.new, 0);
  assert.equal(again.known, before);
  assert.equal(docs.size, before);
});

test("ingestRecord reports new, known and rejected", async () => {
  const { store } = fakeStore();
  const record = { id: "r1", origin: "api", url: null, title: null, published: null, text: GOOD, html: null };
  assert.deepEqual(await ingestRecord(store, record), { status: "new", id: "r1" });
  assert.deepEqual(await ingestRecord(store, record), { status: "known", id: "r1" });
  const rejected = await ingestRecord(store, { ...record, text: "Leave a Reply" });
  assert.equal(rejected.status, "rejected");
  assert.equal(rejected.reason?.code, "E_NO_TEXT");
});

test("--published fills in a date only where the input has none", async () => {
  const { store, docs } = fakeStore();
  const dir = mkdtempSync(join(tmpdir(), "escapewatch-published-"));
  writeFileSync(join(dir, "a.txt"), GOOD);
  copyFileSync(new URL("news-please.json", FIXTURES), join(dir, "b.json"));
  await ingestPaths(store, [dir], { fallbackPublished: "2030-01-01" });
  const byOrigin = Object.fromEntries([...docs.values()].map((d) => [d.publishedOrigin, d.published]));
  assert.deepEqual(byOrigin, { cli: "2030-01-01", metadata: "2024-02-01" });
});
