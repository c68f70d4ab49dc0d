// Clause -> source tables for the source reader: the words before a reporting verb ("... said")
// and the words after an inverted verb or "according to". Sentences are written for these tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import { isRolePhrase, personInApposition, sourceEndingClause, sourceStartingClause } from "./source-phrase.ts";

/** [words before the verb, name, kind, role] */
const ENDING: Array<[string, string, string, string | null]> = [
  ["Justice Minister Cecilia Rojas", "Cecilia Rojas", "person", "Justice Minister"],
  ["Director of Prisons Samuel Ochieng", "Samuel Ochieng", "person", "Director of Prisons"],
  ["police commander Ramiro Vaca", "Ramiro Vaca", "person", "police commander"],
  ["Army deputy chief Lt. Gen. Tarkan", "Tarkan", "person", "Army deputy chief"],
  ["Mr. Noah Bello", "Noah Bello", "person", null],
  ["Hawa Diallo", "Hawa Diallo", "person", null],
  ["two Kurdish security officials", "Kurdish security officials", "group", null],
  ["a senior security source", "senior security source", "group", null],
  ["Security sources have", "security sources", "group", null],
  ["police on Friday", "police", "group", null],
  ["A military official in eastern Kunar province", "military official", "group", null],
  ["an official at the facility", "official at the facility", "group", null],
  ["a member of parliament's security committee", "member of parliament's security committee", "group", null],
  ["One of the armed groups", "armed groups", "group", null],
  ["The Public Ministry", "Public Ministry", "organisation", null],
  ["Chad's Judiciary", "Chad's Judiciary", "organisation", null],
  ["the national prison institute INPEC", "INPEC", "organisation", null],
  ["Radio Kano", "Radio Kano", "organisation", null],
  ["Army Chief Gen. Musa Dogo", "Musa Dogo", "person", "Army Chief"],
];

/** Words before a verb that name no source. */
const ENDING_NONE: string[] = [
  "Twelve inmates escaped from the prison in Goma",
  "The Taliban",
  "Kano State",
  "the attackers",
  "",
];

/** [words after "said" / "according to", name, kind, role] */
const STARTING: Array<[string, string, string, string | null]> = [
  ["Modeste Kalumba, the town's mayor", "Modeste Kalumba", "person", "town's mayor"],
  ["Gen. Idriss Mahamat, commander of the northern sector", "Idriss Mahamat", "person", "commander of the northern sector"],
  ["a military official who asked not to be named", "military official", "group", null],
  ["Nigerien army commander Col. Ali Soumana", "Ali Soumana", "person", "Nigerien army commander"],
  ["two local officials", "local officials", "group", null],
  ["the prison service", "prison service", "group", null],
];

const STARTING_NONE: string[] = ["two people had been killed", "the escape was planned for weeks"];

for (const [clause, name, kind, role] of ENDING) {
  test(`source ending "${clause}" is ${name}`, () => {
    const read = sourceEndingClause(clause);
    assert.deepEqual(read && { name: read.name, kind: read.kind, role: read.role }, { name, kind, role });
  });
}

for (const clause of ENDING_NONE) {
  test(`no source ends "${clause}"`, () => {
    const read = sourceEndingClause(clause);
    assert.equal(read?.kind === "person" ? read.name : null, null);
    if (read) assert.notEqual(read.kind, "person");
  });
}

for (const [clause, name, kind, role] of STARTING) {
  test(`source starting "${clause}" is ${name}`, () => {
    const read = sourceStartingClause(clause);
    assert.deepEqual(read && { name: read.name, kind: read.kind, role: read.role }, { name, kind, role });
  });
}

for (const clause of STARTING_NONE) {
  test(`no source starts "${clause}"`, () => {
    assert.equal(sourceStartingClause(clause), null);
  });
}

test("appositions: a role phrase is not a person, a name is", () => {
  assert.equal(isRolePhrase("a spokesman for the governor of Kunar province"), true);
  assert.equal(isRolePhrase("the chief minister"), true);
  assert.equal(isRolePhrase("Attaullah Rahimi"), false);
  assert.equal(personInApposition("Attaullah Rahimi"), "Attaullah Rahimi");
  assert.equal(personInApposition("Mr. Noah Bello"), "Noah Bello");
  assert.equal(personInApposition("the chief minister"), null);
  assert.equal(personInApposition("Oyo State Command"), null);
});
