import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { Writable } from "node:stream";
import type { Incident } from "../model/incident.ts";
import type { DocumentSummary, IncidentFilter } from "../store/store.ts";
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
import { CSV_COLUMNS, acledRow, sourceScale } from "./acled.ts";
import { ucdpDatePrecision, ucdpRow } from "./ucdp.ts";
import { formatTotals } from "./geojson.ts";
import { EXPORT_FORMATS, writeExport, type ExportFormat, type ExportSource } from "./index.ts";
import { eventNumber, timePrecision } from "./project.ts";

// ---- fixtures -------------------------------------------------------------------------------

const AWKWARD_TEXT =
  'The governor said, "nobody left the building", but residents disagreed.\n' +
  "Guards later counted 9 missing, and 2 guards and 1 attacker were killed in the clash.";

const escape = makeIncident("inc-escape", {
  actors: ["Islamic State", "Prison guards", "officials"],
  roles: [
    { actor: "Iraqi security forces", role: "holder" },
    { actor: "Provincial governor", role: "source" },
  ],
  counts: [
    makeCount("escaped", [
      claimIn("doc-1", AWKWARD_TEXT, 'The governor said, "nobody left the building", but residents disagreed.\nGuards later counted 9 missing', 9, 9, "Provincial governor"),
      claimIn("doc-2", AWKWARD_TEXT, "9 missing", 9, 12, "Provincial governor"),
      claimIn("doc-2", AWKWARD_TEXT, "9 missing", 9, 9, "officials"),
    ]),
    makeCount("killed", [claimIn("doc-1", AWKWARD_TEXT, "2 guards", 2, 2, "Hospital source")], { group: "security_forces" }),
    makeCount("killed", [claimIn("doc-1", AWKWARD_TEXT, "1 attacker", 1, null, null)], { group: "attackers", high: null }),
  ],
  documents: ["doc-1", "doc-2"],
  mentions: ["m1", "m2"],
});

/** 67 killed in all, of them 28 attackers and 7 guards; "thousands" escaped. */
const attack = makeIncident("inc-attack", {
  type: "attack",
  status: "disputed",
  roles: [
    { actor: "Islamic State", role: "initiator" },
    { actor: "People's Protection Units", role: "initiator" },
    { actor: "Syrian Democratic Forces", role: "target" },
    { actor: "officials", role: "source" },
  ],
  counts: [
    makeCount("escaped", [claimIn("doc-1", AWKWARD_TEXT, "9 missing", 2000, 9999, null)], { best: 3000, high: 9999, vague: true }),
    makeCount("killed", [claimIn("doc-1", AWKWARD_TEXT, "2 guards", 60, 60, "Health ministry"), claimIn("doc-1", AWKWARD_TEXT, "1 attacker", 70, 80, "Monitor")], {
      low: 60, best: 67, high: 80, disputed: true,
      disagreement: [
        { source: "Health ministry", low: 60, high: 60, best: 60, document: "doc-1" },
        { source: "Monitor", low: 70, high: 80, best: 75, document: "doc-1" },
      ],
    }),
    makeCount("killed", [claimIn("doc-1", AWKWARD_TEXT, "1 attacker", 28, 28, null)], { group: "attackers", best: 28, high: 28 }),
    makeCount("killed", [claimIn("doc-1", AWKWARD_TEXT, "2 guards", 7, 7, null)], { group: "security_forces", best: 7, high: 7 }),
  ],
  documents: ["doc-1"],
});

/** A facility taken by `taker` in fighting that killed 4. */
function takeover(taker: string): Incident {
  return makeIncident(`inc-takeover-${taker}`, {
    type: "control_change",
    roles: [{ actor: taker, role: "initiator" }],
    counts: [makeCount("killed", [claimIn("doc-1", AWKWARD_TEXT, "2 guards", 4, 4, null)], { best: 4, high: 4 })],
  });
}

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
  url: id === "doc-3" ? null : `https://www.news.example/${id}`,
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
    async documentSummaries(ids: string[]) {
      return documents.filter((d) => ids.includes(d.id));
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

async function exported(format: ExportFormat, source: ExportSource, filter?: IncidentFilter): Promise<Collector> {
  const out = new Collector();
  await writeExport(source, format, out, filter);
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

describe("csv export (ACLED's columns)", () => {
  test("always starts with the header row, even with no incidents", async () => {
    const rows = parseCsv((await exported("csv", sourceOf([], []))).text);
    assert.deepEqual(rows, [[...CSV_COLUMNS]]);
  });

  test("the first 31 columns are ACLED's, in ACLED's order", () => {
    assert.deepEqual(CSV_COLUMNS.slice(0, 31), [
      "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
      "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
      "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
      "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
    ]);
  });

  test("quotes commas, double quotes and newlines so every cell round-trips", async () => {
    const quoted = { ...escape, facility: { ...NORTH_PRISON, name: 'North "Gate", the\nold prison' } };
    const text = (await exported("csv", sourceOf(DOCUMENTS, [quoted, transfer, nowhere]))).text;
    const rows = parseCsv(text);
    assert.equal(rows.length, 4);
    for (const row of rows) assert.equal(row.length, CSV_COLUMNS.length);
    assert.equal(rows[1][CSV_COLUMNS.indexOf("facility")], 'North "Gate", the\nold prison');
  });

  const column = (incident: Incident, name: string, documents: DocumentSummary[] = []) => acledRow(incident, documents)[name];
  const table: Array<[string, Incident, string, string | number | null]> = [
    ["event id: ISO3 prefix and a stable number", escape, "event_id_cnty", `SYR${eventNumber("inc-escape")}`],
    ["event id without a country", nowhere, "event_id_cnty", `XXX${eventNumber("inc-alert")}`],
    ["exact day", escape, "event_date", "2025-03-03"],
    ["year", escape, "year", 2025],
    ["exact day precision", escape, "time_precision", 1],
    ["window: its first day", transfer, "event_date", "2025-05-01"],
    ["five-day window precision", transfer, "time_precision", 2],
    ["unknown date", nowhere, "event_date", null],
    ["unknown date precision", nowhere, "time_precision", 3],
    ["attack: political violence", attack, "disorder_type", "Political violence"],
    ["attack: battles", attack, "event_type", "Battles"],
    ["attack: armed clash", attack, "sub_event_type", "Armed clash"],
    ["riot: mob violence", { ...escape, type: "riot" }, "sub_event_type", "Mob violence"],
    ["escape: strategic development", escape, "disorder_type", "Strategic developments"],
    ["escape: other", escape, "sub_event_type", "Other"],
    ["recapture: arrests", { ...escape, type: "recapture" }, "sub_event_type", "Arrests"],
    ["alert: change to group/activity", nowhere, "sub_event_type", "Change to group/activity"],
    ["control change without deaths", { ...transfer, type: "control_change", counts: [] }, "sub_event_type", "Non-violent transfer of territory"],
    ["control change with deaths, taken by a state force", takeover("Syrian army"), "sub_event_type", "Government regains territory"],
    ["control change with deaths, taken by a rebel group", takeover("Islamic State"), "sub_event_type", "Non-state actor overtakes territory"],
    ["actor1 is the initiator", attack, "actor1", "Islamic State"],
    ["inter1 of a rebel group", attack, "inter1", 2],
    ["actor2 is the target", attack, "actor2", "Syrian Democratic Forces"],
    ["inter2 by the gazetteer's kind", attack, "inter2", 2],
    ["assoc_actor_1: further initiators", attack, "assoc_actor_1", "People's Protection Units"],
    ["interaction: lower code first", attack, "interaction", 22],
    ["escape: the holder is the other side", escape, "actor2", "Iraqi security forces"],
    ["escape: breakout by detainees nobody led", { ...escape, roles: [] }, "actor1", "Prisoners (Syria)"],
    ["escape: detainees are civilians", { ...escape, roles: [] }, "inter1", 7],
    ["interaction: state forces and civilians", { ...escape, roles: [{ actor: "Iraqi security forces", role: "holder" }] }, "interaction", 17],
    ["riot: rioters", { ...escape, type: "riot", roles: [] }, "actor1", "Rioters (Syria)"],
    ["riot: rioters' code", { ...escape, type: "riot", roles: [] }, "inter1", 5],
    ["riot: prisoners associated", { ...escape, type: "riot", roles: [] }, "assoc_actor_1", "Prisoners (Syria)"],
    ["attack by unnamed gunmen", { ...attack, roles: [] }, "actor1", "Unidentified Armed Group (Syria)"],
    ["an actor the gazetteer does not know has no code", { ...attack, roles: [{ actor: "Prison guards", role: "initiator" }] }, "inter1", null],
    ["sole actor: interaction with 0", { ...attack, roles: [{ actor: "Syrian army", role: "initiator" }] }, "interaction", 10],
    ["no civilian targeting is coded", attack, "civilian_targeting", null],
    ["iso is numeric", escape, "iso", 760],
    ["iso of Iraq", transfer, "iso", 368],
    ["region", escape, "region", "Middle East"],
    ["country name", escape, "country", "Syria"],
    ["admin1", transfer, "admin1", "Nineveh"],
    ["no admin2", transfer, "admin2", null],
    ["location", escape, "location", "Hasakah"],
    ["latitude", escape, "latitude", 36.5],
    ["longitude", escape, "longitude", 40.75],
    ["town precision", escape, "geo_precision", 1],
    ["admin1 precision", transfer, "geo_precision", 2],
    ["no place", nowhere, "geo_precision", null],
    ["named sources, generic words left out", escape, "source", "Provincial governor; Hospital source"],
    ["fatalities: the sum of groups when no overall figure is stated", escape, "fatalities", 3],
    ["fatalities: the overall figure, not the overall plus its groups", attack, "fatalities", 67],
    ["no killed count", transfer, "fatalities", 0],
    ["tags", attack, "tags", "facility=prison; disputed figures; vague figures"],
    ["type", transfer, "type", "transfer"],
    ["status", transfer, "status", "planned"],
    ["facility", escape, "facility", "North Gate Prison"],
    ["initiators", attack, "initiators", "Islamic State; People's Protection Units"],
    ["holders", escape, "holders", "Iraqi security forces"],
    ["escaped low", escape, "escaped_low", 9],
    ["escaped high", escape, "escaped_high", 9],
    ["escaped stated", escape, "escaped_vague", 0],
    ["escaped from 'thousands'", attack, "escaped_vague", 1],
    ["killed high open-ended", escape, "killed_high", null],
    ["killed best", escape, "killed_best", 3],
    ["no count", escape, "held_best", null],
    ["no count, no vague flag", escape, "held_vague", null],
    ["reports", escape, "reports", 2],
    ["documents", escape, "documents", "doc-1; doc-2"],
  ];
  for (const [label, incident, name, expected] of table) {
    test(`column ${name}: ${label}`, () => assert.equal(column(incident, name), expected));
  }

  test("source lists the named sources, then the outlets of the reports", () => {
    assert.equal(column(escape, "source", DOCUMENTS.slice(0, 2)), "Provincial governor; Hospital source; news.example");
  });

  test("source_scale from the kinds of the cited sources", () => {
    const table: Array<[string[], string, string | null]> = [
      [["Syrian Arab News Agency"], "SY", null],
      [["SANA"], "SY", "National"],
      [["SANA", "Reuters"], "SY", "National-International"],
      [["local media"], "SY", "Subnational"],
      [["Syrian Democratic Forces"], "SY", "Other"],
      [["Reuters", "Syrian Democratic Forces"], "IQ", "International-Other"],
      [["a man nobody knows"], "SY", null],
    ];
    for (const [sources, country, expected] of table) assert.equal(sourceScale(sources, country), expected, sources.join(", "));
  });

  test("timestamp: when the latest report was stored, in unix seconds", () => {
    assert.equal(column(escape, "timestamp", DOCUMENTS.slice(0, 2)), Date.parse("2025-03-05T00:00:00.000Z") / 1000);
    assert.equal(column(escape, "timestamp", []), null);
  });

  test("notes: a sentence of when, what, where, who and every figure, with the disputed ones by source", () => {
    const notes = String(column(attack, "notes"));
    assert.match(notes, /^On 2025-03-03, attack on North Gate Prison in Hasakah, Syria by Islamic State and People's Protection Units against Syrian Democratic Forces\./);
    assert.match(notes, /Escaped 2,000 to 9,999 \(best 3,000; a vague amount\)/);
    assert.match(notes, /Killed 60 to 80 \(best 67; disputed: Health ministry 60, Monitor 70-80\)/);
  });

  test("notes name a place once, and an unnamed facility as such", () => {
    const table: Array<[Incident, RegExp]> = [
      [{ ...attack, facility: null, place: { name: "Syria", admin1: null, country: "SY", lat: 35, lon: 38, precision: "country" } }, /^On 2025-03-03, attack on a detention facility in Syria by/],
      [transfer, /^Between 2025-05-01 and 2025-05-05, planned transfer of detainees from a detention facility in Tal Khadra, Iraq to Baghdad\./],
      [nowhere, /^On an unknown date, forces on alert over a detention facility\.$/],
    ];
    for (const [incident, expected] of table) assert.match(String(column(incident, "notes")), expected);
  });

  test("fatalities equal the JSON export's overall killed figure", async () => {
    const json = JSON.parse((await exported("json", sourceOf([], [attack, escape]))).text);
    for (const incident of json.incidents) {
      const killed = incident.counts.filter((c: { quantity: string }) => c.quantity === "killed");
      const overall = killed.find((c: { group: string | null }) => c.group === null);
      const expected = overall ? overall.best : killed.reduce((sum: number, c: { best: number }) => sum + c.best, 0);
      const original = [attack, escape].find((i) => i.id === incident.id)!;
      assert.equal(column(original, "fatalities"), expected, incident.id);
    }
  });

  test("every row has every column", () => {
    for (const incident of [escape, transfer, nowhere, attack]) {
      assert.deepEqual(Object.keys(acledRow(incident, [])).sort(), [...CSV_COLUMNS].sort());
    }
  });
});

describe("ucdp export (UCDP GED's columns)", () => {
  test("header row names UCDP's columns first", async () => {
    const rows = parseCsv((await exported("ucdp", sourceOf([], []))).text);
    assert.deepEqual(rows[0].slice(0, 19), [
      "id", "date_start", "date_end", "date_prec", "where_prec", "where_description", "adm_1", "country",
      "latitude", "longitude", "best", "low", "high", "number_of_sources", "source_article", "source_office",
      "source_date", "source_headline", "event_clarity",
    ]);
  });

  const column = (incident: Incident, name: string, documents: DocumentSummary[] = []) => ucdpRow(incident, documents)[name];
  const table: Array<[string, Incident, string, string | number | null]> = [
    ["a stable integer id", escape, "id", eventNumber("inc-escape")],
    ["date_start", transfer, "date_start", "2025-05-01"],
    ["date_end", transfer, "date_end", "2025-05-05"],
    ["exact day", escape, "date_prec", 1],
    ["a five-day window", transfer, "date_prec", 2],
    ["unknown date", nowhere, "date_prec", 5],
    ["a town", escape, "where_prec", 1],
    ["a province", transfer, "where_prec", 4],
    ["nowhere known", nowhere, "where_prec", 6],
    ["where_description", escape, "where_description", "North Gate Prison, Hasakah"],
    ["adm_1", transfer, "adm_1", "Nineveh"],
    ["country", transfer, "country", "Iraq"],
    ["best: the overall killed figure", attack, "best", 67],
    ["low", attack, "low", 60],
    ["high", attack, "high", 80],
    ["best: the sum of groups with no overall figure", escape, "best", 3],
    ["an open high takes the best", escape, "high", 3],
    ["no deaths", transfer, "best", 0],
    ["number_of_sources: the reports", escape, "number_of_sources", 2],
    ["a clear single event", escape, "event_clarity", 1],
    ["a province over five days is less clear", transfer, "event_clarity", 2],
    ["escapewatch id", escape, "escapewatch_id", "inc-escape"],
  ];
  for (const [label, incident, name, expected] of table) {
    test(`column ${name}: ${label}`, () => assert.equal(column(incident, name), expected));
  }

  test("source columns list every report in the same order", () => {
    const row = ucdpRow(escape, DOCUMENTS.slice(0, 2));
    assert.equal(row.source_article, "https://www.news.example/doc-1; https://www.news.example/doc-2");
    assert.equal(row.source_office, "news.example");
    assert.equal(row.source_date, "2025-03-04; 2025-03-04");
    assert.equal(row.source_headline, "Title of doc-1, with a comma; Title of doc-2, with a comma");
  });

  test("date_prec bands", () => {
    const window = (days: number) => ({ earliest: "2025-01-01", latest: new Date(Date.parse("2025-01-01") + (days - 1) * 86_400_000).toISOString().slice(0, 10) });
    const table: Array<[number, number]> = [[1, 1], [2, 2], [6, 2], [7, 3], [8, 4], [31, 4], [32, 5], [400, 5]];
    for (const [days, expected] of table) assert.equal(ucdpDatePrecision(window(days)), expected, `${days} days`);
  });
});

describe("filtered exports", () => {
  async function withStore(body: (store: Awaited<ReturnType<typeof openStore>>) => Promise<void>) {
    const store = await openStore(":memory:");
    try {
      for (const id of ["doc-1", "doc-2", "doc-3"]) await store.addDocument(makeDoc(id), [stored(makeMention(id, `m-${id}`), "escape|SY")], []);
      await store.replaceIncidents(["escape|SY"], [
        { ...escape, documents: ["doc-1", "doc-2"] },
        { ...attack, documents: ["doc-1"] },
        { ...transfer, documents: ["doc-3"] },
      ]);
      await body(store);
    } finally {
      await store.close();
    }
  }

  const filters: Array<[string, IncidentFilter, string[], string[]]> = [
    ["type", { type: "attack" }, ["inc-attack"], ["doc-1"]],
    ["country", { country: "IQ" }, ["inc-transfer"], ["doc-3"]],
    ["status", { status: "planned" }, ["inc-transfer"], ["doc-3"]],
    ["facility", { facility: "north gate" }, ["inc-attack", "inc-escape"], ["doc-1", "doc-2"]],
    ["since", { since: "2025-04-01" }, ["inc-transfer"], ["doc-3"]],
    ["text", { text: "Tal Khadra" }, ["inc-transfer"], ["doc-3"]],
  ];
  for (const [label, filter, incidents, documents] of filters) {
    test(`json, csv, ucdp and geojson contain only what the filter asks: ${label}`, () =>
      withStore(async (store) => {
        const json = JSON.parse((await exported("json", store, filter)).text);
        assert.deepEqual(json.incidents.map((i: { id: string }) => i.id), incidents);
        assert.deepEqual(json.documents.map((d: { id: string }) => d.id), documents);
        for (const format of ["csv", "ucdp"] as const) {
          const rows = parseCsv((await exported(format, store, filter)).text);
          const idColumn = rows[0].indexOf(format === "csv" ? "incident_id" : "escapewatch_id");
          assert.deepEqual(rows.slice(1).map((r) => r[idColumn]), incidents, format);
        }
        const geojson = JSON.parse((await exported("geojson", store, filter)).text);
        assert.deepEqual(geojson.features.map((f: { id: string }) => f.id), incidents);
      }));
  }

  test("without a filter the JSON export keeps every document", () =>
    withStore(async (store) => {
      const json = JSON.parse((await exported("json", store)).text);
      assert.deepEqual(json.documents.map((d: { id: string }) => d.id), ["doc-1", "doc-2", "doc-3"]);
      assert.equal(json.incidents.length, 3);
    }));
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

  test("offers json, csv, ucdp and geojson", () => {
    assert.deepEqual(Object.keys(EXPORT_FORMATS), ["json", "csv", "ucdp", "geojson"]);
  });
});
