// Word windows around a trigger, bounded by the clause it sits in. Cues (negation, modality,
// custody words) only count when they are near the trigger and in the same clause: "no" in
// "no comment, but 20 inmates escaped" must not negate the escape. Parentheses do not break a
// clause: they mostly hold abbreviations ("Syrian Democratic Forces (SDF) prisons").
import type { Span } from "../model/doc.ts";
import { isWhitespaceCode } from "./char-codes.ts";
import { hasMatchIn } from "./lexicon.ts";

/** Characters and words that close a clause for the purposes of cue windows. */
const CLAUSE_BREAK = /[;:“”"]|(?<!\d),|,(?!\d{3}(?!\d))|\s(?:but|while|whereas|although|though|however)\s|\s[-–—]\s/g;

/** Start of the window of `words` words before `pos`, not crossing a clause break or `floor`. */
export function windowBefore(text: string, pos: number, words: number, floor: number): number {
  // Read by char code: this walks back over every character of the window for every trigger and
  // cue, and a regex test or a substring per character was most of its cost.
  let i = pos;
  let seen = 0;
  while (i > floor) {
    const code = text.charCodeAt(i - 1);
    if (isClauseMark(code) || (code === COMMA && !thousandsSeparator(text, i - 1)) || spacedDash(text, i - 1)) break;
    if (isWhitespaceCode(code)) {
      while (i > floor && isWhitespaceCode(text.charCodeAt(i - 1))) i--;
      if (++seen > words) break;
      if (isClauseWord(text, floor, i)) break;
      continue;
    }
    i--;
  }
  return i;
}

const COMMA = 0x2c;

/** ; : “ ” and the straight double quote close a clause. */
function isClauseMark(code: number): boolean {
  return code === 0x3b || code === 0x3a || code === 0x201c || code === 0x201d || code === 0x22;
}

/** "KANO, May 2 - Police recaptured": a dash with space on both sides closes a clause (a dateline's, an aside's). */
function spacedDash(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return (code === 0x2d || code === 0x2013 || code === 0x2014) && isWhitespaceCode(text.charCodeAt(at - 1)) && isWhitespaceCode(text.charCodeAt(at + 1));
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
    if (isWhitespaceCode(text.charCodeAt(i))) {
      while (i < limit && isWhitespaceCode(text.charCodeAt(i))) i++;
      if (++seen > words) return i;
      continue;
    }
    i++;
  }
  return limit;
}

/** Conjunctions that open a new clause (CLAUSE_BREAK names them too). */
const CLAUSE_WORDS = ["but", "while", "whereas", "although", "though", "however"];
const CLAUSE_WORD = new RegExp(`^(?:${CLAUSE_WORDS.join("|")})$`, "i");
const CLAUSE_WORD_LENGTH = { min: Math.min(...CLAUSE_WORDS.map((w) => w.length)), max: Math.max(...CLAUSE_WORDS.map((w) => w.length)) };

/** True when the word ending at `end` (after `floor`) is a conjunction that opens a clause. */
function isClauseWord(text: string, floor: number, end: number): boolean {
  let s = end;
  while (s > floor && !isWhitespaceCode(text.charCodeAt(s - 1))) s--;
  const length = end - s;
  // Only a word of a conjunction's length is cut out of the text and tested.
  return length >= CLAUSE_WORD_LENGTH.min && length <= CLAUSE_WORD_LENGTH.max && CLAUSE_WORD.test(text.slice(s, end));
}

/** True when `pattern` matches anywhere inside `text[from, to)`. */
export function hasMatch(pattern: RegExp, text: string, from: number, to: number): boolean {
  return from < to && hasMatchIn(pattern, text, from, to);
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
    const space = isWhitespaceCode(text.charCodeAt(i));
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
/** The farthest two spans may be apart for a relative clause to stand between them. */
const RELATIVE_CLAUSE_REACH_CHARS = 400;

export function acrossRelativeClause(text: string, a: Span, b: Span): boolean {
  const [from, to] = a.end <= b.start ? [a.end, b.start] : b.end <= a.start ? [b.end, a.start] : [0, 0];
  // A relative clause runs a few dozen words; text between two spans this far apart that never
  // closes one with a comma is not one clause (and reading it for every pair of a run-on line
  // would cost the square of its length).
  if (to - from > RELATIVE_CLAUSE_REACH_CHARS) return false;
  const between = text.slice(from, to);
  const opening = RELATIVE_OPENING.exec(between);
  // "attacked the prison, from which 800 escaped in 2022, on Friday": a comma closes the clause again.
  return opening !== null && !between.slice(opening.index + opening[0].length).includes(",");
}
