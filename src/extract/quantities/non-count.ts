// Decides when a figure is not a head-count: years, times, money, percentages, ages, durations,
// distances, ordinals, identifiers ("No. 5", "COVID-19"), phone-like strings, "one of".
import { NON_COUNT_CONTEXTS, ONE_ONLY_CONTEXTS } from "./lexicon.ts";

/** How much text on each side the context patterns may look at. */
export const CONTEXT_WINDOW = 40;
/** Bare four-digit figures in this range are read as years unless a count modifier precedes them. */
export const YEAR_RANGE = { min: 1900, max: 2099 } as const;

const BEFORE = NON_COUNT_CONTEXTS.filter((c) => c.side === "before");
const AFTER = NON_COUNT_CONTEXTS.filter((c) => c.side === "after");
const OF_PREFIX = /^\s+of\b/i;
const LINE_START = /(?:^|\n)[ \t]*$/;
const LINE_END = /^[ \t]*(?:\n|$)/;
const ABBREVIATION_AFTER = /^\.[a-z]/i; // "a.m.", "a.k.a."
/** "Danelo Rocha, 34, began his escape": a figure between commas right after a name is an age. */
const NAME_BEFORE_COMMA = /\p{Lu}\p{Ll}+,[ \t]*$/u;
const COMMA_AFTER = /^,/;

export interface FigureContext {
  text: string;
  /** Bounds of the searchable scope (offsets into `text`). */
  floor: number;
  ceiling: number;
  start: number;
  end: number;
  /** The figure is the word "one" (pronoun uses like "one of", "no one" apply). */
  isOne?: boolean;
  /** The figure is a vague word ("hundreds", "several"): also look past "of" ("hundreds of years"). */
  vague?: boolean;
}

/** Returns the id of the non-count context the figure sits in, or null when it may be a count. */
export function nonCountContext(c: FigureContext): string | null {
  const before = c.text.slice(Math.max(c.floor, c.start - CONTEXT_WINDOW), c.start);
  const after = c.text.slice(c.end, Math.min(c.ceiling, c.end + CONTEXT_WINDOW));
  if (ABBREVIATION_AFTER.test(after)) return "abbreviation";
  // The patterns anchored at the figure's start are tested first: they fail at once, those that
  // end at it ("$") are tried at every position of the 40 characters before.
  if (!c.vague && COMMA_AFTER.test(after) && NAME_BEFORE_COMMA.test(before)) return "age-apposition";
  // a figure alone on its line is page furniture (a comment counter, a page number)
  const onOwnLine = LINE_END.test(after) && LINE_START.test(before);
  if (onOwnLine && (before.includes("\n") || after.includes("\n"))) return "standalone";
  const applies = (id: string) => c.isOne || !ONE_ONLY_CONTEXTS.has(id);
  for (const ctx of BEFORE) if (applies(ctx.id) && ctx.pattern.test(before)) return ctx.id;
  const afters = c.vague && OF_PREFIX.test(after) ? [after, after.replace(OF_PREFIX, "")] : [after];
  for (const ctx of AFTER) {
    if (!applies(ctx.id)) continue;
    if (afters.some((a) => ctx.pattern.test(a))) return ctx.id;
  }
  return null;
}

/** True for a bare token like "2014" that reads as a year. */
export function looksLikeYear(token: string): boolean {
  if (!/^\d{4}$/.test(token)) return false;
  const n = Number(token);
  return n >= YEAR_RANGE.min && n <= YEAR_RANGE.max;
}
