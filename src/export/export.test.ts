import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { Writable } from "node:stream";
import type { Incident } from "../model/incident.ts";
import type { DocumentSummary } from "../store/store.ts";
import { openStore } from "../store/open.ts";
import {
  HASAKAH_TOWN,
  NORTH_PRISON,
  claimIn,
  makeCount,
  makeDoc,
  makeIncident,
  makeMention,
  stored,
} from "../store/store.fixtures.ts";
import { CSV_COLUMNS, csvRow } from "./csv.ts";
import { formatTotals } from "./geojson.ts";
import { EXPORT_FORMATS, writeExport, type ExportFormat, type ExportSource } from "./index.ts";
import { timePrecision } from "./project.ts";

// ---- fixtures -------------------------------------------------------------------------------

const AWKWARD_TEXT =
  'The governor said, "nobody left the building", but residents disagreed.\n' +
  "Guards later counted 9 missing, and 2 guards and 1 attacker were killed in the clash.";

const escape = makeIncident("inc-escape", {
  actors: ["Islamic State", "Prison guards"],
  counts: [
    makeCount("escaped", [
      claimIn("doc-1", AWKWARD_TEXT, 'The governor said, "nobody left the building", but residents disagreed.\nGuards later counted 9 missing', 9, 9, "Provincial governor"),
      claimIn("doc-2", AWKWARD_TEXT, "9 missing", 9, 12, "Provincial governor"),
    ]),
    makeCount("killed", [claimIn("doc-1", AWKWARD_TEXT, "2 guards", 2, 2, "Hospital source")], { group: "security_forces" }),
    makeCount("killed", [claimIn("doc-1", AWKWARD_TEXT, "1 attacker", 1, null, null)], { group: "attackers", high: null }),
  ],
  documents: ["doc-1", "doc-2"],
  mentions: ["m1", "m2"],
});

const transfer = makeIncident("inc-transfer", {
  type: "transfer",
  status: "planned",
  facility: null,
  place: { name: "Tal Khadra", admin1: "Nineveh", country: "IQ", lat: 35.1, lon: 43.2, precision: "admin1" },
  destination: { name: "Baghdad", admin1: "Baghdad", country: "IQ", lat: 33.3, lon: 44.4, precision: "town" },
  date: { earliest: "2025-05-01", latest: "2025-05-05" },
  documents: ["doc-2"],
});

const nowhere = makeIncident("inc-alert", { type: "alert", facility: null, place: null, date: null, documents: ["doc-3"] });

const DOCUMENTS: DocumentSummary[] = ["doc-1", "doc-2", "doc-3"].map((id) => ({
  id,
  url: null,
  title: `Title of ${id}, with a comma`,
  published: id === "doc-3" ? null : "2025-03-04",
  relevant: id !== "doc-3",
  contentHash: "0".repeat(64),
  length: 100,
  ingestedAt: "2025-03-05T00:00:00.000Z",
}));

function sourceOf(documents: DocumentSummary[], incidents: Incident[]): ExportSource {
  return {
    async *iterateDocuments() {
      yield* documents;
    },
    async *iterateIncidents() {
      yield* incidents;
    },
  };
}

/** A Writable that keeps every chunk; `highWaterMark: 1` makes every write apply backpressure. */
class Collector extends Writable {
  chunks: string[] = [];
  constructor() {
    super({ highWaterMark: 1, decodeStrings: false });
  }
  _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.chunks.push(chunk.toString());
    setImmediate(done); // a slow consumer: the writer must wait for 'drain'
  }
  get text(): string {
    return this.chunks.join("");
  }
}

async function exported(format: ExportFormat, source: ExportSource): Promise<Collector> {
  const out = new Collector();
  await writeExport(source, format, out);
  assert.equal(out.writableEnded, false, "the destination is left open (it may be stdout)");
  return out;
}

/** RFC 4180 reader, enough to check the writer's quoting round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\n") row.push(cell), rows.push(row), (row = []), (cell = "");
    else cell += c;
  }
  if (cell !== "" || row.length > 0) row.push(cell), rows.push(row);
  return rows;
}

// ---- JSON -----------------------------------------------------------------------------------

describe("json export", () => {
  const CONTRACT = {
    document: ["id", "url", "title", "published", "relevant"],
    incident: ["id", "type", "status", "facility", "place", "destination", "date", "actors", "counts", "documents"],
    count: ["quantity", "group", "low", "best", "high", "claims"],
    claim: ["low", "high", "source", "document", "quote", "start", "end"],
    place: ["name", "admin1", "country", "lat", "lon", "precision"],
  };

  function assertHasFields(object: object, fields: string[], what: string) {
    for (const field of fields) assert.ok(field in object, `${what} lacks "${field}"`);
  }

  test("is one JSON document with every field the contract names", async () => {
    const out = await exported("json", sourceOf(DOCUMENTS, [escape, transfer, nowhere]));
    const data = JSON.parse(out.text);
    assert.equal(data.format, "escapewatch.export/1");
    assert.deepEqual(
      data.documents.map((d: { id: string }) => d.id),
      ["doc-1", "doc-2", "doc-3"],
    );
    for (const doc of data.documents) assertHasFields(doc, CONTRACT.document, "document");
    assert.deepEqual(data.documents[2], { id: "doc-3", url: null, title: "Title of doc-3, with a comma", published: null, relevant: false });
    for (const incident of data.incidents) {
      assertHasFields(incident, CONTRACT.incident, "incident");
      for (const count of incident.counts) {
        assertHasFields(count, CONTRACT.count, "count");
        for (const claim of count.claims) assertHasFields(claim, CONTRACT.claim, "claim");
      }
    }
  });

  test("projects facility, places, date and claims as the contract shapes them", async () => {
    const data = JSON.parse((await exported("json", sourceOf([], [escape, transfer, nowhere]))).text);
    const [esc, tra, alert] = data.incidents;
    assert.deepEqual(esc.facility, { id: "north-gate-prison", name: "North Gate Prison", kind: "prison" });
    assert.deepEqual(esc.place, { id: "sy-hasakah", name: "Hasakah", admin1: "Hasakah", country: "SY", lat: 36.5, lon: 40.75, precision: "town" });
    assert.deepEqual(esc.date, { earliest: "2025-03-03", latest: "2025-03-03" });
    assert.deepEqual(esc.counts[0].claims[1], {
      low: 9, high: 12, source: "Provincial governor", document: "doc-2", quote: "9 missing",
      start: AWKWARD_TEXT.indexOf("9 missing"), end: AWKWARD_TEXT.indexOf("9 missing") + 9, rule: "quantity.cardinal",
    });
    assert.equal(esc.counts[2].high, null);
    assert.equal(tra.status, "planned");
    assert.equal(tra.facility, null);
    assert.equal(tra.destination.name, "Baghdad");
    for (const field of CONTRACT.place) assert.ok(field in tra.destination);
    assert.equal(alert.place, null);
    assert.equal(alert.date, null);
  });

  test("an incident without a place takes its facility's place", async () => {
    const data = JSON.parse((await exported("json", sourceOf([], [{ ...escape, place: null }]))).text);
    assert.equal(data.incidents[0].place.name, NORTH_PRISON.place?.name);
  });

  test("an empty store is a valid export with empty lists", async () => {
    const data = JSON.parse((await exported("json", sourceOf([], []))).text);
    assert.deepEqual(data, { format: "escapewatch.export/1", documents: [], incidents: [] });
  });

  test("is written record by record, not as one string", async () => {
    const out = await exported("json", sourceOf(DOCUMENTS, [escape, transfer, nowhere]));
    assert.ok(out.chunks.length >= DOCUMENTS.length + 3, `only ${out.chunks.length} writes`);
  });

  test("exports what a real store holds", async () => {
    const store = await openStore(":memory:");
    try {
      await store.addDocument(makeDoc("doc-1"), [stored(makeMention("doc-1", "m1"), "escape|SY")], []);
      await store.replaceIncidents(["escape|SY"], [{ ...escape, documents: ["doc-1"], mentions: ["m1"] }]);
      const data = JSON.parse((await exported("json", store)).text);
      assert.deepEqual(data.documents.map((d: { id: string }) => d.id), ["doc-1"]);
      assert.deepEqual(data.incidents.map((i: { id: string }) => i.id), ["inc-escape"]);
      assert.equal(data.incidents[0].counts.length, 3);
    } finally {
      await store.close();
    }
  });
});

// ---- CSV ------------------------------------------------------------------------------------

describe("csv export", () => {
  test("always starts with the header row, even with no incidents", async () => {
    const rows = parseCsv((await exported("csv", sourceOf([], []))).text);
    assert.deepEqual(rows, [[...CSV_COLUMNS]]);
  });

  test("quotes commas, double quotes and newlines so every cell round-trips", async () => {
    const text = (await exported("csv", sourceOf([], [escape, transfer, nowhere]))).text;
    assert.ok(text.includes('""nobody left the building""'), "inner quotes are doubled");
    const rows = parseCsv(text);
    assert.equal(rows.length, 4);
    for (const row of rows) assert.equal(row.length, CSV_COLUMNS.length);
    const notes = rows[1][CSV_COLUMNS.indexOf("notes")];
    assert.equal(notes, escape.counts[0].claims[0].quote);
    assert.ok(notes.includes("\n") && notes.includes(",") && notes.includes('"'));
  });

  const column = (incident: Incident, name: string) => csvRow(incident)[name];
  const table: Array<[string, Incident, string, string | number | null]> = [
    ["event id", escape, "event_id_cnty", "inc-escape"],
    ["exact day", escape, "event_date", "2025-03-03"],
    ["exact day precision", escape, "time_precision", 1],
    ["window: its first day", transfer, "event_date", "2025-05-01"],
    ["five-day window precision", transfer, "time_precision", 2],
    ["unknown date", nowhere, "event_date", null],
    ["unknown date precision", nowhere, "time_precision", 3],
    ["event type", escape, "event_type", "Detention facility incident"],
    ["sub event type", transfer, "sub_event_type", "transfer"],
    ["actor1", escape, "actor1", "Islamic State"],
    ["actor2", escape, "actor2", "Prison guards"],
    ["no actors", nowhere, "actor1", null],
    ["country name", escape, "country", "Syria"],
    ["iso2", transfer, "iso2", "IQ"],
    ["admin1", transfer, "admin1", "Nineveh"],
    ["location", escape, "location", "Hasakah"],
    ["latitude", escape, "latitude", 36.5],
    ["longitude", escape, "longitude", 40.75],
    ["town precision", escape, "geo_precision", 1],
    ["admin1 precision", transfer, "geo_precision", 2],
    ["no place", nowhere, "geo_precision", null],
    ["distinct sources", escape, "source", "Provincial governor; Hospital source"],
    ["fatalities add up over groups", escape, "fatalities", 3],
    ["no killed count", transfer, "fatalities", 0],
    ["notes fall back to the facility", { ...escape, counts: [] }, "notes", "North Gate Prison"],
    ["status", transfer, "status", "planned"],
    ["facility", escape, "facility", "North Gate Prison"],
    ["escaped low", escape, "escaped_low", 9],
    ["escaped high", escape, "escaped_high", 9],
    ["killed high open-ended", escape, "killed_high", null],
    ["killed best", escape, "killed_best", 3],
    ["no count", escape, "held_best", null],
    ["documents", escape, "documents", "doc-1; doc-2"],
  ];
  for (const [label, incident, name, expected] of table) {
    test(`column ${name}: ${label}`, () => assert.equal(column(incident, name), expected));
  }

  test("every row has every column", () => {
    for (const incident of [escape, transfer, nowhere]) {
      assert.deepEqual(Object.keys(csvRow(incident)).sort(), [...CSV_COLUMNS].sort());
    }
  });
});

describe("timePrecision", () => {
  const table: Array<[{ earliest: string; latest: string } | null, number]> = [
    [{ earliest: "2025-01-01", latest: "2025-01-01" }, 1],
    [{ earliest: "2025-01-01", latest: "2025-01-08" }, 2],
    [{ earliest: "2025-01-01", latest: "2025-01-09" }, 3],
    [{ earliest: "2024-12-30", latest: "2025-01-02" }, 2],
    [null, 3],
  ];
  for (const [date, expected] of table) {
    test(`${JSON.stringify(date)} -> ${expected}`, () => assert.equal(timePrecision(date), expected));
  }
});

// ---- GeoJSON --------------------------------------------------------------------------------

/** Structural RFC 7946 checks for what this export writes: Points or null geometries. */
function geojsonProblems(data: unknown): string[] {
  const problems: string[] = [];
  const collection = data as { type?: unknown; features?: unknown };
  if (collection?.type !== "FeatureCollection") problems.push("type is not FeatureCollection");
  if (!Array.isArray(collection?.features)) return [...problems, "features is not an array"];
  collection.features.forEach((feature: any, i: number) => {
    if (feature?.type !== "Feature") problems.push(`feature ${i}: type is not Feature`);
    if (typeof feature?.properties !== "object") problems.push(`feature ${i}: properties missing`);
    if (!("geometry" in (feature ?? {}))) problems.push(`feature ${i}: geometry missing`);
    const geometry = feature?.geometry;
    if (geometry === null) return;
    if (geometry?.type !== "Point") problems.push(`feature ${i}: geometry is not a Point`);
    const c = geometry?.coordinates;
    if (!Array.isArray(c) || c.length !== 2 || !c.every(Number.isFinite)) {
      problems.push(`feature ${i}: coordinates are not two finite numbers`);
    } else if (Math.abs(c[0]) > 180 || Math.abs(c[1]) > 90) {
      problems.push(`feature ${i}: [lon, lat] out of range`);
    }
  });
  return problems;
}

describe("geojson export", () => {
  test("the validator rejects broken collections", () => {
    const bad: Array<[unknown, string]> = [
      [{ type: "Collection", features: [] }, "type is not FeatureCollection"],
      [{ type: "FeatureCollection" }, "features is not an array"],
      [{ type: "FeatureCollection", features: [{ type: "Feature", properties: {}, geometry: { type: "Point", coordinates: [40] } }] }, "feature 0: coordinates are not two finite numbers"],
      [{ type: "FeatureCollection", features: [{ type: "Feature", properties: {}, geometry: { type: "Point", coordinates: [36.5, 140.75] } }] }, "feature 0: [lon, lat] out of range"],
    ];
    for (const [data, problem] of bad) assert.ok(geojsonProblems(data).includes(problem), problem);
  });

  test("is a valid FeatureCollection with one feature per incident", async () => {
    const data = JSON.parse((await exported("geojson", sourceOf(DOCUMENTS, [escape, transfer, nowhere]))).text);
    assert.deepEqual(geojsonProblems(data), []);
    assert.deepEqual(
      data.features.map((f: { id: string }) => f.id),
      ["inc-escape", "inc-transfer", "inc-alert"],
    );
  });

  test("places a point at [lon, lat] of the facility, else the place; keeps unplaceable incidents with null geometry", async () => {
    const elsewhere = { ...escape, id: "inc-elsewhere", place: { ...HASAKAH_TOWN, lat: 1, lon: 2 } };
    const data = JSON.parse((await exported("geojson", sourceOf([], [elsewhere, transfer, nowhere]))).text);
    assert.deepEqual(data.features[0].geometry, { type: "Point", coordinates: [40.75, 36.5] });
    assert.deepEqual(data.features[1].geometry, { type: "Point", coordinates: [43.2, 35.1] });
    assert.equal(data.features[2].geometry, null);
  });

  test("properties carry the dates, facility, place and a counts summary", async () => {
    const data = JSON.parse((await exported("geojson", sourceOf([], [escape]))).text);
    const p = data.features[0].properties;
    assert.equal(p.date_earliest, "2025-03-03");
    assert.equal(p.date_latest, "2025-03-03");
    assert.equal(p.facility, "North Gate Prison");
    assert.equal(p.place, "Hasakah");
    assert.equal(p.country, "SY");
    assert.equal(p.counts, "escaped 9, killed 3+");
    assert.equal(p.killed_best, 3);
    assert.equal(p.documents, "doc-1; doc-2");
  });

  test("formatTotals reads exact, ranged and open counts", () => {
    const table: Array<[{ low: number; best: number; high: number | null }, string]> = [
      [{ low: 37, best: 37, high: 37 }, "37"],
      [{ low: 24, best: 50, high: 99 }, "24-99"],
      [{ low: 750, best: 750, high: null }, "750+"],
    ];
    for (const [totals, expected] of table) assert.equal(formatTotals(totals), expected);
  });
});

describe("writeExport", () => {
  test("rejects an unknown format with a stable code", async () => {
    await assert.rejects(writeExport(sourceOf([], []), "xml", new Collector()), /E_EXPORT_FORMAT/);
  });

  test("offers json, csv and geojson", () => {
    assert.deepEqual(Object.keys(EXPORT_FORMATS), ["json", "csv", "geojson"]);
  });
});
