// The read routes analysts use beyond listing: the filters shared with the CLI (status, document,
// facilities and places by any alias), GET /api/export in every format, facilities found by
// alias, a document's page with the incidents and claims it fed, and an incident's derived
// figures with the incidents they were computed from. Texts are written for these tests.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { openStore } from "../store/open.ts";
import type { Store } from "../store/store.ts";
import type { FacilityRef, Incident } from "../model/incident.ts";
import { HASAKAH_TOWN, claimIn, makeCount, makeDoc, makeIncident, makeMention, stored } from "../store/store.fixtures.ts";
import { createApp } from "./app.ts";

const GHWAYRAN: FacilityRef = { id: "ghwayran-prison", name: "Ghwayran prison", kind: "prison", place: { ...HASAKAH_TOWN, id: "hasakah", precision: "facility" } };
const TEXT_1 = "Guards counted 40 inmates missing after the assault on the prison, a monitor said.";
const TEXT_2 = "By Sunday the guard force had caught 25 of the runaways in nearby villages.";

const ESCAPE: Incident = makeIncident("inc-escape", {
  facility: GHWAYRAN,
  place: GHWAYRAN.place,
  status: "disputed",
  roles: [{ actor: "Islamic State", role: "initiator" }, { actor: "Syrian Democratic Forces", role: "holder" }],
  counts: [
    makeCount("escaped", [claimIn("doc-1", TEXT_1, "40 inmates missing", 2000, 9999, "monitor")], { best: 3000, high: 9999, vague: true }),
    makeCount("at_large", [], { low: 15, best: 15, high: 15, derived: true, derivedFrom: ["inc-escape", "inc-recapture"] }),
  ],
  documents: ["doc-1"],
});
const RECAPTURE: Incident = makeIncident("inc-recapture", {
  type: "recapture",
  facility: GHWAYRAN,
  place: GHWAYRAN.place,
  date: { earliest: "2025-03-05", latest: "2025-03-05" },
  counts: [makeCount("recaptured", [claimIn("doc-2", TEXT_2, "caught 25 of the runaways", 25, 25, "guard force")])],
  documents: ["doc-2"],
});
const PLANNED: Incident = makeIncident("inc-planned", { type: "transfer", status: "planned", facility: null, place: { ...HASAKAH_TOWN, id: "tal-afar", admin1: "Nineveh", country: "IQ", name: "Tal Afar" }, documents: ["doc-3"] });

let store: Store;
before(async () => {
  store = await openStore(":memory:");
  await store.addDocument(makeDoc("doc-1", { text: TEXT_1 }), [stored(makeMention("doc-1", "m1"), "b")], []);
  await store.addDocument(makeDoc("doc-2", { text: TEXT_2 }), [stored(makeMention("doc-2", "m2"), "b")], []);
  await store.addDocument(makeDoc("doc-3"), [stored(makeMention("doc-3", "m3"), "b")], []);
  await store.replaceIncidents(["b"], [ESCAPE, RECAPTURE, PLANNED]);
});
after(() => store.close());

const get = (path: string) => createApp({ store }).request(path);
const ids = (items: Array<{ id: string }>) => items.map((i) => i.id).sort();

describe("GET /api/incidents filters shared with the CLI", () => {
  const table: Array<[string, string[]]> = [
    ["status=planned", ["inc-planned"]],
    ["status=disputed", ["inc-escape"]],
    ["document=doc-2", ["inc-recapture"]],
    ["facility=Gweiran", ["inc-escape", "inc-recapture"]],
    ["facility=Sinaa%20prison", ["inc-escape", "inc-recapture"]],
    ["q=Hassakeh", ["inc-escape", "inc-recapture"]],
    ["q=Gweiran&type=recapture", ["inc-recapture"]],
  ];
  for (const [query, expected] of table) {
    test(query, async () => assert.deepEqual(ids((await (await get(`/api/incidents?${query}`)).json()).items), expected));
  }

  test("a bad status is a 400 naming the choices", async () => {
    const res = await get("/api/incidents?status=maybe");
    assert.equal(res.status, 400);
    assert.match((await res.json()).error.message, /occurred, planned, disputed/);
  });

  test("summaries carry roles and flag a vague count", async () => {
    const body = await (await get("/api/incidents?facility=ghwayran-prison&type=escape")).json();
    assert.deepEqual(body.items[0].roles, ESCAPE.roles);
    assert.equal(body.items[0].counts[0].vague, true);
  });
});

describe("GET /api/export", () => {
  const FORMATS: Array<[string, RegExp, string]> = [
    ["json", /^application\/json/, "escapewatch-incidents.json"],
    ["csv", /^text\/csv/, "escapewatch-incidents.csv"],
    ["ucdp", /^text\/csv/, "escapewatch-incidents.ucdp.csv"],
    ["geojson", /^application\/geo\+json/, "escapewatch-incidents.geojson"],
  ];
  for (const [format, type, file] of FORMATS) {
    test(`format=${format} streams an attachment`, async () => {
      const res = await get(`/api/export?format=${format}`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get("content-type") ?? "", type);
      assert.equal(res.headers.get("content-disposition"), `attachment; filename="${file}"`);
      assert.ok((await res.text()).length > 100);
    });
  }

  test("the filters narrow every format to what they ask", async () => {
    const json = await (await get("/api/export?format=json&facility=Gweiran&type=recapture")).json();
    assert.deepEqual(ids(json.incidents), ["inc-recapture"]);
    assert.deepEqual(ids(json.documents), ["doc-2"]);
    const csv = (await (await get("/api/export?format=csv&status=planned")).text()).trimEnd().split("\n");
    assert.equal(csv.length, 2);
    assert.ok(csv[1].includes("inc-planned"));
    const geojson = await (await get("/api/export?format=geojson&q=Hassakeh")).json();
    assert.deepEqual(ids(geojson.features), ["inc-escape", "inc-recapture"]);
  });

  test("json is the default format", async () => {
    assert.equal((await (await get("/api/export")).json()).format, "escapewatch.export/1");
  });

  for (const query of ["format=xml", "format=csv&type=breakout", "format=csv&since=soon"]) {
    test(`${query} is a 400 before any byte of export`, async () => {
      const res = await get(`/api/export?${query}`);
      assert.equal(res.status, 400);
      assert.equal((await res.json()).error.code, "E_BAD_QUERY");
    });
  }
});

describe("facilities and documents by what a reader knows", () => {
  for (const name of ["Gweiran", "Sinaa prison", "ghwayran-prison"]) {
    test(`/api/facilities/${name} is Ghwayran prison`, async () => {
      const res = await get(`/api/facilities/${encodeURIComponent(name)}`);
      assert.equal(res.status, 200);
      assert.equal((await res.json()).facility.id, "ghwayran-prison");
    });
  }

  test("/api/facilities?q= lists the facilities an alias names", async () => {
    const body = await (await get("/api/facilities?q=Gweiran")).json();
    assert.deepEqual(body.items.map((f: { facility: FacilityRef; incidents: number }) => [f.facility.id, f.incidents]), [["ghwayran-prison", 2]]);
    assert.equal((await (await get("/api/facilities?q=Atlantis")).json()).total, 0);
  });

  test("a document lists the incidents it fed and the claims it gave each", async () => {
    const body = await (await get("/api/documents/doc-2")).json();
    assert.equal(body.text, TEXT_2);
    assert.deepEqual(body.fed.map((f: { incident: { id: string } }) => f.incident.id), ["inc-recapture"]);
    const [claim] = body.fed[0].claims;
    assert.deepEqual([claim.quantity, claim.low, claim.source], ["recaptured", 25, "guard force"]);
    assert.equal(TEXT_2.slice(claim.start, claim.end), "caught 25 of the runaways");
  });

  test("an incident names the incidents its derived figure was computed from", async () => {
    const body = await (await get("/api/incidents/inc-escape")).json();
    assert.deepEqual(ids(body.derivedFrom), ["inc-recapture"]);
    assert.deepEqual(body.incident.counts[1].derivedFrom, ["inc-escape", "inc-recapture"]);
  });
});
