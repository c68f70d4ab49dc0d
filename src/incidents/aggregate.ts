// What an incident looks like to a new mention: its type, where it happened (every distinct site
// its reports name), when (its date windows summarised as two numbers) and the figures it holds.
// Placing a mention reads this summary instead of every member, so the cost of placing one
// report does not grow with the number of reports an event already has.
//
// Every field is a join (max, min, union) over the members, in canonical order: adding a member
// whose facts the summary already covers leaves it unchanged, and the summary of any set of
// members is the same whatever order they were reported in.
import type { IncidentType } from "../model/incident.ts";
import type { DayRange } from "./days.ts";
import { compareRanks, type ClaimRanges, type MentionFacts, type Rank } from "./facts.ts";
import type { Located } from "./places.ts";

/**
 * Windows summarised for complete linkage: the latest start and the earliest end of all of them.
 * Every two windows are at most `maxStart - minEnd` days apart, so an incident whose span stays
 * within the tolerance has no two reports further apart than that: it cannot grow by chaining.
 */
export interface Span {
  maxStart: number;
  minEnd: number;
}

/** The incident's windows by how they were obtained (facts.ts `Dating`), most trusted first. */
export const SPANS = ["firm", "soft", "guess"] as const;
export type SpanKind = (typeof SPANS)[number];

/**
 * How a member joined: `firm`, `soft`, `guess`, its window binds that span (text-dated, default,
 * lookback); `agrees`, its window fits a more trusted span and changes nothing; `follow-up`, it
 * reports later on an earlier event at the same site; `undated`, it has no window at all.
 */
export type Role = SpanKind | "agrees" | "follow-up" | "undated";

export interface IncidentAggregate {
  type: IncidentType;
  /** The earliest member in canonical order: its mention id is the incident's id. */
  first: Rank;
  /** Text-dated windows. */
  firm: Span | null;
  /** Extraction's default windows, while no member dates the event. */
  soft: Span | null;
  /** Lookback windows of reports with no date at all: for matching, never for the incident's date. */
  guess: Span | null;
  /** Distinct sites, in the order first named. */
  sites: Located[];
  ranges: ClaimRanges;
}

/** Days the span's windows miss each other by; zero or less when they share a day. */
export function spread(span: Span): number {
  return span.maxStart - span.minEnd;
}

export function widen(span: Span | null, window: DayRange): Span {
  return span ? { maxStart: Math.max(span.maxStart, window.start), minEnd: Math.min(span.minEnd, window.end) } : { maxStart: window.start, minEnd: window.end };
}

/**
 * The days a span stands for: those every window shares, else the days between the latest
 * start and the earliest end, which touch every window. Either way no member's window is
 * outside it by more than the tolerance, and it is never wider than the narrowest window when
 * they all share a day.
 */
export function spanDays(span: Span): DayRange {
  return span.maxStart <= span.minEnd ? { start: span.maxStart, end: span.minEnd } : { start: span.minEnd, end: span.maxStart };
}

/** The most trusted span the incident has, with its kind; null for an undated incident. */
export function boundOf(aggregate: IncidentAggregate): { kind: SpanKind; span: Span } | null {
  for (const kind of SPANS) {
    const span = aggregate[kind];
    if (span) return { kind, span };
  }
  return null;
}

/** The window new mentions are matched against: the most trusted span's days. */
export function matchDays(aggregate: IncidentAggregate): DayRange | null {
  const bound = boundOf(aggregate);
  return bound ? spanDays(bound.span) : null;
}

export function siteKey(site: Located): string {
  return JSON.stringify([site.facility, site.place]);
}

function unionRanges(a: ClaimRanges, b: ClaimRanges): ClaimRanges {
  let out = a;
  for (const [key, list] of Object.entries(b)) {
    const held = out[key] ?? [];
    const missing = list.filter(([low, high]) => !held.some(([l, h]) => l === low && h === high));
    if (missing.length === 0 && out[key]) continue;
    if (out === a) out = { ...a };
    out[key] = [...held, ...missing];
  }
  return out;
}

/** The aggregate of an incident `facts` starts. */
export function startAggregate(facts: MentionFacts, role: Role): IncidentAggregate {
  return joinAggregate({ type: facts.type, first: facts.rank, firm: null, soft: null, guess: null, sites: [], ranges: {} }, facts, role);
}

/** The aggregate after `facts` joined in `role`; the same object when nothing changed. */
export function joinAggregate(aggregate: IncidentAggregate, facts: MentionFacts, role: Role): IncidentAggregate {
  const next = { ...aggregate };
  let changed = false;
  if (compareRanks(facts.rank, aggregate.first) < 0) [next.first, changed] = [facts.rank, true];
  if (facts.window && (role === "firm" || role === "soft" || role === "guess")) {
    const span = widen(aggregate[role], facts.window);
    const held = aggregate[role];
    if (!held || held.maxStart !== span.maxStart || held.minEnd !== span.minEnd) [next[role], changed] = [span, true];
  }
  const key = siteKey(facts.site);
  if (!aggregate.sites.some((s) => siteKey(s) === key)) [next.sites, changed] = [[...aggregate.sites, facts.site], true];
  const ranges = unionRanges(aggregate.ranges, facts.ranges);
  if (ranges !== aggregate.ranges) [next.ranges, changed] = [ranges, true];
  return changed ? next : aggregate;
}
