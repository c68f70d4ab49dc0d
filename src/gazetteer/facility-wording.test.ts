import { test } from "node:test";
import assert from "node:assert/strict";
import { facilityWordingIn } from "./facility-wording.ts";

const FOUND: Array<[string, Array<[string, string, boolean]>]> = [
  ["Gunmen stormed the central prison.", [["prison", "prison", false]]],
  ["Two prisons and three jails were hit.", [["prisons", "prison", false], ["jails", "jail", false]]],
  ["Inmates of the Kotoko custodial centres rioted.", [["custodial centres", "prison", false]]],
  ["Women fled al-Hol camp on Sunday.", [["al-Hol camp", "camp", true]]],
  ["Women fled al Hol on Sunday.", [["al Hol", "camp", true]]],
  ["Fighters surrounded Ghwayran at dawn.", [["Ghwayran", "prison", true]]],
  ["Refugees left the camp.", [["camp", "camp", false]]],
  ["Penitentiaries across the state were locked down.", [["Penitentiaries", "prison", false]]],
];

const NONE = [
  "Parliament approved the budget after a long debate.",
  "The campaign ended with a rally in the capital.",
  "Jailed reporters were freed on bail.",
  "The maco of the team scored twice.",
];

for (const [text, expected] of FOUND) {
  test(`facility wording: ${text}`, () => {
    assert.deepEqual(
      facilityWordingIn(text).map((w) => [text.slice(w.start, w.end), w.kind, w.named]),
      expected,
    );
  });
}
for (const text of NONE) test(`no facility wording: ${text}`, () => assert.deepEqual(facilityWordingIn(text), []));
