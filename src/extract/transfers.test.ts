// Transfers told by either side: the side that sends ("were handed over to", "were moved to",
// "repatriated ... from the camp", "flown to") or the side that receives ("has received 5,704
// detainees from", "took custody of"). Negative table: detainees receiving food, visits or letters,
// and clubs, hospitals or teams receiving people who were never held. Texts are written for these tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import { described, mentionsOf } from "./testing.ts";

// [text, where the detainees came from, transferred count]
const POSITIVE: Array<[string, string, number]> = [
  ["Iraq has received 5,704 detainees from the al-Hol camp in Syria so far, the ministry said on Sunday.", "al-Hol", 5704],
  ["Iraq has received 2,250 detainees from Syria, the ministry said on Sunday.", "Syria", 2250],
  ["Iraqi authorities said on Monday they had received a new batch of 300 detainees from the al-Hol camp.", "al-Hol", 300],
  ["Baghdad took delivery of 125 Iraqi prisoners from the SDF-run Ghwayran prison on Thursday.", "Ghwayran", 125],
  ["The Kirikiri prison took custody of 80 inmates from the Ikoyi prison on Wednesday.", "Ikoyi", 80],
  ["The Kirikiri prison on Wednesday received 80 inmates from the Ikoyi prison.", "Ikoyi", 80],
  ["Some 150 detainees from the Ghwayran prison were handed over to the Iraqi authorities on Monday.", "Ghwayran", 150],
  ["The SDF handed over 150 detainees from the Ghwayran prison to Iraq on Monday.", "Ghwayran", 150],
  ["The 155 convicts at the Mako Brimob detention centre were moved to the Nusakambangan prison island on Thursday.", "Mako Brimob", 155],
  ["Baghdad repatriated 600 Iraqi detainees from the al-Hol camp on Tuesday.", "al-Hol", 600],
  ["Forty detainees from the Bagram prison were flown to Guantanamo on Friday.", "Parwan", 40],
  // "held at" describes the people moved; the move is what is counted
  ["Some 300 detainees held at the al-Hol camp were flown to Baghdad on Friday.", "al-Hol", 300],
];

const NEGATIVE: string[] = [
  "Inmates of the Kirikiri prison received food from charities on Wednesday.",
  "The Kuje prison received a visit from the minister on Monday.",
  "Detainees at the al-Hol camp received visits from relatives on Friday.",
  "The families of inmates at the Kuje prison received letters from them on Monday.",
  "The club received two players from Chelsea on loan on Monday.",
  "The Kano hospital received 40 patients from the crash site on Sunday.",
  "The Kuje prison received a new delivery of food and blankets from donors on Monday.",
  "Inmates at the Kuje prison received a new batch of uniforms from the ministry on Friday.",
];

for (const [text, from, count] of POSITIVE) {
  test(`transfer from ${from}: ${text.slice(0, 60)}…`, () => {
    const found = mentionsOf(text).filter((m) => m.type === "transfer");
    assert.equal(found.length, 1, JSON.stringify(mentionsOf(text).map(described)));
    assert.ok(described(found[0]).includes(from), described(found[0]));
    assert.equal(found[0].counts.find((c) => c.quantity === "transferred")?.claims[0].best, count);
  });
}

for (const text of NEGATIVE) {
  test(`no transfer: ${text.slice(0, 60)}…`, () => {
    assert.deepEqual(mentionsOf(text).map(described), []);
  });
}
