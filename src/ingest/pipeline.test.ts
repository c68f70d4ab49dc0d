import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Doc } from "../model/doc.ts";
import { openStore } from "../store/open.ts";
import { ingestPaths, ingestRecord } from "./pipeline.ts";
import { MAX_DOCUMENT_BYTES } from "./files.ts";
import { formatRejection } from "./errors.ts";

/** A real in-memory store whose documents can be listed and whose incident updates are counted. */
async function watchedStore() {
  const store = await openStore(":memory:");
  const calls = { dirtyBlocks: 0 };
  const dirtyBlocks = store.dirtyBlocks.bind(store);
  store.dirtyBlocks = async () => {
    calls.dirtyBlocks += 1;
    return dirtyBlocks();
  };
  const documents = async () => {
    const docs: Doc[] = [];
    for await (const summary of store.iterateDocuments()) docs.push((await store.getDocument(summary.id))!);
    return docs;
  };
  return { store, calls, documents };
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
  const { store, documents, calls } = await watchedStore();
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
  const docs = await documents();
  assert.equal(docs.length, 9);
  assert.equal(summary.rejected, 11);
  assert.equal(summary.read, summary.new + summary.known + summary.rejected);
  assert.ok(lines.every((l) => /^rejected \S+: E_[A-Z_0-9]+ .+/.test(l)));
  assert.ok(calls.dirtyBlocks >= 2, "incidents are updated at the start and at the end");

  const ids = docs.map((d) => d.id).sort();
  assert.deepEqual(ids.filter((id) => ["000_page", "deep", "article", "before", "after", "plain-1", "plain-2", "trafilatura-1"].includes(id)).length, 8);
});

test("a second run over the same inputs stores nothing twice", async () => {
  const inputs = hostileFolder();
  const { store } = await watchedStore();
  await ingestPaths(store, [inputs]);
  const before = await store.countDocuments();
  const again = await ingestPaths(store, [inputs]);
  assert.equal(again.new, 0);
  assert.equal(again.updated, 0);
  assert.equal(again.known, before);
  assert.equal(await store.countDocuments(), before);
});

test("ingestRecord reports new, known and rejected", async () => {
  const { store } = await watchedStore();
  const record = { id: "r1", origin: "api", url: null, title: null, published: null, text: GOOD, html: null };
  assert.deepEqual(await ingestRecord(store, record), { status: "new", id: "r1", document: "r1" });
  assert.deepEqual(await ingestRecord(store, record), { status: "known", id: "r1", document: "r1" });
  const rejected = await ingestRecord(store, { ...record, text: "Leave a Reply" });
  assert.equal(rejected.status, "rejected");
  assert.equal(rejected.reason?.code, "E_NO_TEXT");
});

test("--published fills in a date only where the input has none", async () => {
  const { store, documents } = await watchedStore();
  const dir = mkdtempSync(join(tmpdir(), "escapewatch-published-"));
  writeFileSync(join(dir, "a.txt"), GOOD);
  copyFileSync(new URL("news-please.json", FIXTURES), join(dir, "b.json"));
  await ingestPaths(store, [dir], { fallbackPublished: "2030-01-01" });
  const byOrigin = Object.fromEntries((await documents()).map((d) => [d.publishedOrigin, d.published]));
  assert.deepEqual(byOrigin, { cli: "2030-01-01", metadata: "2024-02-01" });
});

/** Writes JSON Lines of the given records into a fresh folder and returns the file's path. */
function jsonl(name: string, records: object[]): string {
  const dir = mkdtempSync(join(tmpdir(), "escapewatch-versions-"));
  const path = join(dir, name);
  writeFileSync(path, records.map((r) => JSON.stringify(r)).join("\n") + "\n");
  return path;
}

const SEIZED = "Gunmen stormed the district jail in Kobo on Saturday night and freed 40 inmates, police said.";
const SEIZED_LATER = `${SEIZED}\n\nBy Monday police had recaptured 12 of the inmates, a spokesman said.`;

test("ids that look like the store's old derived ids are the user's: every record is stored", async () => {
  const { store } = await watchedStore();
  const { contentHashOf } = await import("./prepare.ts");
  const path = jsonl("collide.jsonl", [
    { id: "page", text: SEIZED },
    { id: "page", text: SEIZED_LATER },
    { id: `page~${contentHashOf(SEIZED_LATER).slice(0, 8)}`, text: "Guards at the central prison in Goma were reinforced after a riot, officials said." },
  ]);
  const summary = await ingestPaths(store, [path]);
  assert.deepEqual([summary.new, summary.updated, summary.rejected], [2, 1, 0]);
  assert.equal((await store.getDocument("page"))?.text.includes("recaptured 12"), true);
  assert.deepEqual((await store.documentHistory("page"))?.versions.map((v) => v.version), [1, 2]);
  // Run again: every record's content is known somewhere, nothing fails.
  const again = await ingestPaths(store, [path]);
  assert.deepEqual([again.new, again.updated, again.known, again.rejected], [0, 0, 3, 0]);
});

test("undated copies, then the same stories with dates: the documents and their incidents are re-dated", async () => {
  const { store } = await watchedStore();
  const dir = mkdtempSync(join(tmpdir(), "escapewatch-redate-"));
  writeFileSync(join(dir, "kobo-raid.txt"), SEIZED);
  const first = await ingestPaths(store, [dir]);
  assert.deepEqual([first.new, first.updated], [1, 0]);
  assert.equal((await store.getDocument("kobo-raid"))?.published, null);
  const undated = await store.listIncidents();
  assert.ok(undated.length > 0 && undated.every((i) => i.date === null), JSON.stringify(undated.map((i) => i.date)));

  const dated = await ingestPaths(store, [jsonl("dated.jsonl", [{ id: "kobo-raid", published: "2025-03-03", url: "https://news.example/kobo", text: SEIZED }])]);
  assert.deepEqual([dated.new, dated.updated, dated.known], [0, 1, 0]);
  const doc = await store.getDocument("kobo-raid");
  assert.deepEqual([doc?.published, doc?.publishedOrigin, doc?.url], ["2025-03-03", "metadata", "https://news.example/kobo"]);
  const incidents = await store.listIncidents();
  assert.ok(incidents.length > 0);
  for (const incident of incidents) assert.deepEqual(incident.date, { earliest: "2025-03-01", latest: "2025-03-01" }, "Saturday before publication");
  // The dated copy again changes nothing; an undated copy does not take the date away.
  const again = await ingestPaths(store, [dir]);
  assert.deepEqual([again.updated, again.known], [0, 1]);
  assert.equal((await store.getDocument("kobo-raid"))?.published, "2025-03-03");
});

test("known content under a new id answers under that id; new content under a known id is a new version", async () => {
  const { store } = await watchedStore();
  const record = { id: "wire-1", origin: "api", url: null, title: null, published: "2025-03-03", text: SEIZED, html: null };
  await ingestRecord(store, record);
  const copy = await ingestRecord(store, { ...record, id: "syndicated-7", url: "https://other.example/7" });
  assert.deepEqual(copy, { status: "updated", id: "syndicated-7", document: "wire-1" }, "the copy adds a URL the document lacked");
  assert.equal((await store.getDocument("syndicated-7"))?.id, "wire-1");
  assert.equal((await store.getDocument("wire-1"))?.url, "https://other.example/7");
  const again = await ingestRecord(store, { ...record, id: "syndicated-8" });
  assert.deepEqual(again, { status: "known", id: "syndicated-8", document: "wire-1" });
  const revised = await ingestRecord(store, { ...record, text: SEIZED_LATER, published: null });
  assert.deepEqual(revised, { status: "updated", id: "wire-1", document: "wire-1" });
  assert.equal((await store.getDocument("wire-1"))?.published, "2025-03-03", "the revision keeps the date it lacks");
  assert.equal((await store.listDocuments())[0].version, 2);
});

test("a record the store refuses, or a stage that throws, is rejected alone", async () => {
  const { store, documents } = await watchedStore();
  const writeDocuments = store.writeDocuments.bind(store);
  store.writeDocuments = async (writes) => {
    const results = await writeDocuments(writes.filter((w) => w.kind !== "insert" || w.item.doc.id !== "refused"));
    return writes.map((w) => (w.kind === "insert" && w.item.doc.id === "refused" ? { error: "UNIQUE constraint failed: documents.id" } : results.shift()!));
  };
  const { inProcessStages } = await import("./stages.ts");
  const stages = {
    ...inProcessStages,
    prepare: async (raw: Parameters<typeof inProcessStages.prepare>[0], opts: Parameters<typeof inProcessStages.prepare>[1]) => {
      if (raw.id === "crashes") throw new Error("a bug");
      return inProcessStages.prepare(raw, opts);
    },
  };
  const path = jsonl("mixed-fate.jsonl", [
    { id: "refused", text: SEIZED },
    { id: "crashes", text: "Inmates rioted at the central prison in Beni on Sunday, officials said." },
    { id: "stored", text: "Guards at the central prison in Goma were reinforced after a riot, officials said." },
  ]);
  const summary = await ingestPaths(store, [path], { stages });
  assert.deepEqual(summary.rejectedByCode, { E_STORE: 1, E_EXTRACT: 1 });
  assert.match(summary.rejections.find((r) => r.code === "E_STORE")!.message, /UNIQUE constraint failed/);
  assert.match(summary.rejections.find((r) => r.code === "E_EXTRACT")!.message, /a bug/);
  assert.deepEqual((await documents()).map((d) => d.id), ["stored"]);
});
