// The incremental path against the definition: whatever order documents arrive in, and however
// they are grouped between updates, the stored incidents equal a build from scratch (build.ts),
// and so does a rebuild of the store.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import type { Incident } from "../model/incident.ts";
import { openStore } from "../store/open.ts";
import { buildIncidents } from "./build.ts";
import { doc, inBlocks } from "./testing/fixtures.ts";
import { scenarios, type Scenario } from "./testing/scenarios.ts";
import { rebuildAllIncidents, updateIncidents } from "./update.ts";

const RUNS = 200;

// The version is the store's count of writes, which differs with the arrival order by design.
const byId = (incidents: Incident[]) => [...incidents].map(({ version: _version, ...incident }) => incident).sort((a, b) => (a.id < b.id ? -1 : 1));

/** Ingests the scenario's documents in `order`, updating after each group of `groups[i]` documents. */
async function ingest(scenario: Scenario, order: string[], groups: number[]): Promise<{ incremental: Incident[]; rebuilt: Incident[] }> {
  const store = await openStore(":memory:");
  try {
    let next = 0;
    for (let g = 0; next < order.length; g++) {
      for (const id of order.slice(next, next + groups[g % groups.length])) {
        const mentions = scenario.mentions.filter((m) => m.document === id);
        await store.addDocument(doc(id, scenario.published.get(id) ?? null), inBlocks(mentions), []);
      }
      next += groups[g % groups.length];
      await updateIncidents(store);
    }
    const incremental = byId(await store.listIncidents({ limit: 1000 }));
    await rebuildAllIncidents(store);
    return { incremental, rebuilt: byId(await store.listIncidents({ limit: 1000 })) };
  } finally {
    await store.close();
  }
}

test("property: any arrival order and grouping gives the incidents a build from scratch gives", async () => {
  await fc.assert(
    fc.asyncProperty(scenarios, fc.integer(), fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 4 }), async (scenario, seed, groups) => {
      const documents = [...new Set(scenario.mentions.map((m) => m.document))];
      const order = fc.sample(fc.shuffledSubarray(documents, { minLength: documents.length }), { seed, numRuns: 1 })[0];
      const expected = byId(buildIncidents(inBlocks(scenario.mentions), scenario.published));
      const { incremental, rebuilt } = await ingest(scenario, order, groups);
      assert.deepEqual(incremental, expected, `order ${order.join(",")} in groups of ${groups.join(",")}`);
      assert.deepEqual(rebuilt, expected, "rebuilt from scratch");
    }),
    { numRuns: RUNS },
  );
});
