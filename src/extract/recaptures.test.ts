// Arrests after an escape: a recapture only of those who escaped. Negative table: wardens,
// officials and accomplices arrested, and arrests for other crimes. Texts are written for these tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import { described, mentionsOf } from "./testing.ts";

const POSITIVE: Array<[string, string]> = [
  ["Police arrested 12 of the inmates who escaped from the Kamiti prison on Monday.", "Kamiti"],
  ["The three escapees were arrested in Kitui on Thursday.", "Kitui"],
  ["Ten of the escapees have been arrested and brought back to the Kuje prison, officials said.", "Kuje"],
  // a bare figure as the subject of an arrest, right after the escape
  ["Twelve inmates broke out of the Kuje prison on Friday. Eleven were caught by soldiers the same night.", "Kuje"],
  ["Dozens of inmates fled the Kamiti prison on Friday, and four of them have since been apprehended.", "Kamiti"],
  // a lead that names no facility speaks of the one named a paragraph on
  // a phrase of place after "recaptured" says where they were caught, not a place retaken
  ["Seven inmates were recaptured at the Mbarara prison gate on Thursday.", "Mbarara"],
  ["Twenty inmates broke out of the Lira prison on Friday. Police said nine were recaptured in the town of Kampala on Sunday.", "Lira"],
  ["Police were questioned after 21 prisoners escaped jail on Friday. Ten of the escaped prisoners had been recaptured by Saturday. The minister suspended all officers at the Hilal district prison.", "Hilal"],
];

// Escapees giving themselves up, coming back or caught as "N of them": recaptures told without
// "recaptured". [text, where, recaptured count]
const SURRENDERS: Array<[string, string, number]> = [
  ["Forty inmates escaped from the Ngaoundere prison on Sunday. Police have caught five of them, a spokesman said.", "Ngaoundere", 5],
  ["Thirty detainees broke out of the Koutoukale prison on Friday. Five of them turned themselves in on Saturday.", "Koutoukal", 5],
  ["Twelve prisoners fled the Kara jail on Monday. Three returned voluntarily to the prison the next day.", "Kara", 3],
  ["After the breakout at the Bamenda prison, eight of the escapees handed themselves over to police.", "Bamenda", 8],
  ["Six of the escaped inmates gave themselves up to soldiers in Maroua on Tuesday.", "Maroua", 6],
  ["Nine fugitives from the Kondengui prison were rounded up in Yaounde on Wednesday.", "Kondengui", 9],
  ["Some 20 inmates fled the Mbalmayo prison on Sunday; seven of them surrendered to the authorities on Monday.", "Mbalmayo", 7],
  ["Of the 50 inmates who escaped from the Garoua prison, 23 have returned to the facility voluntarily.", "Garoua", 23],
  ["Forty inmates escaped from the Bertoua prison on Sunday. By Tuesday, 11 had turned themselves in.", "Bertoua", 11],
  ["Forty inmates escaped from the Bafoussam prison on Sunday. Eleven of the escapees have returned on their own.", "Bafoussam", 11],
  ["At least 30 inmates escaped from the Mutukula prison on Sunday. So far, 12 of the fugitives have been rounded up, police said.", "Mutukula", 12],
  ["Sixty detainees broke out of the Kumba prison overnight. By Saturday, nine were caught by gendarmes.", "Kumba", 9],
];

// Surrenders and arrests of people who never escaped.
const NOT_SURRENDERS: string[] = [
  "Police have caught five suspects in the robbery of a bank in Lagos.",
  "Five men turned themselves in to police after the shooting in Kano on Monday.",
  "The striker gave himself up to the referee after the match.",
  "The rebels surrendered to the authorities in the Kivu region on Monday.",
  "Rangers tracked down the escaped lion near the village on Sunday.",
  "Twelve inmates escaped from the Kuje prison on Friday. Two wardens turned themselves in to investigators on Saturday.",
  "The rioting inmates surrendered to the authorities at the Kuje prison after a ten-hour standoff.",
  "The gunmen who attacked the Kuje prison surrendered to the army on Sunday.",
  "Seven inmates escaped from the Kuje prison on Friday. Police have caught five suspects in an unrelated robbery.",
  "Twelve inmates escaped from the Kuje prison on Friday. On Saturday, two wardens turned themselves in.",
  "Sixty detainees broke out of the Kumba prison on Friday. In Douala, two were arrested for selling stolen phones.",
];

for (const [text, where, count] of SURRENDERS) {
  test(`recapture told without "recaptured" at ${where}: ${text.slice(0, 60)}…`, () => {
    const found = mentionsOf(text).filter((m) => m.type === "recapture");
    assert.equal(found.length, 1, JSON.stringify(found.map(described)));
    assert.ok(described(found[0]).includes(where), described(found[0]));
    const recaptured = found[0].counts.find((c) => c.quantity === "recaptured");
    assert.equal(recaptured?.claims[0].best, count);
  });
}

for (const text of NOT_SURRENDERS) {
  test(`no recapture of people who never escaped: ${text.slice(0, 60)}…`, () => {
    assert.deepEqual(mentionsOf(text).filter((m) => m.type === "recapture").map(described), []);
  });
}

const NEGATIVE: string[] = [
  "Two wardens were arrested after three inmates escaped from the Kamiti prison on Monday.",
  "Police arrested two wardens over the escape of three inmates from the Kamiti prison.",
  "Half of the escaped detainees had recently been arrested for stealing cars in Basra.",
  "The head of the Kamiti prison was also arrested after the escape on Monday.",
  "Twelve inmates escaped from the Kuje prison on Friday. The guards said they were caught off guard by the attack.",
  "Twelve inmates escaped from the Kuje prison on Friday. Two were arrested for helping them.",
];

for (const [text, where] of POSITIVE) {
  test(`recapture at ${where}: ${text.slice(0, 60)}…`, () => {
    const found = mentionsOf(text).filter((m) => m.type === "recapture").map(described);
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.ok(found[0].includes(where), found[0]);
  });
}

for (const text of NEGATIVE) {
  test(`no recapture: ${text.slice(0, 60)}…`, () => {
    assert.deepEqual(mentionsOf(text).filter((m) => m.type === "recapture").map(described), []);
  });
}

test("escapees arrested and brought back were not transferred", () => {
  const types = mentionsOf("Ten of the escapees have been arrested and brought back to the Kuje prison, officials said.").map((m) => m.type);
  assert.deepEqual(types, ["recapture"]);
});
