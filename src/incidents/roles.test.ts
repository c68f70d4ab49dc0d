// Roles over several reports of one incident: majority side per actor, holder and source kept.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { RoledActor } from "../model/incident.ts";
import { rolesOf } from "./roles.ts";

const r = (actor: string, role: RoledActor["role"]): RoledActor => ({ actor, role });

const table: Array<[string, RoledActor[][], RoledActor[]]> = [
  ["one report", [[r("IS", "initiator"), r("SDF", "target")]], [r("IS", "initiator"), r("SDF", "target")]],
  ["the same role twice counts once per report", [[r("IS", "initiator")], [r("is", "initiator")]], [r("IS", "initiator")]],
  ["the majority side wins", [[r("SDF", "target")], [r("SDF", "target")], [r("SDF", "initiator")]], [r("SDF", "target")]],
  ["a tie goes to the side first reported", [[r("SDF", "initiator")], [r("SDF", "target")]], [r("SDF", "initiator")]],
  ["holder and source stand beside a side", [[r("SDF", "target"), r("SDF", "holder"), r("SOHR", "source")]], [r("SDF", "target"), r("SDF", "holder"), r("SOHR", "source")]],
  ["role order, then most reported", [[r("B", "source"), r("A", "initiator")], [r("C", "initiator")], [r("C", "initiator")]], [r("C", "initiator"), r("A", "initiator"), r("B", "source")]],
  ["mentions stored before roles", [[]], []],
];

for (const [why, reports, expected] of table) {
  test(`rolesOf: ${why}`, () => assert.deepEqual(rolesOf(reports.map((roles) => ({ roles }))), expected));
}

test("rolesOf: mentions without a roles field", () => assert.deepEqual(rolesOf([{}]), []));
