import { test } from "node:test";
import assert from "node:assert/strict";
import { borderOf, kilometresToBorder, segmentKilometres } from "./borders.ts";
import { kilometres } from "./geo.ts";

test("segmentKilometres: the perpendicular foot inside a segment, else its nearer end", () => {
  const equator = { lat1: 0, lon1: 10, lat2: 0, lon2: 12 };
  const table: Array<[string, number, number, number]> = [
    ["one degree north of its middle", 1, 11, 111.19],
    ["one degree south of its middle", -1, 11, 111.19],
    ["beyond its western end: the distance to that end", 0, 9, 111.19],
    ["on it", 0, 10.5, 0],
  ];
  for (const [label, lat, lon, km] of table) assert.ok(Math.abs(segmentKilometres(lat, lon, equator) - km) < 0.5, `${label}: ${segmentKilometres(lat, lon, equator)}`);
  // Across the antimeridian the short way round counts.
  assert.ok(Math.abs(segmentKilometres(0, 179.5, { lat1: -1, lon1: -179.5, lat2: 1, lon2: -179.5 }) - 111.19) < 0.5);
});

test("segmentKilometres stays within 1 % of the great circle at 10-500 km", () => {
  const meridian = { lat1: 30, lon1: 45, lat2: 40, lon2: 45 };
  for (const [lat, lon] of [[35, 45.2], [35, 46], [35, 48], [35, 50.4], [60, 47]]) {
    const nearest = Math.min(Math.max(lat, 30), 40);
    const exact = kilometres(lat, lon, nearest, 45);
    assert.ok(Math.abs(segmentKilometres(lat, lon, meridian) - exact) <= exact * 0.01, `${lat},${lon}: ${segmentKilometres(lat, lon, meridian)} vs ${exact}`);
  }
});

/** [place, lat, lon, low km, high km]: distances to Iraq's land border, read off a map. */
const FROM_IRAQS_BORDER: Array<[string, number, number, number, number]> = [
  ["al-Hol camp, Syria (about 13 km)", 36.378, 41.146, 5, 25],
  ["al-Qaim, on the Syrian border", 34.37, 41.09, 0, 25],
  ["Zakho, by the Turkish border", 37.144, 42.682, 0, 20],
  ["Basra, west of the Iranian border", 30.508, 47.78, 10, 40],
  ["Sulaymaniyah, toward Iran", 35.56, 45.43, 25, 60],
  ["Baghdad", 33.315, 44.366, 100, 140],
  ["Ramadi (about 200 km)", 33.426, 43.299, 170, 240],
  ["Amman, Jordan (about 290 km)", 31.95, 35.93, 250, 330],
  ["Riyadh, Saudi Arabia", 24.71, 46.67, 420, 560],
];

test("kilometresToBorder: places of known distance from Iraq's land border", () => {
  const iraq = borderOf("iq");
  assert.ok(iraq && iraq.segments > 100);
  for (const [place, lat, lon, low, high] of FROM_IRAQS_BORDER) {
    const km = kilometresToBorder(iraq, lat, lon, 1000);
    assert.ok(km !== null && km >= low && km <= high, `${place}: ${km}`);
    // Beyond the limit is no answer at all, so a rule's check stops at its radius.
    if (km > 1) assert.equal(kilometresToBorder(iraq, lat, lon, km - 1), null, place);
  }
});

test("escapes within 100 km of Iraq's border: a town 13 km away is in, one 200 km away is not", () => {
  const iraq = borderOf("IQ")!;
  assert.notEqual(kilometresToBorder(iraq, 36.378, 41.146, 100), null, "al-Hol");
  assert.equal(kilometresToBorder(iraq, 33.426, 43.299, 100), null, "Ramadi");
});

test("coasts are no land border; unknown codes and island states have none", () => {
  assert.equal(borderOf("AU"), null, "Australia: coast only");
  assert.equal(borderOf("ZZ"), null);
  const spain = borderOf("ES")!;
  // Valencia is on the coast, over 250 km from France, Portugal or Andorra.
  assert.equal(kilometresToBorder(spain, 39.47, -0.376, 200), null);
  // Irun sits on the French border.
  assert.notEqual(kilometresToBorder(spain, 43.338, -1.789, 10), null);
  assert.ok((borderOf("XK")?.segments ?? 0) > 0, "Kosovo, numbered by name only in the boundaries");
});
