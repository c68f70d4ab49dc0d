// End to end through the real pipeline: the bundled sample reports ingested one at a time, in
// reverse, and all at once give the same incidents with the same ids, and re-ingesting changes
// nothing (issue: incremental merging with stable ids).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { openStore } from "../src/store/open.ts";
import { ingestPaths, ingestRecord } from "../src/ingest/pipeline.ts";
import { recordFromJson } from "../src/ingest/records.ts";
import { updateIncidents } from "../src/incidents/update.ts";
import type { Store } from "../src/store/store.ts";

const SAMPLES = join(import.meta.dirname, "..", "samples", "reports.jsonl");

async function snapshot(store: Store): Promise<string[]> {
  const out: string[] = [];
  for await (const i of store.iterateIncidents()) {
    out.push(`${i.id} ${i.type} ${i.facility?.id ?? i.place?.name} ${i.documents.join(",")} ${i.counts.map((c) => `${c.quantity}:${c.low}-${c.best}-${c.high}`).join(";")}`);
  }
  return out.sort();
}

function records() {
  return readFileSync(SAMPLES, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line, index) => recordFromJson(JSON.parse(line), { origin: `samples:${index + 1}`, stem: "reports", index }));
}

async function oneAtATime(order: ReturnType<typeof records>): Promise<string[]> {
  const store = await openStore(":memory:");
  for (const raw of order) {
    await ingestRecord(store, raw);
    await updateIncidents(store);
  }
  const result = await snapshot(store);
  await store.close();
  return result;
}

test("one at a time, in reverse, and all at once give the same incidents and ids", async () => {
  const all = await openStore(":memory:");
  await ingestPaths(all, [SAMPLES]);
  const atOnce = await snapshot(all);
  assert.ok(atOnce.length >= 10, `expected the samples to yield incidents, got ${atOnce.length}`);

  assert.deepEqual(await oneAtATime(records()), atOnce);
  assert.deepEqual(await oneAtATime(records().reverse()), atOnce);

  const again = await ingestPaths(all, [SAMPLES]);
  assert.equal(again.new, 0);
  assert.deepEqual(await snapshot(all), atOnce);
  await all.close();
});
