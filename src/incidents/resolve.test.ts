import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import type { Incident, IncidentMention } from "../model/incident.ts";
import { buildIncidents } from "./build.ts";
import { DATE_TOLERANCE_DAYS } from "./constants.ts";
import { addDays, dayRangeOf, rangeGap } from "./days.ts";
import { datedByText } from "./facts.ts";
import { matchSites, SITE_MATCH } from "./places.ts";
import { claim, count, day, inBlocks, mention, publishedDays } from "./testing/fixtures.ts";
import { scenarios } from "./testing/scenarios.ts";

const RUNS = 300;

function membersOf(incident: Incident, mentions: IncidentMention[]): IncidentMention[] {
  return incident.mentions.map((id) => mentions.find((m) => m.id === id)!);
}

test("property: the incidents do not depend on the order mentions are given in", () => {
  fc.assert(
    fc.property(scenarios, fc.integer(), ({ mentions, published }, seed) => {
      const shuffled = fc.sample(fc.shuffledSubarray(mentions, { minLength: mentions.length }), { seed, numRuns: 1 })[0];
      assert.deepEqual(buildIncidents(inBlocks(shuffled), published), buildIncidents(inBlocks(mentions), published));
    }),
    { numRuns: RUNS },
  );
});

test("property: every kept mention is in one incident; two of one document only at one facility", () => {
  fc.assert(
    fc.property(scenarios, ({ mentions, published }) => {
      const incidents = buildIncidents(inBlocks(mentions), published);
      const kept = mentions.filter((m) => m.modality !== "negated");
      assert.deepEqual(incidents.flatMap((i) => i.mentions).sort(), kept.map((m) => m.id).sort());
      for (const incident of incidents) {
        const members = membersOf(incident, mentions);
        for (const [i, a] of members.entries()) {
          for (const b of members.slice(i + 1)) {
            if (a.document === b.document) assert.equal(matchSites(a, b), SITE_MATCH.facility, `${a.id} and ${b.id} share a document`);
          }
        }
      }
    }),
    { numRuns: RUNS },
  );
});

test("property: no chaining; the incident's window meets every text date; no figure is dropped", () => {
  fc.assert(
    fc.property(scenarios, ({ mentions, published }) => {
      for (const incident of buildIncidents(inBlocks(mentions), published)) {
        const members = membersOf(incident, mentions);
        const dated = members.filter(datedByText).map((m) => dayRangeOf(m.date!));
        for (const [i, a] of dated.entries()) for (const b of dated.slice(i + 1)) assert.ok(rangeGap(a, b) <= DATE_TOLERANCE_DAYS, `${incident.id}: two text dates too far apart`);
        if (dated.length) for (const w of dated) assert.equal(rangeGap(w, dayRangeOf(incident.date!)), 0, `${incident.id}: a text date outside the incident's window`);
        const held = new Set(incident.counts.flatMap((c) => c.claims.map((cl) => `${cl.document}:${cl.start}:${cl.low}:${c.quantity}`)));
        for (const m of members) for (const c of m.counts) for (const cl of c.claims) assert.ok(held.has(`${cl.document}:${cl.start}:${cl.low}:${c.quantity}`), `${incident.id}: a claim of ${m.id} is missing`);
      }
    }),
    { numRuns: RUNS },
  );
});

/** `n` reports of escapes at Ghwayran, report i dated `step * i` days after the first, each published that day. */
function series(n: number, step: number): { mentions: IncidentMention[]; published: Map<string, string | null> } {
  const mentions = Array.from({ length: n }, (_, i) =>
    mention(`r${String(i).padStart(4, "0")}`, { date: day(addDays("2022-01-01", step * i)), counts: [count("escaped", claim(`r${i}`, 10 + i, 10 + i, "police"))] }),
  );
  return { mentions, published: publishedDays(Object.fromEntries(mentions.map((m) => [m.document, m.date!.earliest]))) };
}

test("no chaining: escapes two days apart stay apart however many there are", () => {
  const { mentions, published } = series(6, 2);
  const incidents = buildIncidents(inBlocks(mentions), published);
  assert.equal(incidents.length, 6);
  assert.deepEqual(incidents.map((i) => i.counts[0].best), [10, 11, 12, 13, 14, 15], "every figure kept, each with its escape");
});

test("no chaining: reports a day apart never make an incident longer than the tolerance", () => {
  const { mentions, published } = series(1000, 1);
  const incidents = buildIncidents(inBlocks(mentions), published);
  assert.ok(incidents.length >= 1000 / (DATE_TOLERANCE_DAYS + 1), `${incidents.length} incidents`);
  for (const incident of incidents) {
    const { start, end } = dayRangeOf(incident.date!);
    assert.ok(end - start <= DATE_TOLERANCE_DAYS, `${incident.id} spans ${end - start} days`);
  }
});
