import { test } from "node:test";
import assert from "node:assert/strict";
import type { Count, Incident } from "../model/incident.ts";
import { atLarge, deriveAtLarge, escapeOfRecapture, movementOf, sumEstimates, type Estimate } from "./derived.ts";
import { CITY_JAIL, GHWAYRAN, HASAKAH, day } from "./testing/fixtures.ts";

const e = (low: number, best: number, high: number | null): Estimate => ({ low, best, high });

test("atLarge: interval arithmetic table", () => {
  const table: Array<[string, Estimate, Estimate, Estimate]> = [
    ["exact minus exact", e(37, 37, 37), e(18, 18, 18), e(19, 19, 19)],
    ["range minus exact", e(100, 115, 130), e(81, 81, 81), e(19, 34, 49)],
    ["never below zero", e(37, 37, 37), e(40, 40, 40), e(0, 0, 0)],
    ["overlapping ranges floor at zero", e(20, 30, 40), e(25, 30, 35), e(0, 0, 15)],
    ["open escaped stays open", e(750, 750, null), e(100, 100, 100), e(650, 650, null)],
    ["open recaptured: low drops to zero", e(750, 800, 1000), e(100, 100, null), e(0, 700, 900)],
  ];
  for (const [why, escaped, recaptured, expected] of table) assert.deepEqual(atLarge(escaped, recaptured), expected, why);
});

test("sumEstimates: several recaptures add up; one open makes the sum open", () => {
  assert.deepEqual(sumEstimates([e(18, 18, 18), e(5, 6, 8)]), e(23, 24, 26));
  assert.deepEqual(sumEstimates([e(18, 18, 18), e(5, 5, null)]), e(23, 23, null));
});

function incident(id: string, type: Incident["type"], date: string, counts: Array<[Count["quantity"], number]>, facility = GHWAYRAN): Incident {
  return {
    id, type, status: "occurred", unconfirmed: false, facility, place: HASAKAH, destination: null, date: day(date), actors: [],
    counts: counts.map(([quantity, n]) => ({ quantity, group: null, claims: [], low: n, best: n, high: n })),
    documents: [], mentions: [],
  };
}

test("escapeOfRecapture: same site, within the window, nearest preceding escape", () => {
  const early = incident("e1", "escape", "2022-01-20", [["escaped", 50]]);
  const later = incident("e2", "escape", "2022-02-01", [["escaped", 10]]);
  const table: Array<[string, Incident, Incident | null]> = [
    ["days after the first escape", incident("r", "recapture", "2022-01-25", [["recaptured", 5]]), early],
    ["after both: the nearer one", incident("r", "recapture", "2022-02-03", [["recaptured", 5]]), later],
    ["two months later: none", incident("r", "recapture", "2022-04-15", [["recaptured", 5]]), null],
    ["before any escape: none", incident("r", "recapture", "2022-01-10", [["recaptured", 5]]), null],
    ["another facility: none", incident("r", "recapture", "2022-01-25", [["recaptured", 5]], CITY_JAIL), null],
  ];
  const escapes = [early, later].map((i) => movementOf(i)!);
  for (const [why, recapture, expected] of table) assert.equal(escapeOfRecapture(movementOf(recapture)!, escapes)?.id ?? null, expected?.id ?? null, why);
});

test("deriveAtLarge: added, derived, without claims, naming its inputs", () => {
  const out = deriveAtLarge([
    incident("e1", "escape", "2022-01-20", [["escaped", 37]]),
    incident("r1", "recapture", "2022-01-21", [["recaptured", 18]]),
    incident("r2", "recapture", "2022-01-30", [["recaptured", 4]]),
  ]);
  const atLarge = out[0].counts.find((c) => c.quantity === "at_large");
  assert.deepEqual(atLarge, { quantity: "at_large", group: null, claims: [], low: 15, best: 15, high: 15, derived: true, derivedFrom: ["e1", "r1", "r2"] });
});

test("deriveAtLarge: a source's own at_large figure is kept, nothing derived", () => {
  const out = deriveAtLarge([
    incident("e1", "escape", "2022-01-20", [["escaped", 37], ["at_large", 25]]),
    incident("r1", "recapture", "2022-01-21", [["recaptured", 18]]),
  ]);
  assert.deepEqual(out[0].counts.filter((c) => c.quantity === "at_large").map((c) => [c.best, c.derived]), [[25, undefined]]);
});

test("deriveAtLarge: no recapture attached, nothing derived", () => {
  const out = deriveAtLarge([incident("e1", "escape", "2022-01-20", [["escaped", 37]])]);
  assert.equal(out[0].counts.length, 1);
});
