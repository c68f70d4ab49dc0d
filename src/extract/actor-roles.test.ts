// Sentence -> roles tables for actor roles, read through the whole extraction pipeline so the
// actors and triggers are the ones extraction really finds. Texts are written for these tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { IncidentType, RoledActor } from "../model/incident.ts";
import { extract } from "./pipeline.ts";
import { isGenericActor } from "./actor-roles.ts";
import { docOf } from "./testing.ts";

const PUBLISHED = "2024-05-12";

function rolesOf(text: string, type: IncidentType): RoledActor[] | undefined {
  return extract(docOf(text, PUBLISHED)).mentions.find((m) => m.type === type)?.roles;
}

const has = (roles: RoledActor[] | undefined, actor: string, role: string) => Boolean(roles?.some((r) => r.actor === actor && r.role === role));

const POSITIVE: Array<[string, IncidentType, Array<[string, string]>]> = [
  ["Islamic State fighters stormed Ghwayran prison in Hasakah on Saturday night.", "attack", [["Islamic State", "initiator"]]],
  ["Ghwayran prison was attacked by Islamic State militants on Friday.", "attack", [["Islamic State", "initiator"]]],
  ["Iraqi security forces recaptured 30 escapees from Badush prison on Friday.", "recapture", [["Iraqi security forces", "initiator"]]],
  ["Twelve escapees from Ghwayran prison were recaptured by Syrian Democratic Forces on Friday.", "recapture", [["Syrian Democratic Forces", "initiator"]]],
  ["The prison in Ras al-Ayn fell to Turkish-backed factions on Friday, residents said.", "control_change", [["Syrian National Army", "initiator"]]],
  ["The Syrian Democratic Forces handed over al-Shaddadi prison to Syrian army units on Friday.", "control_change", [["Syrian army", "initiator"], ["Syrian Democratic Forces", "target"]]],
  ["Iraqi forces were put on high alert along the border on Friday after the jailbreak in Hasakah.", "alert", [["Iraqi security forces", "initiator"]]],
  ["Inmates escaped from a jail run by the Syrian Democratic Forces in Qamishli on Friday.", "escape", [["Syrian Democratic Forces", "holder"]]],
  ["Dozens of inmates escaped from the SDF-run Ghwayran prison on Friday, the Syrian Observatory for Human Rights said.", "escape", [["Syrian Democratic Forces", "holder"], ["Syrian Observatory for Human Rights", "source"]]],
];

for (const [text, type, expected] of POSITIVE) {
  test(`roles: ${text.slice(0, 70)}`, () => {
    const roles = rolesOf(text, type);
    assert.ok(roles, `a ${type} mention is found`);
    for (const [actor, role] of expected) assert.ok(has(roles, actor, role), `${actor} as ${role} in ${JSON.stringify(roles)}`);
  });
}

// Generic words, outlets and monitors never take the side of an event.
const NEGATIVE: Array<[string, IncidentType, string]> = [
  ["Officials said 40 inmates escaped from Ghwayran prison on Friday.", "escape", "officials"],
  ["The authorities said gunmen stormed Ghwayran prison in Hasakah on Friday.", "attack", "authorities"],
  ["Reuters reported that 40 inmates escaped from Ghwayran prison on Friday.", "escape", "Reuters"],
  ["The Syrian Observatory for Human Rights said Islamic State fighters stormed Ghwayran prison on Friday.", "attack", "Syrian Observatory for Human Rights"],
];

for (const [text, type, actor] of NEGATIVE) {
  test(`no side for "${actor}": ${text.slice(0, 60)}`, () => {
    const mention = extract(docOf(text, PUBLISHED)).mentions.find((m) => m.type === type);
    assert.ok(mention, `a ${type} mention is found`);
    assert.ok(!mention.roles?.some((r) => r.actor === actor && (r.role === "initiator" || r.role === "target")), JSON.stringify(mention.roles));
    if (isGenericActor(actor)) assert.ok(!mention.actors.includes(actor), `"${actor}" is not an actor`);
  });
}

test("isGenericActor: generic words, not names", () => {
  for (const word of ["officials", "Authorities", "the authorities", "security sources"]) assert.equal(isGenericActor(word), true, word);
  for (const name of ["Syrian Democratic Forces", "Reuters", "Islamic State"]) assert.equal(isGenericActor(name), false, name);
});

test("a speaker before the trigger is no side of the event", () => {
  const table: Array<[string, IncidentType, string]> = [
    ["The Syrian Democratic Forces said a dozen inmates escaped from Ghwayran prison on Friday.", "escape", "Syrian Democratic Forces"],
    ["The Syrian Democratic Forces disputed reports that 800 inmates escaped from Ghwayran prison on Friday.", "escape", "Syrian Democratic Forces"],
    ["Inmates escaped from a jail run by the Syrian Democratic Forces in Qamishli on Friday.", "escape", "Syrian Democratic Forces"],
  ];
  for (const [text, type, actor] of table) {
    const roles = rolesOf(text, type);
    assert.ok(roles, `a ${type} mention is found in: ${text}`);
    assert.ok(!has(roles, actor, "initiator"), JSON.stringify(roles));
  }
});
