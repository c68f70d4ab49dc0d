// Linking a sentence's facilities to its events: a facility goes first to an event of its own
// clause, and the facility a transfer goes "to" is its destination, never what a later "the
// prison" refers to. Texts are written for these tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import { described, mentionsOf } from "./testing.ts";

const POSITIVE: Array<[string, string[]]> = [
  ["Riots broke out at the Kuje prison on Monday after the transfer of six inmates to the Kaduna prison.", ["riot@Kuje"]],
  ["Inmates rioted in the Kaduna prison on Monday, days after guards moved 40 of them to the Kuje prison.", ["riot@Kaduna", "transfer@Kaduna"]],
];

for (const [text, expected] of POSITIVE) {
  test(`links: ${text.slice(0, 70)}…`, () => {
    const found = mentionsOf(text).map(described);
    for (const want of expected) {
      const [type, where] = want.split("@");
      assert.ok(found.some((f) => f.startsWith(`${type}@`) && (where === "?" ? !/Kuje/.test(f) : f.includes(where))), `${want} not in ${JSON.stringify(found)}`);
    }
  });
}

test("the facility a transfer went to is not where the riot broke out", () => {
  const found = mentionsOf("Riots broke out at the Kuje prison on Monday after the transfer of six inmates to the Kaduna prison.").map(described);
  assert.ok(!found.some((f) => f.includes("Kaduna")), JSON.stringify(found));
});

test("a transfer's destination is not its facility", () => {
  const [transfer] = mentionsOf("Guards transferred 12 inmates from the Kaduna prison to the Kuje prison on Friday.").filter((m) => m.type === "transfer");
  assert.match(transfer.facility?.name ?? "", /Kaduna/);
});

test("a destination several words after 'to' is the destination, not the facility left ('to the maximum-security prison island of X')", () => {
  const text = "Inmates rioted at the Kuje prison on Monday. On Thursday the 60 rioters were transferred to the high-security island prison colony of Nusakambangan, officials said.";
  const [transfer] = mentionsOf(text).filter((m) => m.type === "transfer");
  assert.match(transfer.facility?.name ?? "", /Kuje/);
  assert.equal(transfer.destination?.name, "Cilacap");
});

test("where a transfer went is not what a later transfer left from", () => {
  const text = "Six inmates were flown to the Kuje prison on Monday. The remaining detainees were moved to police cells the same day.";
  assert.deepEqual(mentionsOf(text).filter((m) => m.facility?.name.includes("Kuje")).map(described), []);
});

test("a recalled riot takes no place from a clause about something else", () => {
  const text =
    "Inmates rioted at the Kuje prison on Saturday for the second time this month. " +
    "Guards were taken hostage in that riot, which began after a transfer of inmates to a prison near Kaduna.";
  const riots = mentionsOf(text).filter((m) => m.type === "riot").map(described);
  assert.ok(!riots.some((f) => f.includes("Kaduna")), JSON.stringify(riots));
});

test("a country in the possessive qualifies the facility; the town named with it is where it happened", () => {
  const [riot] = mentionsOf("At least 26 inmates were killed after a riot in Brazil's state penitentiary in the Natal metropolitan area on Saturday.").filter((m) => m.type === "riot");
  assert.match(riot.facility?.place?.name ?? riot.place?.name ?? "", /Natal/);
});

test("a facility named in history is not what a later event refers to", () => {
  const text =
    "Over 70 inmates escaped from the Kaduna prison on Saturday. " +
    "Most of them belong to a gang founded inside the Kuje prison in the 1990s. Police recaptured two of them on Sunday.";
  const [recapture] = mentionsOf(text).filter((m) => m.type === "recapture");
  assert.match(recapture.facility?.name ?? "", /Kaduna/);
});
