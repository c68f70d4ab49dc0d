import { test } from "node:test";
import assert from "node:assert/strict";
import { admin1CodeOf, isTownNamed, kilometres, sameFacility } from "./geo.ts";
import { findFacility, findPlace } from "./index.ts";

test("kilometres: a degree of latitude is about 111 km", () => {
  assert.ok(Math.abs(kilometres(10, 7, 11, 7) - 111.2) < 0.5);
});

test("one admin1 code whatever the spelling of the division", () => {
  const kuje = findFacility("Kuje prison")!;
  const abuja = findPlace("Abuja")!;
  assert.ok(admin1CodeOf(kuje.place!));
  assert.equal(admin1CodeOf(kuje.place!), admin1CodeOf(abuja));
  const ghwayran = findFacility("Gweiran prison")!;
  const hasakah = findPlace("al-Hasaka")!;
  assert.equal(admin1CodeOf(ghwayran.place!), admin1CodeOf(hasakah));
  assert.notEqual(admin1CodeOf(hasakah), admin1CodeOf(findPlace("Raqqa")!));
});

test("a town-named jail is the named facility nearby, not one far away", () => {
  const kuje = findFacility("Kuje prison")!;
  const abujaJail = { id: "abuja-jail", name: "Abuja jail", kind: "jail" as const, place: findPlace("Abuja") };
  const kanoJail = { id: "kano-jail", name: "Kano jail", kind: "jail" as const, place: findPlace("Kano") };
  assert.equal(isTownNamed(abujaJail), true);
  assert.equal(isTownNamed(kuje), false);
  assert.equal(sameFacility(kuje, abujaJail, "report"), true);
  assert.equal(sameFacility(kuje, kanoJail, "report"), false);
});
