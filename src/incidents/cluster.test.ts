import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import type { IncidentMention } from "../model/incident.ts";
import { buildIncidents } from "./build.ts";
import { addDays } from "./days.ts";
import { CITY_JAIL, GHWAYRAN, HASAKAH, HASAKAH_PROVINCE, inBlocks, mention, publishedDays } from "./testing/fixtures.ts";

const SITES = [
  { facility: GHWAYRAN, place: HASAKAH },
  { facility: CITY_JAIL, place: HASAKAH },
  { facility: null, place: HASAKAH },
  { facility: null, place: HASAKAH_PROVINCE },
];
const DOCUMENTS = ["d0", "d1", "d2", "d3", "d4", "d5"];
const PUBLISHED = publishedDays(Object.fromEntries(DOCUMENTS.map((d, i) => [d, addDays("2022-01-01", 40 * i)])));

const arbitraryMention = fc
  .record({
    doc: fc.constantFrom(...DOCUMENTS),
    type: fc.constantFrom("escape" as const, "recapture" as const, "attack" as const),
    site: fc.constantFrom(...SITES),
    offset: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
    width: fc.integer({ min: 0, max: 5 }),
    start: fc.integer({ min: 0, max: 5000 }),
  })
  .map(({ doc, type, site, offset, width, start }): IncidentMention =>
    mention(doc, {
      type,
      ...site,
      date: offset === null ? null : { earliest: addDays("2022-01-01", offset), latest: addDays("2022-01-01", offset + width) },
      trigger: { start, end: start + 5, rule: "trigger.test" },
    }),
  );

/** Distinct mention ids (the store keys mentions by id). */
const mentionSets = fc.uniqueArray(arbitraryMention, { maxLength: 30, selector: (m) => m.id });

function shape(mentions: IncidentMention[]): string[] {
  return buildIncidents(inBlocks(mentions), PUBLISHED).map((i) => `${i.id}:${[...i.mentions].sort().join(",")}`).sort();
}

test("property: clustering does not depend on input order", () => {
  fc.assert(
    fc.property(mentionSets, fc.integer(), (mentions, seed) => {
      const shuffled = [...mentions].sort((a, b) => ((a.id.length * 31 + seed) % 7) - ((b.id.length * 17 + seed) % 7) || (seed % 2 ? a.id.localeCompare(b.id) : b.id.localeCompare(a.id)));
      assert.deepEqual(shape(shuffled), shape(mentions));
    }),
    { numRuns: 200 },
  );
});

test("property: every kept mention lands in exactly one incident, never two from one document", () => {
  fc.assert(
    fc.property(mentionSets, (mentions) => {
      const incidents = buildIncidents(inBlocks(mentions), PUBLISHED);
      const placed = incidents.flatMap((i) => i.mentions).sort();
      assert.deepEqual(placed, mentions.map((m) => m.id).sort());
      for (const i of incidents) {
        const docs = i.mentions.map((id) => mentions.find((m) => m.id === id)!.document);
        assert.equal(new Set(docs).size, docs.length);
      }
    }),
    { numRuns: 200 },
  );
});
