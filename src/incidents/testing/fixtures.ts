// Hand-made mentions for the incident tests: places, facilities and claims written for these
// tests (figures and quotes are invented), with small builders so each test states only what
// it is about.
import { createHash } from "node:crypto";
import type { DateWindow, Day, Doc } from "../../model/doc.ts";
import type { Claim, CountClaims, FacilityRef, IncidentMention, PlaceRef, QuantityName } from "../../model/incident.ts";
import type { FacilityHolding, StoredMention } from "../../store/store.ts";
import { blockKeyOf } from "../blocking.ts";

export function town(name: string, admin1: string | null, country: string, id?: string): PlaceRef {
  return { ...(id ? { id } : {}), name, admin1, country, lat: null, lon: null, precision: "town" };
}

export const HASAKAH = town("Hasakah", "Hasakah", "SY", "sy-hasakah");
export const SHADDADI = town("al-Shaddadi", "Hasakah", "SY", "sy-shaddadi");
export const HOL = town("al-Hol", "Hasakah", "SY", "sy-hol");
export const HASAKAH_PROVINCE: PlaceRef = { name: "Hasakah", admin1: "Hasakah", country: "SY", lat: null, lon: null, precision: "admin1" };
export const IRAQ: PlaceRef = { name: "Iraq", admin1: null, country: "IQ", lat: null, lon: null, precision: "country" };

export const GHWAYRAN: FacilityRef = { id: "ghwayran-prison", name: "Ghwayran prison", kind: "prison", place: HASAKAH };
/** A second facility in Ghwayran's town, with a name of its own. */
export const CITY_JAIL: FacilityRef = { id: "nashwa-jail", name: "Nashwa jail", kind: "jail", place: HASAKAH };
export const SHADDADI_PRISON: FacilityRef = { id: "shaddadi-prison", name: "al-Shaddadi prison", kind: "prison", place: SHADDADI };
export const HOL_CAMP: FacilityRef = { id: "al-hol-camp", name: "al-Hol camp", kind: "camp", place: HOL };

export function day(d: Day): DateWindow {
  return { earliest: d, latest: d };
}

/** A claim with invented quote and offsets. */
export function claim(document: string, low: number, high: number | null, source: string | null, start = 100): Claim {
  return { low, high, source, document, quote: `${source ?? "reports"} gave ${low}${high === null ? "+" : high === low ? "" : `-${high}`}`, start, end: start + 20, rule: "quantity.test" };
}

export function count(quantity: QuantityName, ...claims: Claim[]): CountClaims {
  return { quantity, group: null, claims };
}

let serial = 0;

/**
 * An occurred escape at Ghwayran on 2022-01-20 unless overridden; ids are unique per call. A
 * given date is dated by the report's text (it has date evidence) unless `evidence` is given:
 * see `undatedByText` for a report whose window is only the days before publication.
 */
export function mention(document: string, overrides: Partial<IncidentMention> = {}): IncidentMention {
  const start = overrides.trigger?.start ?? 10 * ++serial;
  const date = overrides.date === undefined ? day("2022-01-20") : overrides.date;
  return {
    id: `${document}#${overrides.type ?? "escape"}@${start}`,
    document,
    type: "escape",
    modality: "occurred",
    unconfirmed: false,
    facility: GHWAYRAN,
    place: HASAKAH,
    destination: null,
    date,
    actors: [],
    counts: [],
    trigger: { start, end: start + 7, rule: "trigger.test" },
    evidence: date ? [{ kind: "date", start: start + 8, end: start + 16, rule: "date.test" }] : [],
    ...overrides,
  };
}

/** A mention whose window is extraction's default before publication: the text does not date it. */
export function undatedByText(document: string, window: DateWindow, overrides: Partial<IncidentMention> = {}): IncidentMention {
  return mention(document, { date: window, evidence: [], ...overrides });
}

/** Mentions with their real blocking keys, as the store hands them back. */
export function inBlocks(mentions: IncidentMention[]): StoredMention[] {
  return mentions.map((m) => ({ mention: m, block: blockKeyOf(m) }));
}

export function publishedDays(entries: Record<string, Day | null>): Map<string, Day | null> {
  return new Map(Object.entries(entries));
}

/** Every ordering of a short list (for order-independence tests). */
export function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/** A cleaned document for store-backed tests; its text is a placeholder sentence. */
export function doc(id: string, published: Day | null): Doc {
  const text = `Placeholder report ${id} about a detention facility, written for the incident tests.`;
  return {
    id,
    contentHash: createHash("sha256").update(text).digest("hex"),
    url: null,
    title: `Report ${id}`,
    published,
    publishedOrigin: published ? "metadata" : null,
    text,
    segments: [{ start: 0, end: text.length, relevant: true, reason: "test fixture" }],
    annotations: [],
  };
}

export function holding(document: string, facility: FacilityRef, holder: string, since: Day | null): FacilityHolding {
  return { facility, holder, since: since ? day(since) : null, document, start: 0, end: 12, rule: "holding.test" };
}
