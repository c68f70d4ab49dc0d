import { test } from "node:test";
import assert from "node:assert/strict";
import type { IncidentMention } from "../model/incident.ts";
import { openStore } from "../store/open.ts";
import type { Store } from "../store/store.ts";
import { rebuildAllIncidents, updateIncidents } from "./update.ts";
import { claim, count, day, doc, inBlocks, mention } from "./testing/fixtures.ts";

const REPORTS: Array<[string, string, IncidentMention[]]> = [
  ["a", "2022-01-21", [mention("a", { counts: [count("escaped", claim("a", 24, 99, null))] }), mention("a", { type: "attack" })]],
  ["b", "2022-01-22", [mention("b", { facility: null, counts: [count("escaped", claim("b", 30, 30, "police"))] })]],
  ["c", "2022-01-23", [mention("c", { type: "recapture", date: day("2022-01-22"), counts: [count("recaptured", claim("c", 12, 12, "police"))] })]],
];

async function ingest(store: Store, reports: typeof REPORTS): Promise<void> {
  for (const [id, published, mentions] of reports) await store.addDocument(doc(id, published), inBlocks(mentions), []);
}

async function snapshot(store: Store): Promise<string[]> {
  return (await store.listIncidents()).map((i) => `${i.id} ${i.type} ${i.status} ${i.documents.join(",")} ${i.counts.map((c) => `${c.quantity}=${c.best}`).join(",")}`).sort();
}

test("updateIncidents rebuilds only dirty blocks and leaves none dirty", async () => {
  const store = await openStore(":memory:");
  await ingest(store, REPORTS);
  assert.equal(await updateIncidents(store), 2, "escape+recapture and attack blocks");
  assert.deepEqual(await store.dirtyBlocks(), []);
  assert.equal(await updateIncidents(store), 0);
  const incidents = await store.listIncidents();
  const escape = incidents.find((i) => i.type === "escape")!;
  assert.deepEqual(escape.documents, ["a", "b"]);
  assert.deepEqual(escape.counts.map((c) => [c.quantity, c.low, c.best, c.high, c.derived ?? false]), [
    ["escaped", 24, 30, 99, false],
    ["at_large", 12, 18, 87, true],
  ]);
  await store.close();
});

test("one document at a time, all at once, and a rebuild from scratch give the same incidents", async () => {
  const stepwise = await openStore(":memory:");
  for (const report of REPORTS) {
    await ingest(stepwise, [report]);
    await updateIncidents(stepwise);
  }
  const batch = await openStore(":memory:");
  await ingest(batch, [...REPORTS].reverse());
  await updateIncidents(batch);
  const expected = await snapshot(stepwise);
  assert.equal(expected.length, 3);
  assert.deepEqual(await snapshot(batch), expected);
  assert.equal(await rebuildAllIncidents(batch), 2);
  assert.deepEqual(await snapshot(batch), expected);
  await stepwise.close();
  await batch.close();
});
