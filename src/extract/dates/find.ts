// Finds every date expression in a stretch of text and resolves it to a window of days against
// the publication day. Propose, then refine:
//   1. relative phrases ("last week", "three days ago") propose windows around publication;
//   2. year-only mentions ("in 2014") propose whole-year windows (background history);
//   3. chrono proposes calendar dates and weekdays, already biased to the past by its refiners;
//   4. overlaps go to the longest match, then "since X" widens X up to publication;
//   5. windows that start on or before publication are clipped to it (a report tells the past).
// Stages 1-3 read one sentence at a time: chrono's refiners look across their whole input for
// every date they find, so a text read whole costs the square of its length.
import type { Annotation, DateWindow, Day, Span } from "../../model/doc.ts";
import { longestWins } from "../quantities/overlap.ts";
import { dayToDate, makeDay, monthWindow } from "./calendar.ts";
import { TAG, mayNameCalendarDate, pastBiasedChrono } from "./chrono-dates.ts";
import { RELATIVE_PHRASES, phraseFigure } from "./phrases.ts";
import { splitSentences } from "../sentences.ts";
import { alternativesOf, factorAlternatives, matchesOf } from "../../text/alternation.ts";
import { PatternFamily } from "../pattern-family.ts";

/** `exact`: the text names one day. `relative`: it took the publication day to resolve. */
export type DateValue = DateWindow & { exact: boolean; relative: boolean };
export type DateAnnotation = Annotation<DateValue>;

const CHRONO = pastBiasedChrono();
const WORD_BOUNDARY = "\\b";
/**
 * The relative phrases read together (pattern-family.ts): one scan with any of them finds where
 * one starts, and a sentence without any is not scanned once per phrase. The union is built from
 * the phrases themselves (flags merged, "i" added: only ever a superset). No phrase matches an
 * empty string, so leaving empty matches out changes nothing.
 */
const ANY_RELATIVE_PHRASE = unionOf(RELATIVE_PHRASES.map((p) => p.pattern));
const RELATIVE_PHRASE_FAMILY = ANY_RELATIVE_PHRASE && new PatternFamily(ANY_RELATIVE_PHRASE, RELATIVE_PHRASES.map((p) => p.pattern));
const YEAR_ONLY = /\b(in|during|throughout|since|until|by)\s+(?:(?:early|late|mid)[\s-]+)?((?:19|20)\d{2})\b(?![-/]\d|,?\s*\d)/gi;
/** The year every YEAR_ONLY match holds: most sentences have none, and this is one quick scan. */
const YEAR_DIGITS = /(?:19|20)\d\d/;
/** "the night of", "the early hours of", "the morning of": parts of a day named after them. */
const PART_OF_DAY_OF = /\bthe\s+(?:(?:early|late)\s+)?(?:night|morning|afternoon|evening|hours|early\s+hours|small\s+hours|dawn)\s+of\b/gi;
const SINCE_BEFORE = /\bsince\s+(?:(?:the\s+)?(?:early|late)\s+)?$/i;
const SINCE_LOOKBEHIND = 24;
const TRAILING_PUNCTUATION = /[\s,;:]+$/;

function annotation(rule: string, start: number, end: number, window: DateWindow, exact: boolean, relative: boolean): DateAnnotation {
  // Fields named, not spread: a spread copy costs several times more, on every date found.
  return { kind: "date", rule, start, end, value: { earliest: window.earliest, latest: window.latest, exact, relative } };
}

// Stage 1
function relativePhrases(scope: string, offset: number, published: Day): DateAnnotation[] {
  const out: DateAnnotation[] = [];
  const found = RELATIVE_PHRASE_FAMILY ? RELATIVE_PHRASE_FAMILY.matches(scope) : RELATIVE_PHRASES.map((p) => matchesOf(p.pattern, scope));
  if (!found) return out;
  RELATIVE_PHRASES.forEach((phrase, k) => {
    for (const m of found[k]) {
      const n = phraseFigure(m[1]);
      if (n === null) continue;
      const start = offset + m.index;
      out.push(annotation(phrase.id, start, start + m[0].length, phrase.window(published, n), phrase.exact, true));
    }
  });
  return out;
}

// Stage 2
function yearOnly(scope: string, offset: number, published: Day | null): DateAnnotation[] {
  const out: DateAnnotation[] = [];
  if (!YEAR_DIGITS.test(scope)) return out;
  for (const m of matchesOf(YEAR_ONLY, scope)) {
    const year = Number(m[2]);
    const window = { earliest: makeDay(year, 1, 1), latest: makeDay(year, 12, 31) };
    // the span starts at the year: "since" is widened in stage 4 like any other date
    const start = offset + m.index + m[0].length - m[2].length;
    if (m[1].toLowerCase() === "since" && !published) continue;
    out.push(annotation("date.year-only", start, start + m[2].length, window, false, false));
  }
  return out;
}

// Stage 3: "on the night of April 12" names April 12; chrono reads it as a time of some other
// day, so the part of the day is blanked out first (same length: offsets do not move).
function calendarDates(scope: string, offset: number, published: Day | null): DateAnnotation[] {
  const out: DateAnnotation[] = [];
  if (!mayNameCalendarDate(scope)) return out; // chrono would anchor nothing here
  const instant = published ? dayToDate(published) : new Date();
  const masked = scope.replace(PART_OF_DAY_OF, (m) => " ".repeat(m.length));
  for (const r of CHRONO.parse(masked, { instant, timezone: 0 }, { forwardDate: false })) {
    const s = r.start;
    const yearKnown = s.isCertain("year");
    if (!published && !yearKnown) continue; // relative to a publication day we do not have
    const tags = r.tags();
    const year = s.get("year")!;
    const month = s.get("month")!;
    let rule: string;
    let window: DateWindow;
    let exact = true;
    if (s.isCertain("day") || tags.has(TAG.weekdayPast) || tags.has(TAG.weekdayLast) || tags.has(TAG.weekdayNext)) {
      const day = makeDay(year, month, s.get("day")!);
      window = { earliest: day, latest: day };
      if (r.end?.isCertain("day")) {
        window.latest = makeDay(r.end.get("year")!, r.end.get("month")!, r.end.get("day")!);
        exact = false;
      }
      rule = tags.has(TAG.weekdayNext) ? "date.weekday-next"
        : tags.has(TAG.weekdayPast) || tags.has(TAG.weekdayLast) ? "date.weekday-past"
        : yearKnown ? "date.absolute" : "date.month-day";
    } else if (s.isCertain("month")) {
      window = monthWindow(year, month);
      exact = false;
      rule = yearKnown ? "date.month-year" : "date.month";
    } else continue;
    if (window.latest < window.earliest) continue;
    const start = offset + r.index;
    const covered = r.text.replace(TRAILING_PUNCTUATION, ""); // chrono keeps "On Friday," with its comma
    out.push(annotation(rule, start, start + covered.length, window, exact, !yearKnown));
  }
  return out;
}

/**
 * One pattern matching wherever any of `patterns` does, or null when their flags cannot be merged.
 * Where every alternative opens with a word boundary, the boundary is tested once and the
 * alternatives after it share their starts (text/alternation.ts): a sentence is then read once,
 * not once per alternative at every position.
 */
export function unionOf(patterns: readonly RegExp[]): RegExp | null {
  const flags = new Set(["i"]);
  for (const p of patterns) for (const f of p.flags) if (f !== "g" && f !== "y") flags.add(f);
  const alternatives = patterns.flatMap((p) => alternativesOf(p.source));
  const bounded = !flags.has("u") && alternatives.every((a) => a.startsWith(WORD_BOUNDARY));
  try {
    if (bounded) return new RegExp(`${WORD_BOUNDARY}(?:${factorAlternatives(alternatives.map((a) => a.slice(WORD_BOUNDARY.length)))})`, [...flags].join(""));
    return new RegExp(patterns.map((p) => `(?:${p.source})`).join("|"), [...flags].join(""));
  } catch {
    return null;
  }
}

// Stage 4: "since Saturday" runs from that Saturday up to publication.
function widenSince(text: string, from: number, found: DateAnnotation, published: Day | null): DateAnnotation {
  const before = text.slice(Math.max(from, found.start - SINCE_LOOKBEHIND), found.start);
  const since = SINCE_BEFORE.exec(before);
  if (!since || !published || found.value.earliest > published) return found;
  const start = found.start - (before.length - since.index);
  return annotation("date.since", start, found.end, { earliest: found.value.earliest, latest: published }, false, true);
}

// Stage 5
function clipToPublication(found: DateAnnotation, published: Day | null): DateAnnotation {
  const v = found.value;
  if (!published || v.exact || v.earliest > published || v.latest <= published) return found;
  return { ...found, value: { ...v, latest: published } };
}

/**
 * Every date expression in text[from, to), resolved against the publication day (UTC).
 * Example (published Sunday 2025-04-20): "on Saturday" -> {earliest: "2025-04-19",
 * latest: "2025-04-19", exact: true, relative: true}, rule "date.weekday-past".
 * With `published` null only dates that carry their year are returned. `sentences`: the
 * splitSentences of text[from, to) when the caller has them already.
 */
export function findDates(text: string, published: Day | null, from = 0, to = text.length, sentences?: readonly Span[]): DateAnnotation[] {
  const floor = Math.max(0, from);
  const ceiling = Math.min(text.length, to);
  if (floor >= ceiling) return [];
  const candidates: DateAnnotation[] = [];
  for (const sentence of sentences ?? splitSentences(text, floor, ceiling)) {
    const scope = text.slice(sentence.start, sentence.end);
    if (published) for (const d of relativePhrases(scope, sentence.start, published)) candidates.push(d);
    for (const d of yearOnly(scope, sentence.start, published)) candidates.push(d);
    for (const d of calendarDates(scope, sentence.start, published)) candidates.push(d);
  }
  return longestWins(candidates).map((d) => clipToPublication(widenSince(text, floor, d, published), published));
}
