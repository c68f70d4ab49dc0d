// What incident merging reads from a mention, computed once: its rank in the canonical order of
// its block, how its date window was obtained, that window as day numbers, its site and the
// ranges of its figures. Placement decisions look at nothing else.
import type { Day } from "../model/doc.ts";
import type { IncidentMention, IncidentType } from "../model/incident.ts";
import { UNDATED_LOOKBACK_DAYS } from "./constants.ts";
import { dayNumber, dayRangeOf, type DayRange } from "./days.ts";
import type { Located } from "./places.ts";

/** Documents with no publication day rank after every dated one. */
export const UNPUBLISHED_DAY = "9999-99-99";

/**
 * A mention's place in the canonical order of its block: publication day, document id, trigger
 * offset, mention id. Merging depends only on this order, never on the order of ingestion.
 * All mentions of one document are adjacent in it.
 */
export interface Rank {
  day: Day;
  document: string;
  start: number;
  mention: string;
}

/**
 * How the window a mention is matched by was obtained, most trusted first: `text`, the report
 * dates the event; `default`, extraction's window before publication (the report does not say
 * when); `lookback`, no date at all, so the UNDATED_LOOKBACK_DAYS before publication, for matching
 * only; `none`, no window at all (no date and no publication day).
 */
export type Dating = "text" | "default" | "lookback" | "none";

/** Distinct [low, high] ranges a mention's claims give, per count ("escaped|" -> [[30, 30]]). */
export type ClaimRanges = Record<string, Array<[number, number | null]>>;

export interface MentionFacts {
  rank: Rank;
  mention: IncidentMention;
  type: IncidentType;
  negated: boolean;
  dating: Dating;
  window: DayRange | null;
  /** Publication day number, null when the document has none. */
  published: number | null;
  site: Located;
  ranges: ClaimRanges;
}

/** Code-unit order, the same on every machine (localeCompare is not). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareRanks(a: Rank, b: Rank): number {
  return compareText(a.day, b.day) || compareText(a.document, b.document) || a.start - b.start || compareText(a.mention, b.mention);
}

export function rankOf(mention: IncidentMention, published: Day | null): Rank {
  return { day: published ?? UNPUBLISHED_DAY, document: mention.document, start: mention.trigger.start, mention: mention.id };
}

/** True when the report's own words date the event (extraction records the date's evidence). */
export function datedByText(mention: IncidentMention): boolean {
  return mention.date !== null && mention.evidence.some((e) => e.kind === "date");
}

function matchingWindow(mention: IncidentMention, published: Day | null): { dating: Dating; window: DayRange | null } {
  if (mention.date) return { dating: datedByText(mention) ? "text" : "default", window: dayRangeOf(mention.date) };
  if (!published) return { dating: "none", window: null };
  const end = dayNumber(published);
  return { dating: "lookback", window: { start: end - UNDATED_LOOKBACK_DAYS, end } };
}

export function rangeKey(quantity: string, group: string | null): string {
  return `${quantity}|${group ?? ""}`;
}

function claimRanges(mention: IncidentMention): ClaimRanges {
  const ranges: ClaimRanges = {};
  for (const count of mention.counts) {
    const list = (ranges[rangeKey(count.quantity, count.group)] ??= []);
    for (const claim of count.claims) {
      if (!list.some(([low, high]) => low === claim.low && high === claim.high)) list.push([claim.low, claim.high]);
    }
  }
  return ranges;
}

export function factsOf(mention: IncidentMention, published: Day | null): MentionFacts {
  return {
    rank: rankOf(mention, published),
    mention,
    type: mention.type,
    negated: mention.modality === "negated",
    ...matchingWindow(mention, published),
    published: published ? dayNumber(published) : null,
    site: { facility: mention.facility, place: mention.place },
    ranges: claimRanges(mention),
  };
}

/** Facts in canonical order. */
export function inRankOrder(facts: MentionFacts[]): MentionFacts[] {
  return [...facts].sort((a, b) => compareRanks(a.rank, b.rank));
}
