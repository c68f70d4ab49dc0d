import { test } from "node:test";
import assert from "node:assert/strict";
import type { DateWindow } from "../model/doc.ts";
import type { Incident, IncidentMention } from "../model/incident.ts";
import { buildIncidents, incidentIdOf } from "./build.ts";
import {
  CITY_JAIL,
  GHWAYRAN,
  HASAKAH,
  HASAKAH_PROVINCE,
  HOL_CAMP,
  SHADDADI_PRISON,
  claim,
  count,
  day,
  inBlocks,
  mention,
  permutations,
  publishedDays,
  undatedByText,
} from "./testing/fixtures.ts";
import { GHWAYRAN_CENTRAL } from "./testing/scenarios.ts";

const PUBLISHED = publishedDays({ a: "2022-01-21", b: "2022-01-21", c: "2022-01-22", d: "2022-05-02", e: "2022-01-23", f: "2022-03-01" });

function build(mentions: IncidentMention[], published = PUBLISHED): Incident[] {
  return buildIncidents(inBlocks(mentions), published);
}

/** A compact, order-free view of incidents for comparisons. */
function shape(incidents: Incident[]): string[] {
  return incidents.map((i) => `${i.id} ${i.type} ${i.documents.join(",")}`).sort();
}

test("three documents reporting one escape -> one incident with three documents", () => {
  const incidents = build([
    mention("a", { counts: [count("escaped", claim("a", 24, 99, null))] }),
    mention("b", { facility: null, place: HASAKAH, date: { earliest: "2022-01-19", latest: "2022-01-21" } }),
    mention("c", { date: day("2022-01-21") }), // a day off: within the tolerance
  ]);
  assert.equal(incidents.length, 1);
  assert.deepEqual(incidents[0].documents, ["a", "b", "c"]);
  assert.equal(incidents[0].facility?.id, GHWAYRAN.id, "the place-only report joins the facility");
  assert.deepEqual(incidents[0].date, { earliest: "2022-01-20", latest: "2022-01-21" }, "the days touching every report's window");
});

test("merging: table of pairs that must stay apart", () => {
  const table: Array<[string, IncidentMention, IncidentMention]> = [
    ["same facility, months apart", mention("a"), mention("d", { date: day("2022-05-01") })],
    ["different types, same day", mention("a"), mention("b", { type: "attack" })],
    ["different facilities in one town", mention("a"), mention("b", { facility: CITY_JAIL })],
    ["different facilities in one province", mention("a"), mention("b", { facility: SHADDADI_PRISON, place: SHADDADI_PRISON.place })],
    ["one document, a facility and a town (extraction already merged within it)", mention("a"), mention("a", { facility: null })],
    ["dates two days apart", mention("a"), mention("c", { date: day("2022-01-22") })],
    ["a report not dating the event, published more than 90 days after it", mention("a"), undatedByText("d", { earliest: "2022-04-30", latest: "2022-05-02" })],
    ["a later report not dating the event that names only the province", mention("a"), undatedByText("f", { earliest: "2022-02-27", latest: "2022-03-01" }, { facility: null, place: HASAKAH_PROVINCE })],
    ["a month-wide window and a day outside it", mention("a", { date: { earliest: "2022-02-01", latest: "2022-02-28" } }), mention("d", { date: day("2022-03-02") })],
  ];
  for (const [why, first, second] of table) assert.equal(build([first, second]).length, 2, why);
});

test("merging: table of pairs that must merge", () => {
  const table: Array<[string, IncidentMention, IncidentMention]> = [
    ["facility and its town", mention("a"), mention("b", { facility: null })],
    ["facility and its province", mention("a"), mention("b", { facility: null, place: HASAKAH_PROVINCE })],
    ["undated report published the next day", mention("a"), mention("c", { date: null })],
    ["dates a day apart", mention("a"), mention("c", { date: day("2022-01-21") })],
    ["one document naming one facility two ways", mention("a"), mention("a", { facility: GHWAYRAN_CENTRAL, place: HASAKAH_PROVINCE })],
    ["a month-wide window and an exact day in it", mention("a", { date: { earliest: "2022-01-01", latest: "2022-01-31" } }), mention("c")],
    ["a report that does not date the event, published the day after", mention("a"), undatedByText("c", { earliest: "2022-01-20", latest: "2022-01-22" })],
    ["a follow-up weeks later naming the facility", mention("a"), undatedByText("f", { earliest: "2022-02-27", latest: "2022-03-01" })],
    [
      "sources disagree on the count",
      mention("a", { counts: [count("escaped", claim("a", 1500, null, "Kurdish media"))] }),
      mention("b", { counts: [count("escaped", claim("b", 100, 130, "state media"))] }),
    ],
  ];
  for (const [why, first, second] of table) assert.equal(build([first, second]).length, 1, why);
});

test("an undated, unpublished report joins only an unambiguous candidate", () => {
  const published = publishedDays({ a: "2022-01-21", d: "2022-05-02", x: null });
  const undated = mention("x", { date: null });
  assert.equal(build([mention("a"), undated], published).length, 1, "one candidate: joins it");
  assert.equal(build([mention("a"), mention("d", { date: day("2022-05-01") }), undated], published).length, 3, "two candidates: stands alone");
});

test("negated mentions never become incidents", () => {
  assert.deepEqual(build([mention("a", { modality: "negated" })]), []);
  const [incident] = build([mention("a"), mention("b", { modality: "negated" })]);
  assert.deepEqual(incident.documents, ["a"]);
});

test("order independence: every input order gives the same incidents and ids", () => {
  const mentions = [
    mention("a"),
    mention("b", { facility: null }),
    mention("c", { type: "recapture", counts: [count("recaptured", claim("c", 18, 18, "police"))] }),
    mention("d", { date: day("2022-05-01") }),
    mention("e", { type: "attack" }),
  ];
  const expected = shape(build(mentions));
  assert.equal(expected.length, 4);
  for (const order of permutations(mentions)) assert.deepEqual(shape(build(order)), expected);
});

test("incremental: a later report keeps the incident id; the id is the earliest mention's", () => {
  const first = mention("a");
  const before = build([first, mention("b", { facility: null })]);
  const after = build([first, mention("b", { facility: null }), mention("c")]);
  assert.equal(before[0].id, incidentIdOf(first.id));
  assert.equal(after[0].id, before[0].id);
  assert.deepEqual(after[0].documents, ["a", "b", "c"]);
});

test("status: planned only when every report is planned; disputed over both", () => {
  const planned = { type: "transfer" as const, modality: "planned" as const };
  assert.equal(build([mention("a", planned), mention("b", planned)])[0].status, "planned");
  assert.equal(build([mention("a", planned), mention("b", { type: "transfer" })])[0].status, "occurred");
  const disputed = build([
    mention("a", { counts: [count("escaped", claim("a", 1500, null, "Kurdish media"))] }),
    mention("b", { counts: [count("escaped", claim("b", 100, 130, "state media"))] }),
  ]);
  assert.equal(disputed[0].status, "disputed");
});

test("fields: unconfirmed, actors by frequency, facility by frequency, place from facility", () => {
  const [incident] = build([
    mention("a", { unconfirmed: true, facility: null, place: HASAKAH_PROVINCE, actors: ["Islamic State"] }),
    mention("b", { unconfirmed: false, actors: ["SDF", "Islamic State"] }),
    mention("c", { actors: ["SDF"], date: null }),
  ]);
  assert.equal(incident.unconfirmed, false);
  assert.deepEqual(incident.actors, ["Islamic State", "SDF"]);
  assert.equal(incident.facility?.id, GHWAYRAN.id);
  assert.equal(incident.place, HASAKAH);
  assert.deepEqual(incident.mentions.length, 3);
  assert.equal(build([mention("a", { unconfirmed: true }), mention("b", { unconfirmed: true })])[0].unconfirmed, true);
});

test("incident date: the days every report shares, else the days between them; text dates over default windows", () => {
  const dateOf = (...mentions: IncidentMention[]) => build(mentions.map((m, i) => ({ ...m, document: "abce"[i] })));
  const table: Array<[string, IncidentMention[], DateWindow | null]> = [
    ["shared days", [mention("a", { date: { earliest: "2022-01-17", latest: "2022-01-21" } }), mention("b", { date: { earliest: "2022-01-19", latest: "2022-01-25" } })], { earliest: "2022-01-19", latest: "2022-01-21" }],
    ["a day apart: both days", [mention("a", { date: day("2022-01-20") }), mention("b", { date: day("2022-01-21") })], { earliest: "2022-01-20", latest: "2022-01-21" }],
    ["a default window does not narrow a text date", [mention("a", { date: { earliest: "2022-01-19", latest: "2022-01-21" } }), undatedByText("b", day("2022-01-21"))], { earliest: "2022-01-19", latest: "2022-01-21" }],
    ["only default windows: their shared days", [undatedByText("a", { earliest: "2022-01-19", latest: "2022-01-21" })], { earliest: "2022-01-19", latest: "2022-01-21" }],
    ["no window at all", [mention("a", { date: null })], null],
  ];
  for (const [why, mentions, expected] of table) {
    const incidents = dateOf(...mentions);
    assert.equal(incidents.length, 1, why);
    assert.deepEqual(incidents[0].date, expected, why);
  }
});

test("derived at_large is added to the escape from recaptures in its block", () => {
  const incidents = build([
    mention("a", { facility: HOL_CAMP, place: HOL_CAMP.place, counts: [count("escaped", claim("a", 100, 130, null))] }),
    mention("c", { type: "recapture", facility: HOL_CAMP, place: HOL_CAMP.place, date: day("2022-01-22"), counts: [count("recaptured", claim("c", 81, 81, null))] }),
  ]);
  const escape = incidents.find((i) => i.type === "escape")!;
  const atLarge = escape.counts.find((c) => c.quantity === "at_large");
  assert.deepEqual([atLarge?.low, atLarge?.best, atLarge?.high, atLarge?.derived], [19, 34, 49, true]);
});
