// Attacks on facilities and riots inside them: sentence -> the attacks and riots it tells, and a
// negative table of look-alikes (an army camp stormed, a court sentence, a football brawl). Texts
// are written for these tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import { described, mentionsOf } from "./testing.ts";

const ATTACK_OR_RIOT = new Set(["attack", "riot"]);

// Published Sunday 2024-03-10.
const POSITIVE: Array<[string, string[]]> = [
  ["Gunmen stormed the Kuje prison and the Koton Karfe prison on Friday night, freeing dozens of inmates.", ["attack@Kuje", "attack@Koton Karfe"]],
  ["Jihadists overran the central prison in Tillaberi before dawn on Monday.", ["attack@Tillaberi"]],
  ["Armed men raided a jail in the town of Nouna on Sunday.", ["attack@Nouna"]],
  ["Bandits broke into the Kotonkarfe custodial centre overnight, police said.", ["attack@Koton Karfe"]],
  ["The assault on the Ghwayran prison began with a car bomb at the main gate.", ["attack@Ghwayran"]],
  ["Dozens of militants were seen attacking the Nouna prison with rockets.", ["attack@Nouna"]],
  ["A prison in northern Burkina Faso was attacked by armed men on Saturday.", ["attack@Burkina Faso"]],
  ["Gunmen in their dozens invaded the Owerri custodial centre in the early hours of Monday.", ["attack@Owerri"]],
  ["Prisoners at the Kerobokan jail in Bali went on a rampage on Friday, setting fire to buildings.", ["riot@Kerobokan"]],
  ["At least 30 prisoners were killed in clashes between rival gangs at a prison in Esmeraldas on Monday.", ["riot@Esmeraldas"]],
  ["Inmates took control of a wing of the Kerobokan prison on Tuesday and held two guards hostage.", ["riot@Kerobokan"]],
  ["Hundreds of prisoners seized control of the Makala prison on Monday.", ["riot@Makala"]],
  ["A brawl between rival gangs at the Tocorón prison left 11 inmates dead on Saturday.", ["riot@Tocorón"]],
  ["An escape attempt at the Bangui central prison left at least 30 people dead, officials said.", ["riot@Bangui"]],
  ["Clashes between inmates and guards inside the Makala prison killed 12 people on Thursday.", ["riot@Makala"]],
  ["Prisoners set fire to mattresses in the Lurigancho prison, leaving three inmates dead.", ["riot@Lurigancho"]],
  ["Inmates at the Makala prison took control of two wings on Friday, leaving three dead, a prison official said.", ["riot@Makala"]],
  ["Unrest erupted inside the Makala prison on Sunday, with prisoners burning blankets.", ["riot@Makala"]],
  ["A disturbance broke out at the Kerobokan prison on Friday night after a search of the cells.", ["riot@Kerobokan"]],
  ["Violence erupted at the Kerobokan prison in Bali on Friday, leaving two inmates dead.", ["riot@Kerobokan"]],
  // a town the gazetteer lacks, after the facility word
  ["Suspected jihadists raided the prison in Koutoukale on Friday and freed several inmates.", ["attack@Koutoukal"]],
  ["Gunmen attacked the Cereso No. 3 prison in Nuevo Laredo early Sunday.", ["attack@Cereso No. 3"]],
  ["Hundreds of prisoners fled after rebels shelled the Bunia central prison on Wednesday.", ["attack@Bunia"]],
  ["Fighting broke out between inmates and guards at the La Esperanza prison in Guatemala City, leaving seven dead.", ["riot@La Esperanza"]],
  // an attempt that was thwarted but left dead is a riot
  ["Security forces thwarted an attempted jailbreak at the Kirikiri prison on Sunday, killing three inmates.", ["riot@Kirikiri"]],
  ["Six inmates were killed as guards foiled a breakout attempt at the Makala prison on Monday.", ["riot@Makala"]],
  // a plural facility word before a list of towns: one facility, and one attack, per town
  ["Gunmen attacked prisons in Owerri and Oko on Monday, freeing hundreds of inmates.", ["attack@Owerri", "attack@Oko"]],
  ["Militants launched simultaneous assaults on the prisons of Tikrit and Baiji overnight.", ["attack@Tasfirat", "attack@Baiji"]],
  ["Inmates rioted in the custodial centres in Kuje, Suleja and Keffi on Sunday.", ["riot@Kuje", "riot@Suleja", "riot@Keffi"]],
];

const NEGATIVE: string[] = [
  "Militants stormed an army camp near the border, killing seven soldiers.",
  "Rebels overran the military base at Tessalit on Sunday.",
  "Police raided a bar in the city centre and arrested 20 people.",
  "A brawl broke out between fans after the match, leaving two dead.",
  "The man was sentenced to life in prison for the assault on a police officer.",
  "An inmate assaulted a guard at the Kuje prison on Monday.",
  "Clashes between the army and militants near the Kuje prison killed five soldiers.",
  "Gunmen took five villagers hostage near the Kuje prison.",
  "The film follows four inmates who storm the prison director's office.",
  "Prison overcrowding has led to 300 deaths in custody, a report said.",
  "Residents said they heard clashes near the town on Friday.",
  "A convoy near the Kuje prison was attacked on Friday, killing three soldiers.",
  "Unrest erupted in the capital after the election results were announced.",
  "Violence broke out in the streets near the Kuje prison on Sunday, leaving three protesters dead.",
  "The minister warned that attacks on prisons in Kogi and Niger states could happen again.",
  "Artillery shelled the village near the border, killing four civilians.",
  "Fighting broke out between fans outside the stadium, leaving two dead.",
  "Detainees escaped the Kuje camp after army shelling close to the camp on Sunday.",
  // a prevented attempt that harmed no one is no incident
  "Guards foiled an escape attempt at the Kuje prison on Monday.",
  "Guards thwarted a jailbreak attempt at the Kuje prison on Monday; no one was hurt.",
  "No inmate was killed when guards foiled an escape attempt at the Kuje prison.",
  "The film shows gangsters storming prisons in Rio and Sao Paulo.",
  "Violence erupted in the capital after the elections, leaving two dead near the central prison.",
  // the holders firing on their own detainees quell a riot or an attempt; they do not attack the facility
  "Guards opened fire on the inmates in the yard of the Kuje prison on Sunday.",
];

for (const [text, expected] of POSITIVE) {
  test(`attacks and riots: ${text.slice(0, 70)}…`, () => {
    const found = mentionsOf(text).filter((m) => ATTACK_OR_RIOT.has(m.type)).map(described);
    assert.equal(found.length, expected.length, `got ${JSON.stringify(found)}`);
    for (const want of expected) assert.ok(found.some((f) => f.startsWith(want.split("@")[0] + "@") && f.includes(want.split("@")[1])), `${want} not in ${JSON.stringify(found)}`);
  });
}

for (const text of NEGATIVE) {
  test(`no attack or riot: ${text.slice(0, 70)}…`, () => {
    assert.deepEqual(mentionsOf(text).filter((m) => ATTACK_OR_RIOT.has(m.type)).map(described), []);
  });
}

test("wings taken in a riot are no count of the dead", () => {
  const [riot] = mentionsOf("Inmates at the Makala prison took control of two wings on Friday, leaving three dead, a prison official said.").filter((m) => m.type === "riot");
  assert.deepEqual(riot.counts.find((c) => c.quantity === "killed")?.claims.map((c) => c.low), [3]);
});

test("guards firing on an escape attempt that left dead is a riot, not an attack", () => {
  const types = mentionsOf("Six inmates were killed when guards opened fire on an escape attempt at the Kuje prison on Sunday, police said.").map((m) => m.type);
  assert.deepEqual(types, ["riot"]);
});

test("government troops attacking a prison held by rebels is an attack", () => {
  assert.deepEqual(mentionsOf("Government troops attacked the rebel-held central prison in Homs on Sunday.").map(described), ["attack@Homs central prison"]);
});

test("a definite subject before a verb tells the event; it does not point back at one", () => {
  for (const text of ["The army took control of the Tocoron prison.", "The army took control of the Tocoron prison after an operation involving 11,000 troops."]) {
    assert.deepEqual(mentionsOf(text).map(described), ["control_change@Tocorón prison"], text);
  }
  assert.deepEqual(mentionsOf("The takeover of the Tocoron prison was praised by the government.").map(described), []);
});

test("gunmen freeing inmates and taking guards hostage freed detainees", () => {
  assert.deepEqual(mentionsOf("Gunmen freed 200 inmates of the Kuje prison and took 10 guards hostage.").map((m) => m.type), ["escape"]);
});

test("inmates breaking a wall to flee escaped; they did not riot", () => {
  const types = mentionsOf("Inmates broke through the wall of the Kuje prison and fled on Monday.").map((m) => m.type);
  assert.deepEqual(types, ["escape"]);
});

test("an attempt that harmed no one is no riot", () => {
  const types = mentionsOf("An inmate attempted to escape from the Kuje prison on Monday but guards stopped him at the fence.").map((m) => m.type);
  assert.ok(!types.includes("riot"), JSON.stringify(types));
});
