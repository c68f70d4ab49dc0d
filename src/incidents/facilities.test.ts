import { test } from "node:test";
import assert from "node:assert/strict";
import { openStore } from "../store/open.ts";
import type { Store } from "../store/store.ts";
import { facilityHistory, findFacilities } from "./facilities.ts";
import { updateIncidents } from "./update.ts";
import { GHWAYRAN, HOL, HOL_CAMP, SHADDADI_PRISON, claim, count, day, doc, holding, inBlocks, mention } from "./testing/fixtures.ts";

const atHol = { facility: HOL_CAMP, place: HOL };

async function holStore(): Promise<Store> {
  const store = await openStore(":memory:");
  // 2024: described as SDF-run, holding about 40,000 people.
  await store.addDocument(
    doc("h1", "2024-06-01"),
    inBlocks([mention("h1", { ...atHol, type: "alert", date: day("2024-05-30"), counts: [count("held", claim("h1", 40000, 40000, "UN"))] })]),
    [holding("h1", HOL_CAMP, "Syrian Democratic Forces", null)],
  );
  // 2026: government forces take the camp; an escape follows.
  await store.addDocument(
    doc("h2", "2026-01-21"),
    inBlocks([
      mention("h2", { ...atHol, type: "control_change", date: day("2026-01-20"), actors: ["Syrian Democratic Forces", "Syrian government"] }),
      mention("h2", { ...atHol, date: day("2026-01-20"), counts: [count("escaped", claim("h2", 2000, 9999, "Kurdish media"))] }),
    ]),
    [],
  );
  await store.addDocument(doc("h3", "2026-02-10"), [], [holding("h3", HOL_CAMP, "Syrian government", "2026-02-09")]);
  await store.addDocument(doc("s1", "2026-01-19"), inBlocks([mention("s1", { facility: SHADDADI_PRISON, place: SHADDADI_PRISON.place })]), []);
  await updateIncidents(store);
  return store;
}

test("facility history: holders over time from statements and control changes", async () => {
  const store = await holStore();
  const history = await facilityHistory(store, "al-Hol");
  assert.ok(history);
  assert.equal(history.facility.id, HOL_CAMP.id);
  assert.deepEqual(
    history.holders.map((p) => [p.holder, p.from, p.until, p.evidence.map((e) => e.basis)]),
    [
      ["Syrian Democratic Forces", "2024-06-01", "2026-01-20", ["statement"]],
      ["Syrian government", "2026-01-20", null, ["control_change", "statement"]],
    ],
  );
  await store.close();
});

test("facility history: population and movements over time, incidents oldest first", async () => {
  const store = await holStore();
  const history = (await facilityHistory(store, "al-hol-camp"))!;
  assert.deepEqual(history.population.map((f) => [f.date?.earliest, f.best, f.claims[0].source]), [["2024-05-30", 40000, "UN"]]);
  assert.deepEqual(history.movements.map((f) => [f.quantity, f.low, f.high]), [["escaped", 2000, 9999]]);
  assert.deepEqual(history.incidents.map((i) => i.type), ["alert", "escape", "control_change"]);
  await store.close();
});

test("findFacilities: by id, exact name, name fragment; unknown is empty", async () => {
  const store = await holStore();
  const table: Array<[string, string[]]> = [
    ["shaddadi-prison", [SHADDADI_PRISON.id]],
    ["al-Hol camp", [HOL_CAMP.id]],
    ["Shaddadi", [SHADDADI_PRISON.id]],
    [GHWAYRAN.name, []],
    ["", []],
  ];
  for (const [query, ids] of table) assert.deepEqual((await findFacilities(store, query)).map((f) => f.id), ids, query);
  assert.equal(await facilityHistory(store, "no such place"), null);
  await store.close();
});
