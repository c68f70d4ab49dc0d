import { test } from "node:test";
import assert from "node:assert/strict";
import { blockKeyOf } from "./blocking.ts";
import { GHWAYRAN, HASAKAH, HASAKAH_PROVINCE, IRAQ, mention, town } from "./testing/fixtures.ts";

test("blockKeyOf: table of mentions -> block", () => {
  const table: Array<[string, Parameters<typeof mention>[1], string]> = [
    ["facility with its place", { facility: GHWAYRAN, place: HASAKAH }, "escape+recapture|SY|hasakah"],
    ["place only, same town", { facility: null, place: HASAKAH }, "escape+recapture|SY|hasakah"],
    ["province only", { facility: null, place: HASAKAH_PROVINCE }, "escape+recapture|SY|hasakah"],
    ["recapture shares the escape family", { type: "recapture" }, "escape+recapture|SY|hasakah"],
    ["other types keep their own block", { type: "attack" }, "attack|SY|hasakah"],
    ["country only", { type: "alert", facility: null, place: IRAQ }, "alert|IQ|*"],
    ["town without admin1", { facility: null, place: town("Tal Khadra", null, "IQ") }, "escape+recapture|IQ|name:tal khadra"],
    ["nothing known", { facility: null, place: null }, "escape+recapture|??|*"],
  ];
  for (const [why, overrides, expected] of table) assert.equal(blockKeyOf(mention("d1", overrides)), expected, why);
});

test("blockKeyOf: the facility's own place wins over the text's place", () => {
  assert.equal(blockKeyOf(mention("d1", { facility: GHWAYRAN, place: IRAQ })), "escape+recapture|SY|hasakah");
});
