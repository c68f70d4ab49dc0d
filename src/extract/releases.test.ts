// Releases: detainees let out by those who hold the facility (its authorities, or rebels who took
// it): "opened the doors of", "released 126 minors from", "seized the prison and freed". Negative
// table: hostages freed, statements and albums released, releases demanded. Texts are written for
// these tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import { described, mentionsOf } from "./testing.ts";

const DEPARTURES = new Set(["release", "escape"]);

// Published Sunday 2024-03-10: [text, departure expected, type expected when it must be a release]
const POSITIVE: Array<[string, string, string | null]> = [
  ["M23 fighters opened the doors of the Munzenze prison on Monday, letting out about 3,000 inmates.", "Munzenze", null],
  ["The junta released 126 minors from the Kami prison on Thursday.", "Kami", "release"],
  ["Taliban fighters released thousands of inmates from a prison on the outskirts of Kabul on Sunday.", "Kabul", "release"],
  ["Rebels seized the Makala prison on Friday and freed 400 inmates.", "Makala", "release"],
  ["After taking the city, the rebels released all the inmates held at the central prison in Bukavu.", "Bukavu", "release"],
  ["M23 rebels emptied the Munzenze prison after capturing the town on Monday.", "Munzenze", "release"],
  ["The government agreed to release the prisoners of the Hama prison. It set free more than 100 detainees on Monday.", "Hama", "release"],
  ["The authorities freed 200 inmates of the Kuje prison on Monday to ease overcrowding.", "Kuje", "release"],
  ["Gunmen freed 200 inmates of the Kuje prison on Monday.", "Kuje", "escape"],
  ["Rebels who seized the town on Saturday freed the detainees of the central prison in Bukavu.", "Bukavu", null],
];

// Freed by a force that takes the town or the facility: a release counting those released, where a
// raid that frees inmates stays an escape. [text, where, type, count of the type's quantity]
const FREED_BY_NEW_HOLDERS: Array<[string, string, "release" | "escape", number | null]> = [
  ["Rebels freed 1,500 prisoners from the Goma central prison after seizing the city on Sunday.", "Munzenze", "release", 1500],
  ["The militia emptied the Bunia prison on Tuesday, freeing its inmates.", "Bunia", "release", null],
  ["Fighters opened the Kindu prison on Monday and let the detainees go.", "Kindu", "release", null],
  ["After capturing the town, the insurgents freed some 800 inmates of the Uvira prison on Friday.", "Uvira", "release", 800],
  ["The rebels took control of the city on Sunday and set free the prisoners held at the Makala prison.", "Makala", "release", null],
  ["The army recaptured the city on Monday and freed detainees held by the rebels at the Bukavu prison.", "Bukavu", "release", null],
  ["Rebels who entered the city of Bukavu on Friday broke open the central prison and freed its 2,000 inmates.", "Bukavu", "release", 2000],
  ["After the city fell to the rebels on Monday, hundreds of inmates were freed from the Goma prison.", "Munzenze", "release", null],
  ["Once in control of the district, the militants let out all 300 inmates of the Mirebalais prison on Monday.", "Mirebalais", "release", 300],
  ["Gunmen stormed the Kuje prison on Tuesday and freed 200 inmates.", "Kuje", "escape", 200],
  ["Insurgents attacked the Bauchi prison on Sunday and freed 721 inmates before fleeing.", "Bauchi", "escape", 721],
  ["Rebels captured three soldiers and freed 20 inmates of the Goma prison on Monday.", "Munzenze", "escape", 20],
];

for (const [text, where, type, count] of FREED_BY_NEW_HOLDERS) {
  test(`${type} of inmates freed at ${where}: ${text.slice(0, 60)}…`, () => {
    const found = mentionsOf(text).filter((m) => DEPARTURES.has(m.type));
    assert.equal(found.length, 1, JSON.stringify(found.map(described)));
    assert.equal(described(found[0]).startsWith(type), true, described(found[0]));
    assert.ok(described(found[0]).includes(where), described(found[0]));
    if (count !== null) assert.equal(found[0].counts.find((c) => c.quantity === (type === "release" ? "released" : "escaped"))?.claims[0].best, count);
    assert.deepEqual(mentionsOf(text).filter((m) => m.type === "recapture").map(described), []);
  });
}

const NEGATIVE: string[] = [
  "The army recaptured the town on Friday and freed 30 hostages held by the militants.",
  "The crowd emptied the stadium on Sunday after the team freed itself from relegation.",
  "Police captured the suspects on Monday after they fled the scene of the robbery in Kano.",
  "Rangers let the rescued lion go near the village on Sunday.",
  "The kidnappers released 12 hostages near the village on Wednesday.",
  "The ministry released a statement on the Kuje prison on Monday.",
  "Relatives demanded the release of the detainees held at the Kuje prison.",
  "The band released a new album called Jailbreak on Friday.",
  "Images released after the raid on the Tocorón prison showed rifles seized from inmates.",
  "Families outside the Kuje prison are calling for the release of the list of inmates who died.",
  // freed people who were never held there, released things that are not people
  "The hostages were freed by the army on Sunday near the Kuje prison.",
  "Kidnapped students were freed near the Kuje prison on Monday.",
  "The singer released an album recorded in the Kuje prison.",
  "The zoo released two bears into the wild on Monday.",
];

for (const [text, where, type] of POSITIVE) {
  test(`release at ${where}: ${text.slice(0, 60)}…`, () => {
    const found = mentionsOf(text).filter((m) => DEPARTURES.has(m.type) && m.modality === "occurred");
    assert.equal(found.length, 1, JSON.stringify(found.map(described)));
    assert.ok(described(found[0]).includes(where), described(found[0]));
    if (type) assert.equal(found[0].type, type);
  });
}

for (const text of NEGATIVE) {
  test(`no release: ${text.slice(0, 60)}…`, () => {
    assert.deepEqual(mentionsOf(text).filter((m) => DEPARTURES.has(m.type)).map(described), []);
  });
}

test("one release from a prison and another facility at a second town is two releases", () => {
  const text = "Rebels released hundreds of detainees on Monday from the Makala prison as well as another facility at Bukavu.";
  const found = mentionsOf(text).filter((m) => m.type === "release").map(described);
  assert.equal(found.length, 2, JSON.stringify(found));
  assert.ok(found.some((f) => f.includes("Makala")) && found.some((f) => f.includes("Bukavu")), JSON.stringify(found));
});

test("a facility and its name in apposition, listed with a second facility, is two releases at the named ones", () => {
  const text = "The new authorities said hundreds of detainees were released on Monday from a prison on the outskirts of Tehran — Evin — as well as the Qezel Hesar prison.";
  const found = mentionsOf(text).filter((m) => m.type === "release").map(described);
  assert.deepEqual(found, ["release@Evin Prison", "release@Ghezel Hesar Prison"]);
});

test("a base surrendered with the prison it houses is a change of control of the prison; people surrendering are not", () => {
  const handed = mentionsOf("Government troops surrendered Bagram airbase to the Taliban early on Sunday.").filter((m) => m.type === "control_change").map(described);
  assert.deepEqual(handed, ["control_change@Parwan Detention Facility"]);
  for (const text of ["Of the 300 inmates who fled the Kuje prison, 120 surrendered to the police on Sunday.", "The rioting inmates surrendered at the gate of the Kuje prison on Monday."]) {
    assert.deepEqual(mentionsOf(text).filter((m) => m.type === "control_change").map(described), [], text);
  }
});

test("a release agreed and then carried out is one release", () => {
  const text = "The government agreed to release the prisoners of the Hama prison. It set free more than 100 detainees on Monday.";
  const found = mentionsOf(text).filter((m) => DEPARTURES.has(m.type));
  assert.deepEqual(found.map((m) => `${described(m)} ${m.modality}`), ["release@Hama prison occurred"]);
});
