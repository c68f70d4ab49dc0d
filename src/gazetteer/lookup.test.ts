import { test } from "node:test";
import assert from "node:assert/strict";
import { admin1Name, countryName, facilityById, findFacility, findPlace, placeById } from "./lookup.ts";

test("findFacility resolves aliases and transliterations", () => {
  const table: Array<[string, string | null]> = [
    ["Gweiran", "ghwayran-prison"], ["al-Sina'a prison", "ghwayran-prison"], ["Hassakeh prison", "ghwayran-prison"],
    ["al-Hawl camp", "al-hol-camp"], ["Shadadi prison", "shaddadi-prison"], ["Kuje", "kuje-prison"],
    ["Camp Bucca", "camp-bucca"], ["al-Hoot", "nasiriyah-prison"], ["Saydnaya prison", "sednaya-prison"],
    ["Nowhere prison", null],
  ];
  for (const [name, id] of table) assert.equal(findFacility(name)?.id ?? null, id, name);
});

test("findPlace prefers curated entries, then the hinted country, then a focus country", () => {
  assert.equal(findPlace("Sere Kaniye")?.id, "ras-al-ayn");
  assert.equal(findPlace("Baqouba")?.id, "baqubah");
  assert.equal(findPlace("Syria")?.id, "country:SY");
  // Beni is in Bolivia and DR Congo; only DR Congo is a focus country.
  assert.equal(findPlace("Beni")?.country, "CD");
  assert.equal(findPlace("Beni", "BO")?.country, "BO");
  assert.equal(findPlace("Beni", "CD")?.country, "CD");
  assert.equal(findPlace("Maiduguri")?.country, "NG");
});

test("ids round-trip", () => {
  assert.equal(placeById("hasakah")?.name, "Hasakah");
  assert.equal(placeById("country:IQ")?.name, "Iraq");
  const butembo = findPlace("Butembo")!;
  assert.deepEqual(placeById(butembo.id!), butembo);
  assert.equal(facilityById("ghwayran-prison")?.place?.name, "Hasakah");
  assert.equal(facilityById("nope"), null);
});

test("countryName and admin1Name", () => {
  assert.equal(countryName("SY"), "Syria");
  assert.equal(countryName("ng"), "Nigeria");
  assert.equal(admin1Name("SY", "01"), "Al-Hasakah");
  assert.equal(admin1Name("XX", "01"), null);
});
