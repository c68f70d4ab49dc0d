import { test } from "node:test";
import assert from "node:assert/strict";
import type { FacilityRef } from "../model/incident.ts";
import { distinctFacilityNames, facilityNameParts, sameFacilityName } from "./facility-names.ts";
import { matchSites, SITE_MATCH } from "./places.ts";
import { HASAKAH, HASAKAH_PROVINCE, SHADDADI } from "./testing/fixtures.ts";

const named = (name: string, place: FacilityRef["place"] = null): FacilityRef => ({ id: name.toLowerCase().replace(/\W+/g, "-"), name, kind: "prison", place });

test("facilityNameParts: kind, security level and own words", () => {
  const table: Array<[string, ReturnType<typeof facilityNameParts>]> = [
    ["Kuje Medium Security Custodial Centre", { kind: "prison", level: "medium", core: "kuje" }],
    ["Tarn District Jail", { kind: "prison", level: null, core: "tarn" }],
    ["Camp Delmar", { kind: "camp", level: null, core: "delmar" }],
    ["Orlu's central prison", { kind: "prison", level: null, core: "orlu" }],
    ["the Upper Tarn high-security penitentiary", { kind: "prison", level: "maximum", core: "upper tarn" }],
  ];
  for (const [name, expected] of table) assert.deepEqual(facilityNameParts(name), expected, name);
  for (const name of ["Central Prison", "the district jail", "Tarn market"]) assert.equal(facilityNameParts(name), null, name);
});

test("sameFacilityName: one facility named two ways", () => {
  const table: Array<[string, string]> = [
    ["Suleja Correctional Centre", "Suleja Medium Security Custodial Centre"],
    ["Kamba District Jail", "Kamba Central Jail"],
    ["Tarn prison", "Tarn Maximum Security Prison"],
    ["Camp Delmar", "Delmar camp"],
    ["Orlu's central prison", "Orlu Central Prison"],
  ];
  for (const [a, b] of table) assert.equal(sameFacilityName(named(a), named(b)), true, `${a} / ${b}`);
});

test("sameFacilityName: negative table", () => {
  const table: Array<[string, string, string]> = [
    ["two security levels", "Ralo Maximum Security Prison", "Ralo Medium Security Prison"],
    ["a camp is not a prison", "Tarn prison", "Tarn camp"],
    ["police cells are not a prison", "Tarn prison", "Tarn police station"],
    ["other own words", "Tarn prison", "Upper Tarn prison"],
    ["a women's prison beside the men's", "Tarn Women's Prison", "Tarn prison"],
    ["no own words", "Central Prison", "Central Jail"],
  ];
  for (const [why, a, b] of table) assert.equal(sameFacilityName(named(a), named(b)), false, why);
});

test("matchSites: one facility named two ways only where the reports' places agree", () => {
  const a = { facility: named("Tarn Central Jail", HASAKAH), place: HASAKAH };
  const table: Array<[string, FacilityRef["place"], number | null]> = [
    ["a town in the province", HASAKAH_PROVINCE, SITE_MATCH.facility],
    ["nothing known of the other's place", null, SITE_MATCH.facility],
    ["two towns", SHADDADI, null],
  ];
  for (const [why, place, expected] of table) assert.equal(matchSites(a, { facility: named("Tarn District Jail", place), place }), expected, why);
});

test("distinctFacilityNames: names that say they are two facilities of one town", () => {
  const table: Array<[string, string, string, boolean]> = [
    ["two security levels", "Ralo Maximum Security Prison", "Ralo Medium Security Prison", true],
    ["a women's prison and the town's prison", "Ralo Women's Prison", "Ralo Central Prison", true],
    ["a juvenile prison and the town's jail", "Ralo Juvenile Prison", "Ralo jail", true],
    ["a military prison and the town's", "Ralo Military Prison", "Ralo prison", true],
    ["both women's prisons, told two ways", "Ralo Women's Prison", "Ralo Womens Central Prison", false],
    ["a designation word only", "Ralo District Jail", "Ralo Central Jail", false],
    ["one level stated", "Ralo prison", "Ralo Maximum Security Prison", false],
    ["a name that is not a facility's", "Ralo market", "Ralo Women's Prison", false],
  ];
  for (const [why, a, b, expected] of table) assert.equal(distinctFacilityNames(named(a), named(b)), expected, why);
});

test("matchSites: two facilities of one town that their names keep apart contradict", () => {
  const site = (name: string) => ({ facility: named(name, HASAKAH), place: HASAKAH });
  assert.equal(matchSites(site("Hasakah Maximum Security Prison"), site("Hasakah Medium Security Prison")), null);
  assert.equal(matchSites(site("Hasakah Women's Prison"), site("Hasakah prison")), null);
  assert.equal(matchSites(site("Hasakah District Jail"), site("Hasakah Central Jail")), SITE_MATCH.facility);
  assert.equal(matchSites(site("Hasakah Women's Prison"), { facility: null, place: HASAKAH }), SITE_MATCH.town, "a report naming only the town still joins");
});
