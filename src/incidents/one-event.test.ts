// One event told by many outlets over months must stay one incident (issue 10, class 6), and two
// events must stay two. Each scenario is a small table of invented reports: the day each was
// published, how it names the facility and dates the event, and the incidents expected. Every
// scenario is also built in every order of its reports, since merging must not depend on it.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { DateWindow } from "../model/doc.ts";
import type { FacilityRef, Incident, IncidentMention, PlaceRef } from "../model/incident.ts";
import { openStore } from "../store/open.ts";
import { buildIncidents } from "./build.ts";
import { claim, count, day, doc, inBlocks, mention, permutations, publishedDays, town } from "./testing/fixtures.ts";
import { updateIncidents } from "./update.ts";

const MEKORA = town("Mekora", "Lomari", "NG");
const ODIBO = town("Odibo", "Lomari", "NG");
const LOMARI_STATE: PlaceRef = { name: "Lomari", admin1: "Lomari", country: "NG", lat: null, lon: null, precision: "admin1" };

/** A facility as a report names it, placed at the town the text gives. */
const facility = (name: string, place: PlaceRef = MEKORA): FacilityRef => ({ id: `${name.toLowerCase().replace(/\W+/g, "-")}`, name, kind: "prison", place });

const MARCH = { earliest: "2024-03-01", latest: "2024-03-31" };

const PUBLISHED = publishedDays({
  wire: "2024-03-14",
  local: "2024-03-15",
  blog: "2024-04-09",
  weekly: "2024-04-20",
  anniversary: "2025-03-13",
  autumn: "2024-09-03",
  late: "2025-06-20",
  other: "2024-03-15",
});

interface Report {
  document: string;
  facility: FacilityRef | null;
  place?: PlaceRef;
  date: DateWindow;
  type?: IncidentMention["type"];
  killed?: number;
  /** The report does not date the event: its window is extraction's days before publication. */
  undated?: boolean;
}

function mentionOf(r: Report): IncidentMention {
  return mention(r.document, {
    type: r.type ?? "attack",
    facility: r.facility,
    place: r.place ?? r.facility?.place ?? MEKORA,
    date: r.date,
    counts: r.killed === undefined ? [] : [count("killed", claim(r.document, r.killed, r.killed, `${r.document} source`))],
    ...(r.undated ? { evidence: [] } : {}),
  });
}

/** The incidents as sorted lists of their documents, the same for every order of the reports. */
function incidentsOf(reports: Report[]): string[] {
  const mentions = reports.map(mentionOf);
  const shape = (incidents: Incident[]) => incidents.map((i) => [...i.documents].sort().join("+")).sort();
  const expected = shape(buildIncidents(inBlocks(mentions), PUBLISHED));
  for (const order of permutations(mentions)) assert.deepEqual(shape(buildIncidents(inBlocks(order), PUBLISHED)), expected, "order of reports");
  return expected;
}

const DISTRICT = facility("Mekora District Jail");
const CENTRAL = facility("Mekora Central Jail");

test("one attack told over months: an exact day, a month-wide window, 'last March' a year on", () => {
  const table: Array<[string, Report[], string[]]> = [
    [
      "the breaking report's day, a later 'in March', an anniversary's 'last March'",
      [
        { document: "wire", facility: DISTRICT, date: day("2024-03-13") },
        { document: "blog", facility: DISTRICT, date: MARCH },
        { document: "anniversary", facility: DISTRICT, date: MARCH },
      ],
      ["anniversary+blog+wire"],
    ],
    [
      "counts far apart are claims to keep, not a reason to split",
      [
        { document: "wire", facility: DISTRICT, date: day("2024-03-13"), killed: 4 },
        { document: "weekly", facility: DISTRICT, date: MARCH, killed: 37 },
      ],
      ["weekly+wire"],
    ],
    [
      "the month-wide report needs the same type",
      [
        { document: "wire", facility: DISTRICT, date: day("2024-03-13") },
        { document: "blog", facility: DISTRICT, date: MARCH, type: "riot" },
      ],
      ["blog", "wire"],
    ],
    [
      "two attacks months apart at one jail stay two; 'in March' joins the March one",
      [
        { document: "wire", facility: DISTRICT, date: day("2024-03-13") },
        { document: "autumn", facility: DISTRICT, date: day("2024-09-02") },
        { document: "blog", facility: DISTRICT, date: MARCH },
      ],
      ["autumn", "blog+wire"],
    ],
    [
      "two attacks in one month stay two: a month-wide report joins one, never chains them",
      [
        { document: "wire", facility: DISTRICT, date: day("2024-03-03") },
        { document: "local", facility: DISTRICT, date: day("2024-03-14") },
        { document: "blog", facility: DISTRICT, date: MARCH },
      ],
      ["blog+wire", "local"],
    ],
    [
      "a month-wide window outside the day stays apart",
      [
        { document: "wire", facility: DISTRICT, date: day("2024-03-13") },
        { document: "blog", facility: DISTRICT, date: { earliest: "2024-04-01", latest: "2024-04-30" } },
      ],
      ["blog", "wire"],
    ],
  ];
  for (const [why, reports, expected] of table) assert.deepEqual(incidentsOf(reports), expected, why);
});

test("one town's facility named with or without a designation word is one facility", () => {
  const table: Array<[string, Report[], string[]]> = [
    [
      "'District Jail' and 'Central Jail' in two reports",
      [
        { document: "wire", facility: DISTRICT, date: day("2024-03-13") },
        { document: "local", facility: CENTRAL, date: day("2024-03-13") },
      ],
      ["local+wire"],
    ],
    [
      "'prison' and 'central prison'",
      [
        { document: "wire", facility: facility("Mekora prison"), date: day("2024-03-13") },
        { document: "local", facility: facility("Mekora central prison"), date: day("2024-03-14") },
      ],
      ["local+wire"],
    ],
    [
      "the jail's name, then 'the prison in Mekora' (no name, the town)",
      [
        { document: "wire", facility: CENTRAL, date: day("2024-03-13") },
        { document: "local", facility: null, place: MEKORA, date: day("2024-03-13") },
      ],
      ["local+wire"],
    ],
    [
      "the three ways together, with a month-wide report",
      [
        { document: "wire", facility: DISTRICT, date: day("2024-03-13") },
        { document: "local", facility: CENTRAL, date: day("2024-03-14") },
        { document: "other", facility: null, place: MEKORA, date: day("2024-03-13") },
        { document: "blog", facility: facility("Mekora prison"), date: MARCH },
      ],
      ["blog+local+other+wire"],
    ],
    [
      "'the prison in Mekora' (a facility named by its town) and the town's prison of its own name",
      [
        { document: "wire", facility: facility("Gada Lowo prison"), date: day("2024-03-13") },
        { document: "local", facility: facility("Mekora prison"), date: day("2024-03-13") },
      ],
      ["local+wire"],
    ],
    [
      "two prisons of one town with different own names stay two",
      [
        { document: "wire", facility: facility("Tudun Wada prison"), date: day("2024-03-13") },
        { document: "local", facility: facility("Gada Lowo prison"), date: day("2024-03-13") },
      ],
      ["local", "wire"],
    ],
    [
      "'the prison in Mekora' joins one of two named prisons (the earlier reported), never both",
      [
        { document: "wire", facility: facility("Tudun Wada prison"), date: day("2024-03-13") },
        { document: "local", facility: facility("Gada Lowo prison"), date: day("2024-03-13") },
        { document: "other", facility: facility("Mekora prison"), date: day("2024-03-13") },
      ],
      ["local", "other+wire"],
    ],
    [
      "the town's police cells are not its prison",
      [
        { document: "wire", facility: facility("Gada Lowo prison"), date: day("2024-03-13") },
        { document: "local", facility: { ...facility("Mekora police station"), kind: "police_station" }, date: day("2024-03-13") },
      ],
      ["local", "wire"],
    ],
    [
      "a prison named by another town stays apart",
      [
        { document: "wire", facility: facility("Gada Lowo prison"), date: day("2024-03-13") },
        { document: "local", facility: facility("Odibo prison", ODIBO), date: day("2024-03-13") },
      ],
      ["local", "wire"],
    ],
    [
      "two security levels of one town stay two",
      [
        { document: "wire", facility: facility("Mekora Maximum Security Prison"), date: day("2024-03-13") },
        { document: "local", facility: facility("Mekora Medium Security Prison"), date: day("2024-03-13") },
      ],
      ["local", "wire"],
    ],
    [
      "a women's prison beside the town's prison stays apart",
      [
        { document: "wire", facility: facility("Mekora Women's Prison"), date: day("2024-03-13") },
        { document: "local", facility: facility("Mekora Central Prison"), date: day("2024-03-13") },
      ],
      ["local", "wire"],
    ],
    [
      "the same designation in the next town stays two",
      [
        { document: "wire", facility: facility("Mekora District Jail"), date: day("2024-03-13") },
        { document: "local", facility: facility("Odibo District Jail", ODIBO), date: day("2024-03-13") },
      ],
      ["local", "wire"],
    ],
  ];
  for (const [why, reports, expected] of table) assert.deepEqual(incidentsOf(reports), expected, why);
});

test("a report that does not know the facility joins the incident at its town, type and days", () => {
  const table: Array<[string, Report[], string[]]> = [
    [
      "town, exact day",
      [
        { document: "wire", facility: DISTRICT, date: day("2024-03-13") },
        { document: "local", facility: null, place: MEKORA, date: day("2024-03-14") },
      ],
      ["local+wire"],
    ],
    [
      "town, month-wide window",
      [
        { document: "wire", facility: DISTRICT, date: day("2024-03-13") },
        { document: "weekly", facility: null, place: MEKORA, date: MARCH },
      ],
      ["weekly+wire"],
    ],
    [
      "state only, same day",
      [
        { document: "wire", facility: DISTRICT, date: day("2024-03-13") },
        { document: "local", facility: null, place: LOMARI_STATE, date: day("2024-03-13") },
      ],
      ["local+wire"],
    ],
    [
      "another town of the state stays apart",
      [
        { document: "wire", facility: DISTRICT, date: day("2024-03-13") },
        { document: "local", facility: null, place: ODIBO, date: day("2024-03-13") },
      ],
      ["local", "wire"],
    ],
    [
      "another type at the town stays apart",
      [
        { document: "wire", facility: DISTRICT, date: day("2024-03-13") },
        { document: "local", facility: null, place: MEKORA, date: day("2024-03-13"), type: "escape" },
      ],
      ["local", "wire"],
    ],
    [
      "the town months later stays apart",
      [
        { document: "wire", facility: DISTRICT, date: day("2024-03-13") },
        { document: "autumn", facility: null, place: MEKORA, date: day("2024-09-02") },
      ],
      ["autumn", "wire"],
    ],
  ];
  for (const [why, reports, expected] of table) assert.deepEqual(incidentsOf(reports), expected, why);
});

/** Extraction's window for a report that does not date the event: the days before publication. */
const BEFORE_ANNIVERSARY = { earliest: "2025-03-11", latest: "2025-03-13" };

test("a report recalling an attack by the facility's name, without dating it, joins the attack", () => {
  const table: Array<[string, Report[], string[]]> = [
    [
      "a year on, the same jail, no date of its own",
      [
        { document: "wire", facility: DISTRICT, date: day("2024-03-13") },
        { document: "anniversary", facility: DISTRICT, date: BEFORE_ANNIVERSARY, undated: true },
      ],
      ["anniversary+wire"],
    ],
    [
      "a year on, the jail named another way",
      [
        { document: "wire", facility: DISTRICT, date: day("2024-03-13") },
        { document: "anniversary", facility: CENTRAL, date: BEFORE_ANNIVERSARY, undated: true },
      ],
      ["anniversary+wire"],
    ],
    [
      "a riot recalled a year on",
      [
        { document: "wire", facility: DISTRICT, date: day("2024-03-13"), type: "riot" },
        { document: "anniversary", facility: DISTRICT, date: BEFORE_ANNIVERSARY, undated: true, type: "riot" },
      ],
      ["anniversary+wire"],
    ],
    [
      "the nearer of two attacks at the jail",
      [
        { document: "wire", facility: DISTRICT, date: day("2024-03-13") },
        { document: "autumn", facility: DISTRICT, date: day("2024-09-02") },
        { document: "anniversary", facility: DISTRICT, date: BEFORE_ANNIVERSARY, undated: true },
      ],
      ["anniversary+autumn", "wire"],
    ],
    [
      "only the town, a year on: the town may have seen several",
      [
        { document: "wire", facility: DISTRICT, date: day("2024-03-13") },
        { document: "anniversary", facility: null, place: MEKORA, date: BEFORE_ANNIVERSARY, undated: true },
      ],
      ["anniversary", "wire"],
    ],
    [
      "escapes recur: a year on, undated, is not the old escape",
      [
        { document: "wire", facility: DISTRICT, date: day("2024-03-13"), type: "escape" },
        { document: "anniversary", facility: DISTRICT, date: BEFORE_ANNIVERSARY, undated: true, type: "escape" },
      ],
      ["anniversary", "wire"],
    ],
    [
      "more than a year on stays apart",
      [
        { document: "wire", facility: DISTRICT, date: day("2024-03-13") },
        { document: "late", facility: DISTRICT, date: { earliest: "2025-06-18", latest: "2025-06-20" }, undated: true },
      ],
      ["late", "wire"],
    ],
    [
      "a report dating its own attack at the jail a year on is a new attack",
      [
        { document: "wire", facility: DISTRICT, date: day("2024-03-13") },
        { document: "anniversary", facility: DISTRICT, date: day("2025-03-12") },
      ],
      ["anniversary", "wire"],
    ],
  ];
  for (const [why, reports, expected] of table) assert.deepEqual(incidentsOf(reports), expected, why);
});

test("incremental: the recalled attack joins whichever report the store receives first", async () => {
  const reports: Report[] = [
    { document: "wire", facility: DISTRICT, date: day("2024-03-13") },
    { document: "autumn", facility: DISTRICT, date: day("2024-09-02") },
    { document: "blog", facility: null, place: MEKORA, date: MARCH },
    { document: "anniversary", facility: CENTRAL, date: BEFORE_ANNIVERSARY, undated: true },
  ];
  const mentions = reports.map(mentionOf);
  const shape = (incidents: Incident[]) => incidents.map((i) => `${i.id} ${[...i.documents].sort().join("+")}`).sort();
  const expected = shape(buildIncidents(inBlocks(mentions), PUBLISHED));
  assert.deepEqual(expected.map((e) => e.split(" ")[1]).sort(), ["anniversary+autumn", "blog+wire"]);
  for (const order of permutations(mentions)) {
    const store = await openStore(":memory:");
    try {
      for (const m of order) {
        await store.addDocument(doc(m.document, PUBLISHED.get(m.document) ?? null), inBlocks([m]), []);
        await updateIncidents(store);
      }
      assert.deepEqual(shape(await store.listIncidents({ limit: 100 })), expected, order.map((m) => m.document).join(","));
    } finally {
      await store.close();
    }
  }
});

test("the incident names the facility by its own name when a report gives one", () => {
  const mentions = [
    mentionOf({ document: "wire", facility: facility("Mekora prison"), date: day("2024-03-13") }),
    mentionOf({ document: "local", facility: facility("Mekora prison"), date: day("2024-03-13") }),
    mentionOf({ document: "blog", facility: facility("Gada Lowo prison"), date: MARCH }),
  ];
  const [incident, ...rest] = buildIncidents(inBlocks(mentions), PUBLISHED);
  assert.equal(rest.length, 0);
  assert.equal(incident.facility?.name, "Gada Lowo prison");
  const generic = buildIncidents(inBlocks(mentions.slice(0, 2)), PUBLISHED);
  assert.equal(generic[0].facility?.name, "Mekora prison", "the town's name when no report gives another");
});
