// Retrospective mentions: an earlier event recalled in a later report is dated by its own words
// ("a year after the attack", "the January attack") or is background; it never becomes a new
// incident dated by the report's publication. Texts are written for these tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import { described, mentionsOf } from "./testing.ts";

// [published, text, incident type, expected window or null when the type must not be found]
const CASES: Array<[string, string, string, [string, string] | null]> = [
  ["2024-03-10", "A year after the attack on the Kuje prison, 60 escapees are still at large, officials said.", "attack", null],
  ["2024-03-10", "Six months on from the attack on the Kuje prison, the facility remains closed.", "attack", null],
  ["2024-03-10", "Since the 2019 breakout at the Kuje prison, security has been tightened.", "escape", null],
  ["2024-03-10", "Last year's attack on the Kuje prison freed 400 inmates.", "attack", null],
  ["2024-02-20", "The January attack on the Kuje prison freed 400 inmates.", "attack", ["2024-01-01", "2024-01-31"]],
  ["2024-03-10", "Two weeks after the jailbreak at the Kuje prison, police recaptured 12 inmates on Friday.", "recapture", ["2024-03-08", "2024-03-08"]],
  ["2024-03-10", "A week after the attack on the Kuje prison, police recaptured 87 of the escaped inmates on Friday.", "attack", ["2024-02-28", "2024-03-07"]],
  ["2024-02-20", "More than a month after the attack on the Kuje prison, 150 escapees remain at large.", "attack", ["2023-12-22", "2024-01-21"]],
  ["2024-07-02", "Soldiers now guard every custodial centre in the region. The attack on the Kuje prison was claimed by ISWAP.", "attack", null],
  ["2024-03-10", "The attack on the Kuje prison late on Thursday freed 400 inmates.", "attack", ["2024-03-07", "2024-03-07"]],
  ["2024-03-10", "The attack on the Kuje prison late on Thursday freed 400 inmates.", "escape", ["2024-03-07", "2024-03-07"]],
  // the attack that let the inmates out takes the night of their flight
  ["2024-03-10", "A council member said 300 prisoners fled the Ghazni prison after the Taliban attack on Saturday.", "attack", ["2024-03-09", "2024-03-09"]],
  ["2024-03-10", "Inmates escaped from the Kuje prison on Saturday, a year after the attack on the facility.", "attack", null],
  // "inmates that escaped" is a relative clause telling the escape, not "that escape" pointing back
  ["2024-03-10", "More than 300 inmates of the custodial centre, Abolongo, in Oyo State, that escaped during Friday's attack have been recaptured.", "escape", ["2024-03-08", "2024-03-08"]],
  // the event a response of the same sentence follows is news, dated no later than the response
  ["2024-03-10", "Police recaptured 12 inmates on Friday after the jailbreak at the Kuje prison.", "escape", ["2024-03-07", "2024-03-08"]],
  ["2024-03-10", "Ecuador's government declared a state of emergency in all prisons after the riot at the Litoral penitentiary.", "riot", ["2024-03-09", "2024-03-10"]],
  ["2024-03-10", "Security forces went on alert in Kirkuk after the jailbreak at Tasfirat prison in Tikrit.", "escape", ["2024-03-09", "2024-03-10"]],
  // nothing told answers it, or the response is itself history
  ["2024-03-10", "The prison has been calm since the riot at the Litoral penitentiary, the director said.", "riot", null],
  ["2024-03-10", "Security was tightened at the Kuje prison a year after the attack on the facility.", "attack", null],
  ["2024-03-10", "Security was tightened at all prisons in 2019 after the attack on the Kuje prison.", "attack", null],
];

for (const [published, text, type, window] of CASES) {
  test(`retrospective ${type}: ${text.slice(0, 70)}…`, () => {
    const found = mentionsOf(text, published).filter((m) => m.type === type);
    if (!window) {
      assert.deepEqual(found.map(described), []);
      return;
    }
    assert.equal(found.length, 1, JSON.stringify(found.map(described)));
    assert.deepEqual(found[0].date, { earliest: window[0], latest: window[1] });
  });
}

test("a reference in a later sentence joins the event the story tells", () => {
  const text = "Gunmen attacked the Kuje prison on Friday, freeing 300 inmates. Days after the attack, the governor visited the prison.";
  const attacks = mentionsOf(text).filter((m) => m.type === "attack");
  assert.equal(attacks.length, 1);
  assert.deepEqual(attacks[0].date, { earliest: "2024-03-08", latest: "2024-03-08" });
});

test("the escaped inmates recaptured on Monday escaped on another day", () => {
  const found = mentionsOf("Police recaptured ten of the escaped inmates of the Kuje prison on Monday.", "2024-03-11");
  assert.deepEqual(found.map((m) => `${described(m)} ${m.date?.earliest}`), ["recapture@Kuje Medium Security Custodial Centre 2024-03-11"]);
});

test("a definite event noun that gives figures tells the event", () => {
  const found = mentionsOf("The escape of 20 inmates from the Kuje prison has raised questions about security, officials said.").filter((m) => m.type === "escape");
  assert.equal(found.length, 1);
  assert.equal(found[0].counts.find((c) => c.quantity === "escaped")?.claims[0].low, 20);
});
