// The incident filter every Store implementation must honour the same way: status, a facility
// or place named by any alias the gazetteer knows, the documents an incident came from, and
// filtered streams for exports. Called beside runStoreContract by each implementation's tests.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import type { FacilityRef, Incident } from "../model/incident.ts";
import type { IncidentFilter, Store } from "./store.ts";
import { HASAKAH_TOWN, RIVER_CAMP, makeDoc, makeIncident, makeMention, stored } from "./store.fixtures.ts";

const BLOCK = "escape|SY";

/** A curated facility, so its aliases come from the gazetteer and not from this test. */
const GHWAYRAN: FacilityRef = { id: "ghwayran-prison", name: "Ghwayran prison", kind: "prison", place: { ...HASAKAH_TOWN, id: "hasakah", precision: "facility" } };

const INCIDENTS: Incident[] = [
  makeIncident("g-attack", { type: "attack", facility: GHWAYRAN, place: GHWAYRAN.place, status: "disputed", actors: ["Islamic State"], documents: ["doc-1", "doc-2"] }),
  makeIncident("g-escape", { facility: GHWAYRAN, place: GHWAYRAN.place, status: "occurred", documents: ["doc-2"] }),
  makeIncident("r-transfer", { type: "transfer", status: "planned", facility: RIVER_CAMP, place: RIVER_CAMP.place, documents: ["doc-3"] }),
  makeIncident("t-alert", { type: "alert", facility: null, place: { ...HASAKAH_TOWN, id: "hasakah" }, documents: ["doc-3"] }),
];

export function runStoreFilterContract(name: string, makeStore: () => Promise<Store>): void {
  async function withIncidents(body: (store: Store) => Promise<void>): Promise<void> {
    const store = await makeStore();
    try {
      for (const id of ["doc-1", "doc-2", "doc-3", "doc-4"]) await store.addDocument(makeDoc(id), [stored(makeMention(id, `m-${id}`), BLOCK)], []);
      await store.replaceIncidents([BLOCK], INCIDENTS);
      await body(store);
    } finally {
      await store.close();
    }
  }

  const ids = (incidents: Incident[]) => incidents.map((i) => i.id).sort();

  describe(`Store filter contract: ${name}`, () => {
    const table: Array<[string, IncidentFilter, string[]]> = [
      ["status disputed", { status: "disputed" }, ["g-attack"]],
      ["status planned", { status: "planned" }, ["r-transfer"]],
      ["facility by its id", { facility: "ghwayran-prison" }, ["g-attack", "g-escape"]],
      ["facility by a transliteration", { facility: "Gweiran" }, ["g-attack", "g-escape"]],
      ["facility by another name", { facility: "Sinaa prison" }, ["g-attack", "g-escape"]],
      ["facility by an alias in other case", { facility: "al-sinaa prison" }, ["g-attack", "g-escape"]],
      ["facility by a name fragment", { facility: "river bend" }, ["r-transfer"]],
      ["an unknown facility", { facility: "Nowhere jail" }, []],
      ["text: a facility's alias", { text: "Gweiran" }, ["g-attack", "g-escape"]],
      ["text: a place's transliteration", { text: "Hassakeh" }, ["g-attack", "g-escape", "t-alert"]],
      ["text: an actor's alias", { text: "Daesh" }, ["g-attack"]],
      ["text: a country's name", { text: "Iraq" }, ["r-transfer"]],
      ["text: a word no alias knows", { text: "kidnap" }, []],
      ["document", { document: "doc-3" }, ["r-transfer", "t-alert"]],
      ["document and type", { document: "doc-2", type: "escape" }, ["g-escape"]],
      ["a document that reports nothing", { document: "doc-4" }, []],
    ];
    for (const [label, filter, expected] of table) {
      test(`listIncidents / countIncidents / iterateIncidents: ${label}`, () =>
        withIncidents(async (store) => {
          assert.deepEqual(ids(await store.listIncidents(filter)), expected);
          assert.equal(await store.countIncidents(filter), expected.length);
          const streamed: Incident[] = [];
          for await (const incident of store.iterateIncidents(filter)) streamed.push(incident);
          assert.deepEqual(streamed.map((i) => i.id), expected, "streamed in id order");
        }));
    }

    test("iterateIncidents ignores limit and offset", () =>
      withIncidents(async (store) => {
        const streamed: string[] = [];
        for await (const incident of store.iterateIncidents({ limit: 1, offset: 1 })) streamed.push(incident.id);
        assert.deepEqual(streamed, ids(INCIDENTS));
      }));

    test("iterateDocuments with a filter streams only the documents of matching incidents", () =>
      withIncidents(async (store) => {
        const documents = async (filter?: IncidentFilter) => {
          const seen: string[] = [];
          for await (const doc of store.iterateDocuments(filter)) seen.push(doc.id);
          return seen;
        };
        assert.deepEqual(await documents(), ["doc-1", "doc-2", "doc-3", "doc-4"]);
        assert.deepEqual(await documents({ limit: 1 }), ["doc-1", "doc-2", "doc-3", "doc-4"], "a filter with no condition keeps every document");
        assert.deepEqual(await documents({ facility: "Gweiran" }), ["doc-1", "doc-2"]);
        assert.deepEqual(await documents({ type: "transfer" }), ["doc-3"]);
        assert.deepEqual(await documents({ type: "riot" }), []);
      }));

    test("documentSummaries keeps the order asked for and skips unknown ids", () =>
      withIncidents(async (store) => {
        const found = await store.documentSummaries(["doc-3", "missing", "doc-1", "doc-3"]);
        assert.deepEqual(found.map((d) => d.id), ["doc-3", "doc-1"]);
        assert.equal(found[0].title, "Report doc-3");
        assert.deepEqual(await store.documentSummaries([]), []);
      }));
  });
}
