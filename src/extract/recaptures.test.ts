// Arrests after an escape: a recapture only of those who escaped. Negative table: wardens,
// officials and accomplices arrested, and arrests for other crimes. Texts are written for these tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import { described, mentionsOf } from "./testing.ts";

const POSITIVE: Array<[string, string]> = [
  ["Police arrested 12 of the inmates who escaped from the Kamiti prison on Monday.", "Kamiti"],
  ["The three escapees were arrested in Kitui on Thursday.", "Kitui"],
  ["Ten of the escapees have been arrested and brought back to the Kuje prison, officials said.", "Kuje"],
];

const NEGATIVE: string[] = [
  "Two wardens were arrested after three inmates escaped from the Kamiti prison on Monday.",
  "Police arrested two wardens over the escape of three inmates from the Kamiti prison.",
  "Half of the escaped detainees had recently been arrested for stealing cars in Basra.",
  "The head of the Kamiti prison was also arrested after the escape on Monday.",
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
