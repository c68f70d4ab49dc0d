// A deterministic replay of the race the two-process ingest test found: another writer adds a
// mention to a block after updateIncidents has read that block's work and before it commits the
// block's incidents (which clears the dirty mark). The incidents must still include it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../../src/store/open.ts";
import type { Store } from "../../src/store/store.ts";
import { rebuildAllIncidents, updateIncidents } from "../../src/incidents/update.ts";
import { claim, count, doc, inBlocks, mention } from "../../src/incidents/testing/fixtures.ts";

/** The store, with `interleave` run once right after the first mergeWork read. */
function withWriterAfterFirstRead(store: Store, interleave: () => Promise<void>): Store {
  let pending: (() => Promise<void>) | null = interleave;
  return new Proxy(store, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (name !== "mergeWork") return typeof value === "function" ? value.bind(target) : value;
      return async (...args: Parameters<Store["mergeWork"]>) => {
        const work = await target.mergeWork(...args);
        const write = pending;
        pending = null;
        if (write) await write();
        return work;
      };
    },
  });
}

test("a mention added between reading a block and replacing its incidents is not lost", async () => {
  const store = await openStore(":memory:");
  await store.addDocument(doc("first", "2022-01-21"), inBlocks([mention("first", { counts: [count("escaped", claim("first", 20, 20, "police"))] })]), []);
  const late = mention("late", { counts: [count("escaped", claim("late", 35, 35, "monitors"))] });
  const racing = withWriterAfterFirstRead(store, async () => {
    await store.addDocument(doc("late", "2022-01-22"), inBlocks([late]), []);
  });

  await updateIncidents(racing);

  const [escape] = await store.listIncidents();
  assert.deepEqual(escape.documents.sort(), ["first", "late"], "the late mention is in the incident");
  assert.deepEqual(await store.dirtyBlocks(), []);
  const incremental = JSON.stringify(await store.listIncidents());
  await rebuildAllIncidents(store);
  assert.equal(JSON.stringify(await store.listIncidents()), incremental, "equal to a rebuild from scratch");
  await store.close();
});

test("two updaters of one block: the one that commits second plans again on the new state", async () => {
  const dir = mkdtempSync(join(tmpdir(), "escapewatch-updaters-"));
  const path = join(dir, "two.db");
  const [a, b] = [await openStore(path), await openStore(path)];
  try {
    await a.addDocument(doc("first", "2022-01-21"), inBlocks([mention("first", { counts: [count("escaped", claim("first", 20, 20, "police"))] })]), []);
    const racing = withWriterAfterFirstRead(a, async () => {
      await b.addDocument(doc("second", "2022-01-20"), inBlocks([mention("second", { counts: [count("escaped", claim("second", 30, 30, "monitors"))] })]), []);
      await updateIncidents(b); // commits first: a's plan is now stale
    });
    const outcomes: string[] = [];
    const commit = a.commitMerge.bind(a);
    a.commitMerge = async (plan) => {
      const outcome = await commit(plan);
      outcomes.push(outcome);
      return outcome;
    };
    await updateIncidents(racing);
    assert.deepEqual(outcomes, ["stale", "done"]);
    const [escape] = await a.listIncidents();
    assert.deepEqual(escape.documents, ["first", "second"]);
    assert.deepEqual(await a.dirtyBlocks(), []);
    const incremental = JSON.stringify(await a.listIncidents());
    await rebuildAllIncidents(a);
    assert.equal(JSON.stringify(await a.listIncidents()), incremental, "equal to a rebuild from scratch");
  } finally {
    await a.close();
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
