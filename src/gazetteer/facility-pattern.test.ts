import { test } from "node:test";
import assert from "node:assert/strict";
import type { FacilityRef } from "../model/incident.ts";
import { matchGazetteer } from "./match.ts";

interface Seen { text: string; id: string; kind: string; place: string | null }

function facilities(text: string, countries?: string[]): Seen[] {
  return matchGazetteer(text, countries ? { countries } : {})
    .filter((a) => a.kind === "facility")
    .map((a) => {
      const f = a.value as FacilityRef;
      return { text: text.slice(a.start, a.end), id: f.id, kind: f.kind, place: f.place?.name ?? null };
    });
}

const TABLE: Array<[string, Seen[]]> = [
  ["Inmates broke out of the Kakwangura prison in Butembo on Friday.", [
    { text: "Kakwangura prison", id: "kakwangura-prison-cd", kind: "prison", place: "Butembo" },
  ]],
  ["Gunmen stormed Kotonkarfe Custodial Centre in Kogi state.", [
    { text: "Kotonkarfe Custodial Centre", id: "koton-karfe-prison", kind: "prison", place: "Koton Karfe" },
  ]],
  ["Officials reported a jailbreak at the Croix-des-Bouquets prison.", [
    { text: "Croix-des-Bouquets prison", id: "croix-des-bouquets-prison", kind: "prison", place: "Croix-des-Bouquets" },
  ]],
  ["Dozens escaped from the Ikot Ekpene Custodial Centre overnight.", [
    { text: "Ikot Ekpene Custodial Centre", id: "ikut-ekpena-prison", kind: "prison", place: null },
  ]],
  ["Rioting spread through Raqqa Central Prison on Monday.", [
    { text: "Raqqa Central Prison", id: "raka-prison-sy", kind: "prison", place: "Raqqa" },
  ]],
  ["37 detainees escaped from a prison in Ras al-Ayn.", [
    { text: "prison in Ras al-Ayn", id: "ras-al-ayn-prison", kind: "prison", place: "Ras al-Ayn" },
  ]],
  ["Two guards were hurt at a prison in Raqqa.", [
    { text: "prison in Raqqa", id: "raka-prison-sy", kind: "prison", place: "Raqqa" },
  ]],
  ["Gang members attacked the Mirebalais jail before dawn.", [
    { text: "Mirebalais jail", id: "mirebales-prison-ht", kind: "jail", place: "Mirebalais" },
  ]],
  ["The men were held at Camp Vanguard for a month.", [
    { text: "Camp Vanguard", id: "vanguard-camp", kind: "camp", place: null },
  ]],
  ["Police moved them to the Tanjung Gusta prison in Medan.", [
    { text: "Tanjung Gusta prison", id: "tanjung-gusta-prison", kind: "prison", place: "Medan" },
  ]],
  ["They were sent to Kasese detention centre.", [
    { text: "Kasese detention centre", id: "kasesa-detention-centre-ug", kind: "detention_centre", place: "Kasese" },
  ]],
];

for (const [sentence, expected] of TABLE) {
  test(`facility pattern: ${sentence}`, () => assert.deepEqual(facilities(sentence), expected));
}

const NO_FACILITY = [
  "He escaped from a Syrian prison last year.",
  "The prison was quiet and a jail nearby was closed.",
  "Militants attacked a Kurdish-run jail in the northeast.",
  "The Nigerian Prison Service denied the report.",
  "Inmates at the Central Prison were counted.",
  "The main prison housing suspected extremists was stormed.",
  "She escaped from a prison in northeastern Syria.",
  "ISIS prison cells were raided.",
];
for (const sentence of NO_FACILITY) {
  test(`no facility in "${sentence}"`, () => assert.deepEqual(facilities(sentence), []));
}

test("minted ids are stable across transliterations", () => {
  const [a] = facilities("Clashes at the Tal Abiad prison.");
  const [b] = facilities("Clashes at the Tal Abyad prison.");
  assert.equal(a.id, b.id);
});
