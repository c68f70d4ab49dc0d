// Crash safety (issue 7): `escapewatch ingest` SIGKILLed at seeded points, then run to the end,
// leaves exactly the database a single uninterrupted run builds; two ingest processes writing
// one SQLite file at once lose and duplicate nothing.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Incident } from "../../src/model/incident.ts";
import { openStore } from "../../src/store/open.ts";
import { ingestPaths } from "../../src/ingest/pipeline.ts";
import { generateReports, seededRandom, toJsonl, type GeneratedReport } from "./generate.ts";
import { integrityOf, runCli, startCli, storedDocumentCount, type CliResult } from "./cli.ts";

const REPORTS = 160;
const GENERATOR_SEED = 7;
const KILL_SEED = 4242;
/** Kill points that wait for a stored-document count; one more kills during start-up. */
const COUNT_KILL_POINTS = 6;
/** Each counted kill waits for this many more stored documents (seeded in between). */
const MIN_STEP = 8;
const MAX_STEP = 30;
/** The first kill lands this soon after spawning: opening, migrating, loading models. */
const STARTUP_KILL_MAX_MS = 1500;
const POLL_MS = 15;

interface StoreSnapshot {
  documents: Array<{ id: string; contentHash: string }>;
  incidents: Incident[];
  dirtyBlocks: string[];
  mentionIds: Set<string>;
}

async function snapshot(dbPath: string): Promise<StoreSnapshot> {
  const store = await openStore(dbPath);
  try {
    const documents: StoreSnapshot["documents"] = [];
    for await (const d of store.iterateDocuments()) documents.push({ id: d.id, contentHash: d.contentHash });
    const incidents: Incident[] = [];
    for await (const i of store.iterateIncidents()) incidents.push(i);
    const mentions = await store.mentionsInBlocks(await store.allBlocks());
    return {
      documents: documents.sort((a, b) => a.id.localeCompare(b.id)),
      incidents,
      dirtyBlocks: await store.dirtyBlocks(),
      mentionIds: new Set(mentions.map((m) => m.mention.id)),
    };
  } finally {
    await store.close();
  }
}

let dir: string;
let reports: GeneratedReport[];
let inputAll: string;
let reference: StoreSnapshot;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "escapewatch-crash-"));
  reports = generateReports(REPORTS, GENERATOR_SEED);
  inputAll = join(dir, "reports.jsonl");
  writeFileSync(inputAll, toJsonl(reports));
  writeFileSync(join(dir, "first-half.jsonl"), toJsonl(reports.slice(0, REPORTS / 2)));
  writeFileSync(join(dir, "second-half.jsonl"), toJsonl(reports.slice(REPORTS / 2)));
  // The from-scratch ingest every other database must equal.
  const store = await openStore(join(dir, "reference.db"));
  const summary = await ingestPaths(store, [inputAll]);
  await store.close();
  assert.equal(summary.new, REPORTS, "every generated report is valid and distinct");
  reference = await snapshot(join(dir, "reference.db"));
  assert.ok(reference.incidents.length > 20, "the generated reports produce incidents");
});

after(() => rmSync(dir, { recursive: true, force: true }));

/** Every document once, integrity ok, no dirty block left, incidents equal to the reference. */
async function assertSameAsReference(dbPath: string): Promise<void> {
  const { integrity, foreignKeyViolations } = integrityOf(dbPath);
  assert.deepEqual(integrity, ["ok"]);
  assert.equal(foreignKeyViolations, 0);
  const got = await snapshot(dbPath);
  assert.equal(got.documents.length, REPORTS, "every document stored exactly once");
  assert.deepEqual(got.documents, reference.documents, "same document ids and contents");
  assert.deepEqual(got.dirtyBlocks, [], "no incident work left dirty");
  const documentIds = new Set(got.documents.map((d) => d.id));
  for (const incident of got.incidents) {
    for (const d of incident.documents) assert.ok(documentIds.has(d), `incident ${incident.id} names stored document ${d}`);
    for (const m of incident.mentions) assert.ok(got.mentionIds.has(m), `incident ${incident.id} names stored mention ${m}`);
  }
  assert.deepEqual(got.incidents.map((i) => i.id), reference.incidents.map((i) => i.id), "same incident ids");
  assert.deepEqual(got.incidents, reference.incidents, "same incidents");
}

function assertCleanExit(result: CliResult, what: string): void {
  assert.equal(result.timedOut, false, `${what} hung`);
  assert.equal(result.code, 0, `${what} exit code\n${result.stderr}`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test("ingest SIGKILLed at seeded points, then run to the end, equals an uninterrupted ingest", { timeout: 600_000 }, async () => {
  const db = join(dir, "killed.db");
  const random = seededRandom(KILL_SEED);
  const survived: string[] = [];

  // 1. A kill during start-up (open, migrate, model loading).
  const startupKillMs = 50 + Math.floor(random() * STARTUP_KILL_MAX_MS);
  {
    const run = startCli(["ingest", "--db", db, inputAll]);
    await sleep(startupKillMs);
    run.child.kill("SIGKILL");
    const result = await run.done;
    if (result.signal === "SIGKILL") survived.push(`start-up +${startupKillMs} ms (${storedDocumentCount(db) ?? 0} stored)`);
  }
  // 2. Kills after each run has stored a seeded number of further documents, so every kill lands
  //    mid-run whatever the machine's speed; the last waits for "all stored" and so kills during
  //    the final incident rebuild.
  for (let k = 0; k < COUNT_KILL_POINTS; k++) {
    const from = storedDocumentCount(db) ?? 0;
    const last = k === COUNT_KILL_POINTS - 1;
    const target = last ? REPORTS : Math.min(REPORTS, from + MIN_STEP + Math.floor(random() * (MAX_STEP - MIN_STEP)));
    const run = startCli(["ingest", "--db", db, inputAll]);
    let exited = false;
    void run.done.then(() => (exited = true));
    while (!exited && (storedDocumentCount(db) ?? 0) < target) await sleep(POLL_MS);
    run.child.kill("SIGKILL");
    const result = await run.done;
    assert.equal(result.timedOut, false, "a killed run hung");
    if (result.signal === "SIGKILL") survived.push(`${storedDocumentCount(db)} stored (from ${from}, target ${target})`);
  }
  console.log(`crash: survived ${survived.length} SIGKILLs: ${survived.join("; ")}`);
  assert.ok(survived.length >= COUNT_KILL_POINTS, `kills landed mid-run: ${survived.length}`);

  // 3. A run to completion finishes the job.
  const final = await runCli(["ingest", "--db", db, inputAll]);
  assertCleanExit(final, "the completing run");
  assert.match(final.stdout, new RegExp(`read ${REPORTS}, new \\d+, updated 0, already known \\d+, rejected 0`));
  await assertSameAsReference(db);
});

test("two ingest processes on one SQLite file, different halves at once: no loss, no duplication", { timeout: 300_000 }, async () => {
  const db = join(dir, "halves.db");
  const [a, b] = await Promise.all([
    runCli(["ingest", "--db", db, join(dir, "first-half.jsonl")]),
    runCli(["ingest", "--db", db, join(dir, "second-half.jsonl")]),
  ]);
  assertCleanExit(a, "first half");
  assertCleanExit(b, "second half");
  await assertSameAsReference(db);
});

test("two ingest processes on one SQLite file, the same input at once: each document stored once", { timeout: 300_000 }, async () => {
  const db = join(dir, "same.db");
  const [a, b] = await Promise.all([runCli(["ingest", "--db", db, inputAll]), runCli(["ingest", "--db", db, inputAll])]);
  assertCleanExit(a, "first run");
  assertCleanExit(b, "second run");
  const stored = [a, b].map((r) => Number(/new (\d+)/.exec(r.stdout)?.[1]));
  assert.equal(stored[0] + stored[1], REPORTS, `the two runs' "new" counts add up to the input (${stored.join(" + ")})`);
  await assertSameAsReference(db);
});
