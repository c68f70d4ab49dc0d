// Random blocks of reports for the property tests of incident merging: a few documents published
// within weeks of each other, each with mentions of escapes, recaptures and attacks at sites of
// one province, dated by the text, by extraction's default window, or not at all, some negated,
// with figures, so that tolerance, follow-ups, one facility told two ways and derived figures
// all come into play.
import fc from "fast-check";
import type { Day } from "../../model/doc.ts";
import type { FacilityRef, IncidentMention } from "../../model/incident.ts";
import { addDays } from "../days.ts";
import { CITY_JAIL, GHWAYRAN, HASAKAH, HASAKAH_PROVINCE, claim, count, mention } from "./fixtures.ts";

/** Ghwayran prison as a report might name it when the gazetteer does not know the alias. */
export const GHWAYRAN_CENTRAL: FacilityRef = { id: "ghwayran-central-prison", name: "Ghwayran Central Prison", kind: "prison", place: null };

const SITES = [
  { facility: GHWAYRAN, place: HASAKAH },
  { facility: GHWAYRAN_CENTRAL, place: HASAKAH_PROVINCE },
  { facility: CITY_JAIL, place: HASAKAH },
  { facility: null, place: HASAKAH },
  { facility: null, place: HASAKAH_PROVINCE },
];
const DOCUMENTS = ["d0", "d1", "d2", "d3", "d4", "d5", "d6", "d7"];
const FIRST_DAY = "2022-01-01";

export interface Scenario {
  published: Map<string, Day | null>;
  mentions: IncidentMention[];
}

const arbitraryPublished = fc.tuple(...DOCUMENTS.map(() => fc.option(fc.integer({ min: 0, max: 40 }), { nil: null, freq: 8 })));

function arbitraryMention(published: Array<number | null>): fc.Arbitrary<IncidentMention> {
  return fc
    .record({
      doc: fc.integer({ min: 0, max: DOCUMENTS.length - 1 }),
      type: fc.constantFrom("escape" as const, "escape" as const, "recapture" as const, "recapture" as const, "attack" as const),
      site: fc.constantFrom(...SITES),
      dating: fc.constantFrom("text", "text", "default", "lookback"),
      offset: fc.integer({ min: -3, max: 35 }),
      width: fc.constantFrom(0, 0, 0, 1, 2, 30),
      negated: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      figure: fc.integer({ min: 5, max: 120 }),
      start: fc.integer({ min: 0, max: 5000 }),
    })
    .map(({ doc, type, site, dating, offset, width, negated, figure, start }): IncidentMention => {
      const id = DOCUMENTS[doc];
      const day = published[doc];
      const quantity = type === "escape" ? "escaped" : type === "recapture" ? "recaptured" : "killed";
      const base = { type, ...site, modality: negated ? ("negated" as const) : ("occurred" as const), counts: [count(quantity, claim(id, figure, figure, null))], trigger: { start, end: start + 5, rule: "trigger.test" } };
      if (dating === "lookback" || (dating === "default" && day === null)) return mention(id, { ...base, date: null });
      if (dating === "default") return mention(id, { ...base, date: { earliest: addDays(FIRST_DAY, day! - 2), latest: addDays(FIRST_DAY, day!) }, evidence: [] });
      return mention(id, { ...base, date: { earliest: addDays(FIRST_DAY, offset), latest: addDays(FIRST_DAY, offset + width) } });
    });
}

/** A block's worth of documents and mentions (mention ids unique, as the store keys them). */
export const scenarios: fc.Arbitrary<Scenario> = arbitraryPublished.chain((days) =>
  fc.uniqueArray(arbitraryMention(days), { minLength: 1, maxLength: 28, selector: (m) => m.id }).map((mentions) => ({
    published: new Map(DOCUMENTS.map((d, i) => [d, days[i] === null ? null : addDays(FIRST_DAY, days[i]!)])),
    mentions,
  })),
);
