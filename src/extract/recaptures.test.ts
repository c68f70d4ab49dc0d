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
  ["Police were questioned after 21 prisoners escaped jail on Friday. Ten of the escaped prisoners had been recaptured by Saturday. The minister suspended all officers at the Hilal district prison.", "Hilal"],
];

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
