// Facilities the gazetteer lacks, recognised from the shape of their names (class: facilities
// missing from the gazetteer come out as null or as their city). Sentences written for these tests.
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
  // a name before a facility word, placed by "in Y"
  ["Inmates broke out of the Kakwangura prison in Butembo on Friday.", [
    { text: "Kakwangura prison", id: "kakwangura-prison-cd", kind: "prison", place: "Butembo" },
  ]],
  ["Clashes erupted at the Mabanga prison outside Kisangani.", [
    { text: "Mabanga prison", id: "mabanga-prison-cd", kind: "prison", place: "Kisangani" },
  ]],
  ["Gunmen attacked the Zabari prison in Gombe before dawn, Nigerian police said.", [
    { text: "Zabari prison", id: "zabari-prison-ng", kind: "prison", place: "Gombe" },
  ]],
  // capitalised and lower-case modifiers belong to the name, not to its core
  ["Rebels shelled the Kamaliya Medium Security Custodial Centre at dawn.", [
    { text: "Kamaliya Medium Security Custodial Centre", id: "kamalia-prison", kind: "prison", place: null },
  ]],
  ["Inmates overpowered wardens at the Ngome maximum security prison.", [
    { text: "Ngome maximum security prison", id: "nguma-prison", kind: "prison", place: null },
  ]],
  ["Fire broke out in the Tarlac District Jail, Philippine police said.", [
    { text: "Tarlac District Jail", id: "tarlac-prison-ph", kind: "jail", place: "Philippines" },
  ]],
  ["Dozens escaped from the Ikot Ekpene Custodial Centre overnight.", [
    { text: "Ikot Ekpene Custodial Centre", id: "ikut-ekpena-prison-ng", kind: "prison", place: "Ikot Ekpene" },
  ]],
  ["Rioting spread through Raqqa Central Prison on Monday.", [
    { text: "Raqqa Central Prison", id: "raka-prison-sy", kind: "prison", place: "Raqqa" },
  ]],
  ["Gang members attacked the Mirebalais jail before dawn.", [
    { text: "Mirebalais jail", id: "mirebales-prison-ht", kind: "jail", place: "Mirebalais" },
  ]],
  ["They were sent to Kasese detention centre.", [
    { text: "Kasese detention centre", id: "kasesa-detention-centre-ug", kind: "detention_centre", place: "Kasese" },
  ]],
  ["Thieves were held overnight at the Kibera lock-up.", [
    { text: "Kibera lock-up", id: "kibera-prison", kind: "jail", place: null },
  ]],
  // a town opening the name, a grade after it; in a story naming no country, a town of one country only
  ["Four remand prisoners escaped from the Kisii GK Prison on Tuesday.", [
    { text: "Kisii GK Prison", id: "kisi-gk-prison-ke", kind: "prison", place: "Kisii" },
  ]],
  // a facility word before a name or a number
  ["The men were held at Camp Vanguard for a month.", [
    { text: "Camp Vanguard", id: "vanguard-camp", kind: "camp", place: null },
  ]],
  ["Guards at Cereso No. 7 in Tijuana reported a mutiny.", [
    { text: "Cereso No. 7", id: "ceresu-nu-7-prison-mx", kind: "prison", place: "Tijuana" },
  ]],
  ["Police retook the Lapas Sukamiskin after the riot.", [
    { text: "Lapas Sukamiskin", id: "sukamiskin-prison", kind: "prison", place: null },
  ]],
  // a generic facility the text places
  ["37 detainees escaped from a prison in Ras al-Ayn.", [
    { text: "prison in Ras al-Ayn", id: "ras-al-ayn-prison", kind: "prison", place: "Ras al-Ayn" },
  ]],
  ["Two guards were hurt at a prison in Raqqa.", [
    { text: "prison in Raqqa", id: "raka-prison-sy", kind: "prison", place: "Raqqa" },
  ]],
  ["Smoke rose over the central prison in the northern city of Gulu, Ugandan officials said.", [
    { text: "central prison in the northern city of Gulu", id: "gulu-prison-ug", kind: "prison", place: "Gulu" },
  ]],
  ["Riot police surrounded Nairobi's central prison.", [
    { text: "Nairobi's central prison", id: "nerubi-prison-ke", kind: "prison", place: "Nairobi" },
  ]],
  ["Officials at the Medium Security Custodial Centre, Ugwuaji, said 40 inmates fled.", [
    { text: "Medium Security Custodial Centre, Ugwuaji", id: "ugwuaji-prison", kind: "prison", place: "Ugwuaji" },
  ]],
  // a town the gazetteer lacks, named after the facility word: the curated facility of that name, else one minted there
  ["Jihadists raided the prison in Koutoukale on Friday.", [
    { text: "prison in Koutoukale", id: "koutoukale-prison", kind: "prison", place: "Koutoukalé" },
  ]],
  ["The inmates fled a jail in Kajo Keji, officials said.", [
    { text: "jail in Kajo Keji", id: "kaju-keji-prison", kind: "jail", place: "Kajo Keji" },
  ]],
  // a curated name the text places far from the curated facility is a namesake
  ["Gunmen attacked the Cereso No. 3 prison in Nuevo Laredo early Sunday.", [
    { text: "Cereso No. 3 prison", id: "ceresu-nu-3-prison-mx", kind: "prison", place: "Nuevo Laredo" },
  ]],
  ["Twelve inmates escaped from Cereso No. 3 in Ciudad Juarez.", [
    { text: "Cereso No. 3", id: "ciudad-juarez-cereso-3", kind: "prison", place: "Ciudad Juárez" },
  ]],
  // the gazetteer's own entries, however the name is dressed
  ["Fighters besieged the Kangbayi central prison for hours.", [
    { text: "Kangbayi central prison", id: "kangbayi-prison", kind: "prison", place: "Beni" },
  ]],
  ["Crowds gathered outside Conakry's central prison.", [
    { text: "Conakry's central prison", id: "conakry-central-prison", kind: "prison", place: "Conakry" },
  ]],
  ["Protesters marched on the Central Pademba Road prison.", [
    { text: "Central Pademba Road prison", id: "pademba-road-prison", kind: "prison", place: "Freetown" },
  ]],
  ["Militants raided the Tasfirat prison in Tikrit at night.", [
    { text: "Tasfirat prison", id: "tasfirat-prison", kind: "prison", place: "Tikrīt" },
  ]],
  ["A fire broke out in Evin prison in the Iranian capital Tehran.", [
    { text: "Evin prison", id: "evin-prison", kind: "prison", place: "Tehran" },
  ]],
  ["Two wardens at the Suleja Correctional Facility were suspended.", [
    { text: "Suleja Correctional Facility", id: "suleja-prison", kind: "prison", place: "Suleja" },
  ]],
];

for (const [sentence, expected] of TABLE) {
  test(`facility pattern: ${sentence}`, () => assert.deepEqual(facilities(sentence), expected));
}

/** Through the story's country: "the capital", "the National Penitentiary". */
const IN_A_COUNTRY: Array<[string, string[], Seen[]]> = [
  ["The escapees had broken out of the prison in the capital.", ["KE"], [
    { text: "prison in the capital", id: "nerubi-prison-ke", kind: "prison", place: "Nairobi" },
  ]],
  ["Families waited outside the National Penitentiary on Monday.", ["HN"], [
    { text: "National Penitentiary", id: "tamara-penitentiary", kind: "prison", place: "Támara" },
  ]],
  ["Families waited outside the National Penitentiary on Monday.", ["HT"], [
    { text: "National Penitentiary", id: "national-penitentiary-haiti", kind: "prison", place: "Port-au-Prince" },
  ]],
  ["Inmates rioted at the National Penitentiary in the morning.", ["UY"], [
    { text: "National Penitentiary", id: "natiunal-penitentiari-uy", kind: "prison", place: "Uruguay" },
  ]],
];
for (const [sentence, countries, expected] of IN_A_COUNTRY) {
  test(`facility pattern in ${countries.join(",")}: ${sentence}`, () => assert.deepEqual(facilities(sentence, countries), expected));
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
  "He was handed a ten-year prison sentence on Tuesday.",
  "The prison system is overcrowded, the minister said.",
  "The court sentenced him to life in prison.",
  "Two prison guards were injured in the clash.",
  "Soldiers returned to a military camp near the border.",
  "Aid reached a refugee camp outside the city.",
  "Rights groups criticised Burkina Faso prison conditions.",
  "The men were later moved to another prison in the north.",
  // months, days and names of states or actors are no unknown town
  "Twelve inmates escaped from the prison in March, police said.",
  "Families queued at the jail in Monday's heat.",
  "He spent years in a prison in Islamic State territory.",
];
for (const sentence of NO_FACILITY) {
  test(`no facility in "${sentence}"`, () => assert.deepEqual(facilities(sentence), []));
}

test("a town's district jail and its central jail are one facility, and a longer town's name is not a shorter place's", () => {
  for (const [a, b] of [
    ["Inmates escaped from the Bannu District Jail.", "Inmates escaped from the Bannu Central Jail."],
    ["Inmates escaped from the Dera Ismail Khan District Jail.", "Inmates escaped from Dera Ismail Khan Central Jail."],
  ]) {
    const [first] = facilities(a);
    const [second] = facilities(b);
    assert.equal(first.id, second.id, `${a} / ${b}`);
    assert.equal(second.place, first.place);
  }
});

test("minted ids are stable across transliterations", () => {
  const [a] = facilities("Clashes at the Tal Abiad prison.");
  const [b] = facilities("Clashes at the Tal Abyad prison.");
  assert.equal(a.id, b.id);
});

test("minted ids are stable across the ways one facility is named", () => {
  const ids = [
    "Three convicts escaped from Ngome Maximum Security Prison.",
    "Three convicts escaped from the Ngome jail.",
    "Three convicts escaped from Ngome prison.",
  ].map((s) => facilities(s, ["KE"])[0]?.id);
  assert.deepEqual(ids, ["nguma-prison-ke", "nguma-prison-ke", "nguma-prison-ke"]);
});
