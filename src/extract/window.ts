// Word windows around a trigger, bounded by the clause it sits in. Cues (negation, modality,
// custody words) only count when they are near the trigger and in the same clause: "no" in
// "no comment, but 20 inmates escaped" must not negate the escape. Parentheses do not break a
// clause: they mostly hold abbreviations ("Syrian Democratic Forces (SDF) prisons").
import type { Span } from "../model/doc.ts";
import { matchAll } from "./lexicon.ts";

/** Characters and words that close a clause for the purposes of cue windows. */
const CLAUSE_BREAK = /[;:“”"]|(?<!\d),|,(?!\d{3}(?!\d))|\s(?:but|while|whereas|although|though|however)\s|\s[-–—]\s/g;

/** Start of the window of `words` words before `pos`, not crossing a clause break or `floor`. */
export function windowBefore(text: string, pos: number, words: number, floor: number): number {
  let i = pos;
  let seen = 0;
  while (i > floor) {
    const ch = text[i - 1];
    if (/[;:“”"]/.test(ch) || (ch === "," && !thousandsSeparator(text, i - 1)) || spacedDash(text, i - 1)) break;
    if (/\s/.test(ch)) {
      while (i > floor && /\s/.test(text[i - 1])) i--;
      if (++seen > words) break;
      const word = lastWord(text, floor, i);
      if (/^(but|while|whereas|although|though|however)$/i.test(word)) break;
      continue;
    }
    i--;
  }
  return i;
}

/** "KANO, May 2 - Police recaptured": a dash with space on both sides closes a clause (a dateline's, an aside's). */
function spacedDash(text: string, at: number): boolean {
  const ch = text.charAt(at);
  return (ch === "-" || ch === "–" || ch === "—") && /\s/.test(text.charAt(at - 1)) && /\s/.test(text.charAt(at + 1));
}

/** "1,844": a comma between digits that groups thousands closes no clause. */
function thousandsSeparator(text: string, comma: number): boolean {
  return /\d/.test(text.charAt(comma - 1)) && /^\d{3}(?!\d)/.test(text.slice(comma + 1, comma + 5));
}

/** End of the window of `words` words after `pos`, not crossing a clause break or `ceiling`. */
export function windowAfter(text: string, pos: number, words: number, ceiling: number): number {
  const slice = text.slice(pos, ceiling);
  CLAUSE_BREAK.lastIndex = 0;
  const brk = CLAUSE_BREAK.exec(slice);
  const limit = brk ? pos + brk.index : ceiling;
  let i = pos;
  let seen = 0;
  while (i < limit) {
    if (/\s/.test(text[i])) {
      while (i < limit && /\s/.test(text[i])) i++;
      if (++seen > words) return i;
      continue;
    }
    i++;
  }
  return limit;
}

function lastWord(text: string, floor: number, end: number): string {
  let s = end;
  while (s > floor && /\S/.test(text[s - 1])) s--;
  return text.slice(s, end);
}

/** True when `pattern` matches anywhere inside `text[from, to)`. */
export function hasMatch(pattern: RegExp, text: string, from: number, to: number): boolean {
  return from < to && matchAll(pattern, text, from, to).length > 0;
}

/**
 * Number of words between two spans (0 when they touch or overlap). With `limit`, counting stops
 * at limit + 1: callers comparing against a window need not walk a long sentence for every pair
 * of spans in it (that made one 64 KB run-on sentence take minutes).
 */
export function wordDistance(text: string, a: Span, b: Span, limit = Infinity): number {
  const [from, to] = a.end <= b.start ? [a.end, b.start] : b.end <= a.start ? [b.end, a.start] : [0, 0];
  let words = 0;
  let inWord = false;
  for (let i = from; i < to && words <= limit; i++) {
    const space = /\s/.test(text[i]);
    if (!space && !inWord) words += 1;
    inWord = !space;
  }
  return words;
}

/** Words that open a relative clause: "who had escaped", ", from which 300 fled", ", when 800 inmates fled". */
const RELATIVE_OPENING = /\b(?:(?:from|in|during|at|of)\s+)?(?:which|who|whom|whose|where)\b|,\s+when\b|\bthat\s+(?:had|have|has|were|was)\b/i;

/**
 * True when a relative clause opens between two spans: "recaptured nine on Thursday who had
 * escaped last week", "escaped on Friday from the prison, which was attacked two years ago".
 * What lies on either side tells of different events.
 */
export function acrossRelativeClause(text: string, a: Span, b: Span): boolean {
  const between = a.end <= b.start ? text.slice(a.end, b.start) : b.end <= a.start ? text.slice(b.end, a.start) : "";
  const opening = RELATIVE_OPENING.exec(between);
  // "attacked the prison, from which 800 escaped in 2022, on Friday": a comma closes the clause again.
  return opening !== null && !between.slice(opening.index + opening[0].length).includes(",");
}
