// One facility, one id within a report: shorter forms, other spellings, the town-named form and
// references back ("the jail") take the id of the facility the report named. Texts written for these tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { FacilityRef } from "../model/incident.ts";
import { matchGazetteer } from "./match.ts";

interface Seen { text: string; id: string; rule: string }

function facilities(text: string, countries?: string[]): Seen[] {
  return matchGazetteer(text, countries ? { countries } : {})
    .filter((a) => a.kind === "facility")
    .map((a) => ({ text: text.slice(a.start, a.end), id: (a.value as FacilityRef).id, rule: a.rule.replace("gazetteer.facility.", "") }));
}

/** Each text names one facility several ways: every annotation must carry `id`. */
const ONE_FACILITY: Array<[string, string, string[]]> = [
  [
    "Three convicts escaped from Ngome Maximum Security Prison on Monday. Warders at Ngome prison were arrested. The prison was locked down.",
    "nguma-prison",
    ["Ngome Maximum Security Prison", "Ngome prison", "The prison"],
  ],
  [
    "Inmates fled the Rivoni Medium Security Custodial Centre after the storm. Walls of the Rivoni Correctional Facility had cracked, Nigerian officials said.",
    "rivuni-prison-ng",
    ["Rivoni Medium Security Custodial Centre", "Rivoni Correctional Facility"],
  ],
  [
    "A riot broke out in the Tamsoul prison in Tehran on Saturday. Guards at the prison in northern Tehran fired tear gas, Iranian media said.",
    "tamsul-prison-ir",
    ["Tamsoul prison", "prison in northern Tehran"],
  ],
  [
    "Gunmen stormed the Bakari jail in Kano state, Nigeria. Residents said the jail had held 300 people and that this facility was old.",
    "bakari-prison-ng",
    ["Bakari jail", "the jail", "this facility"],
  ],
  [
    "Inmates rioted at Kuje prison after a transfer of ringleaders to another prison near Abuja. Inside the prison, guards were held hostage.",
    "kuje-prison",
    ["Kuje prison", "the prison"],
  ],
];
for (const [text, id, spans] of ONE_FACILITY) {
  test(`one facility: ${text.slice(0, 60)}…`, () => {
    const seen = facilities(text);
    assert.deepEqual(seen.map((s) => s.text), spans);
    assert.deepEqual([...new Set(seen.map((s) => s.id))], [id]);
  });
}

test("a reference back is marked with its own rule", () => {
  const seen = facilities("Three convicts escaped from Ngome Maximum Security Prison. The prison was locked down.");
  assert.deepEqual(seen.map((s) => s.rule), ["pattern", "anaphor"]);
});

test("the town's jail, when no facility was named: the facility of the town named last", () => {
  const seen = facilities("Armed men entered the town of Djibo overnight and freed inmates from the town jail, Burkinabe officials said.");
  assert.deepEqual(seen, [{ text: "the town jail", id: "djibu-prison-bf", rule: "anaphor.local" }]);
});

test("a reference its own clause places: the facility of that town, and what later references mean", () => {
  const seen = facilities("Forty inmates fled on Sunday. The prison they fled is located in the town of Salto del Guairá, Paraguayan police said. Guards at the facility were arrested.");
  assert.deepEqual(seen, [
    { text: "The prison", id: "saltu-del-guera-prison-py", rule: "anaphor.located" },
    { text: "the facility", id: "saltu-del-guera-prison-py", rule: "anaphor" },
  ]);
});

test("a reference whose sentence places it in another country is not the facility named before", () => {
  const seen = facilities("The gang was founded in Kirikiri prison in Lagos. The prison they fled held 300 men, officials in Salto del Guairá said.");
  assert.deepEqual(seen.filter((s) => s.rule === "anaphor"), []);
});

test("a facility placed only by its country is the report's one facility of that country", () => {
  const text = "At least 30 inmates broke out of a prison in northern Kenya on Monday. Guards at Ngome prison were arrested, police said.";
  assert.deepEqual(facilities(text).map((s) => `${s.text}=${s.id}/${s.rule}`), ["a prison=nguma-prison-ke/anaphor.country", "Ngome prison=nguma-prison-ke/pattern"]);
  const demonym = "Inmates fled a Kenyan prison over the weekend. Guards at Ngome prison were arrested.";
  assert.equal(facilities(demonym)[0]?.rule, "anaphor.country");
});

test("a facility placed only by its country stays unnamed when the report names two there", () => {
  const text = "Inmates broke out of a prison in northern Kenya. Guards at Ngome prison and at Naivasha prison were questioned.";
  assert.deepEqual(facilities(text).filter((s) => s.rule.startsWith("anaphor")), []);
});

/** Each text names two facilities: they keep two ids. */
const TWO_FACILITIES: Array<[string, number]> = [
  ["Gunmen attacked Kuje prison on Tuesday. Later, inmates at Kirikiri prison rioted.", 2],
  ["Gangs stormed the National Penitentiary and the Croix-des-Bouquets prison, Haitian police said.", 2],
  ["Kamiti prison inmates were moved to Naivasha prison on Friday.", 2],
  ["Fighters shelled the Tamsoul prison in Tehran while the Rahdan jail in Karaj stayed calm.", 2],
];
for (const [text, count] of TWO_FACILITIES) {
  test(`two facilities: ${text.slice(0, 60)}…`, () => {
    assert.equal(new Set(facilities(text).map((s) => s.id)).size, count);
  });
}

/** Definite phrases that are no reference to the facility named before. */
const NO_REFERENCE = [
  "Gunmen attacked Kuje prison. The prison system needs reform, the minister said.",
  "Gunmen attacked Kuje prison. He was later given a long jail term.",
  "Gunmen attacked Kuje prison. A guard was hurt in the prison garden.",
  "Gunmen attacked Kuje prison. The prison van was found burnt.",
  "Gunmen attacked Kuje prison. Separately, the prison in Kabul was quiet.",
  "Gunmen attacked Kuje prison. Inmates later escaped from a prison in northern Syria. The prison was damaged.",
  "Families were moved from al-Hol camp on Monday. The prison service denied it.",
];
for (const text of NO_REFERENCE) {
  test(`no reference back: ${text.slice(0, 70)}…`, () => {
    assert.deepEqual(facilities(text).filter((s) => s.rule.startsWith("anaphor")), []);
  });
}

test("a camp is never what 'the prison' refers to", () => {
  assert.deepEqual(facilities("Families were moved from al-Hol camp. The prison was quiet.").map((s) => s.rule), ["alias"]);
});
