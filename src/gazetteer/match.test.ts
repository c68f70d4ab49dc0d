import { test } from "node:test";
import assert from "node:assert/strict";
import type { Annotation } from "../model/doc.ts";
import { matchGazetteer } from "./match.ts";

interface Expected { text: string; rule: string; id: string }

/** Compact view of the annotations: the matched text, the rule and the value's id. */
function found(text: string, countries?: string[]): Expected[] {
  return matchGazetteer(text, countries ? { countries } : {}).map((a: Annotation) => ({
    text: text.slice(a.start, a.end), rule: a.rule, id: (a.value as { id: string }).id,
  }));
}

const TABLE: Array<[string, Expected[]]> = [
  ["Fighters attacked Ghwayran prison in al-Hasakah on Thursday night.", [
    { text: "Ghwayran prison", rule: "gazetteer.facility.alias", id: "ghwayran-prison" },
    { text: "al-Hasakah", rule: "gazetteer.place.curated", id: "hasakah" },
  ]],
  ["The assault on the Sina'a prison lasted a week.", [
    { text: "Sina'a prison", rule: "gazetteer.facility.alias", id: "ghwayran-prison" },
  ]],
  ["Families were moved from al-Hawl camp to Roj camp.", [
    { text: "al-Hawl camp", rule: "gazetteer.facility.alias", id: "al-hol-camp" },
    { text: "Roj camp", rule: "gazetteer.facility.alias", id: "roj-camp" },
  ]],
  ["Guards at Hasakah’s Al-Shaddadi Prison were reinforced.", [
    { text: "Hasakah", rule: "gazetteer.place.curated", id: "hasakah" },
    { text: "Al-Shaddadi Prison", rule: "gazetteer.facility.alias", id: "shaddadi-prison" },
  ]],
  ["Convoys left Deir Ezzor for Abu Kamal and Albu Kamal.", [
    { text: "Deir Ezzor", rule: "gazetteer.place.curated", id: "deir-ez-zor" },
    { text: "Abu Kamal", rule: "gazetteer.place.curated", id: "abu-kamal" },
    { text: "Albu Kamal", rule: "gazetteer.place.curated", id: "abu-kamal" },
  ]],
  ["Troops deployed in Nineveh province and along the border with Syria.", [
    { text: "Nineveh province", rule: "gazetteer.place.curated", id: "nineveh" },
    { text: "Syria", rule: "gazetteer.country", id: "country:SY" },
  ]],
  ["The Syrian Observatory for Human Rights said SDF-controlled areas were sealed.", [
    { text: "Syrian Observatory for Human Rights", rule: "gazetteer.actor.alias", id: "sohr" },
    { text: "SDF", rule: "gazetteer.actor.alias", id: "sdf" },
  ]],
  ["Iraqi forces were put on alert, the monitor said.", [
    { text: "Iraqi forces", rule: "gazetteer.actor.alias", id: "iraqi-security-forces" },
    { text: "the monitor", rule: "gazetteer.actor.alias", id: "sohr" },
  ]],
  ["He escaped from a Syrian prison last year.", [
    { text: "Syrian", rule: "gazetteer.demonym", id: "country:SY" },
  ]],
  ["Officials in Türkiye and Iraq discussed the handover.", [
    { text: "Officials", rule: "gazetteer.actor.alias", id: "officials" },
    { text: "Türkiye", rule: "gazetteer.country", id: "country:TR" },
    { text: "Iraq", rule: "gazetteer.country", id: "country:IQ" },
  ]],
  // a division before the office it seats is no longer name ("Niger State Police Command")
  ["The Niger State Police Command said on Friday.", [
    { text: "Niger State", rule: "gazetteer.place.world-admin1", id: "admin1:NG.31:niger-state" },
  ]],
  ["Inmates fled toward Butembo after the attack.", [
    { text: "Butembo", rule: "gazetteer.place.world-city", id: "city:CD.11:butembo" },
  ]],
];

for (const [sentence, expected] of TABLE) {
  test(`matchGazetteer: ${sentence}`, () => assert.deepEqual(found(sentence), expected));
}

test("offsets are exact character offsets into the text", () => {
  const text = "Reports said 37 inmates fled Ras Al-Ain (Sare Kaniyeh) overnight.";
  const places = matchGazetteer(text).filter((a) => a.kind === "place");
  assert.deepEqual(places.map((a) => [a.start, a.end, (a.value as { id: string }).id]), [
    [29, 39, "ras-al-ayn"], [41, 53, "ras-al-ayn"],
  ]);
});

test("a demonym is marked as such, never as a location claim", () => {
  const [a] = matchGazetteer("Iraqi officials confirmed it.").filter((x) => x.rule === "gazetteer.demonym");
  assert.equal((a.value as { demonym: boolean }).demonym, true);
  assert.equal((a.value as { country: string }).country, "IQ");
});

test("an actor and a place may share a span (Damascus)", () => {
  const kinds = matchGazetteer("Officials in Damascus denied it.").filter((a) => a.start === 13).map((a) => a.kind).sort();
  assert.deepEqual(kinds, ["actor", "place"]);
});

test("facility annotations carry the facility's place", () => {
  const [a] = matchGazetteer("Sere Kaniye prison was emptied.");
  const value = a.value as { id: string; place: { id: string; country: string; precision: string } };
  assert.equal(value.id, "ras-al-ayn-prison");
  assert.deepEqual([value.place.id, value.place.country, value.place.precision], ["ras-al-ayn", "SY", "facility"]);
});

const NEGATIVE = [
  "The March report said little about the budget.",
  "Police said on Sunday that the matter was closed.",
  "Reading the statement, the spokesman said the prison was calm.",
  "Mercy was not shown, a guard said.",
  "They said the jail and the camp were both quiet.",
  "He said he would monitor the situation closely.",
  "Of the prisoners held, many were released on bail.",
];
for (const sentence of NEGATIVE) {
  test(`negative: no gazetteer match in "${sentence}"`, () => assert.deepEqual(found(sentence), []));
}

test("country context settles an ambiguous town, else the one focus country", () => {
  // "Beni" is a department in Bolivia and a town in DR Congo; only DR Congo is a focus country.
  const text = "Gunmen freed detainees in Beni overnight.";
  assert.deepEqual(found(text), [{ text: "Beni", rule: "gazetteer.place.world-city", id: "city:CD.11:beni" }]);
  assert.deepEqual(found(text, ["BO"]).map((m) => m.id.slice(0, 8)), ["admin1:B"]);
  assert.deepEqual(found(text, ["CD"]), [{ text: "Beni", rule: "gazetteer.place.world-city", id: "city:CD.11:beni" }]);
});

test("a country named in the document settles an ambiguous town too", () => {
  const text = "Gunmen freed detainees in Beni, in eastern Congo. DR Congo officials said so.";
  assert.ok(found(text).some((m) => m.text === "Beni" && m.id.startsWith("city:CD.")));
});

test("a word inside a longer capitalised name is not a town", () => {
  assert.deepEqual(found("A spokesman, John Kirby, spoke.", ["US"]).filter((m) => m.text === "Kirby"), []);
});

test("adversarial input is processed quickly and yields nothing", () => {
  const junk = "1,".repeat(200_000) + '"'.repeat(100_000) + "-'".repeat(100_000);
  assert.deepEqual(matchGazetteer(junk), []);
});

test("a hyphenated facility name that folds into fewer words does not throw", () => {
  assert.ok(found("Overcrowding at Koton-Karfe Custodial Centre.").some((m) => /koton/i.test(m.text)));
});
