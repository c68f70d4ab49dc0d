// Sentence boundaries with exact offsets. Hand-written rather than a tokenizer-based splitter:
// extraction only needs boundaries, news abbreviations are a short list, and a full tokenizer
// pass would cost more than the rest of the path (see bench/).
import type { Span } from "../model/doc.ts";
import { isWhitespaceCode } from "./char-codes.ts";

/** Abbreviations that end in a period without ending a sentence (lower-cased, without the dot). */
const ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "cpl", "brig", "adm",
  "gov", "sen", "rep", "rev", "st", "jr", "sr", "no", "nos", "vs", "etc", "approx", "est", "dept",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue",
  "wed", "thu", "fri", "sat", "sun", "u.s", "u.n", "u.k", "a.m", "p.m", "e.g", "i.e", "inc", "ltd", "co",
]);

/** A sentence may not end right after a single capital letter ("John F. Kennedy", "U.S."). */
const INITIAL = /(?:^|[\s.])[A-Z]$/;

/** Closing quotes and brackets that belong to the sentence they close. */
const CLOSERS = new Set(['"', "'", "”", "’", ")", "]", "»"]);

/**
 * No news sentence is this long; a run-on "sentence" (a table dump, a page without full stops) is
 * cut at a space before it. Bounds the per-sentence work of the stages that pair every number
 * with every cue in its sentence, which is quadratic in the sentence's length.
 */
export const MAX_SENTENCE_CHARS = 2000;

/** Splits `text[from, to)` into sentences; paragraph breaks ("\n\n" or any newline) always end one. */
export function splitSentences(text: string, from = 0, to = text.length): Span[] {
  const sentences: Span[] = [];
  let start = skipSpace(text, from, to);
  let i = start;
  while (i < to) {
    if (i - start >= MAX_SENTENCE_CHARS) {
      const cut = lastSpaceBefore(text, start, i);
      pushTrimmed(text, sentences, start, cut);
      start = skipSpace(text, cut, to);
      i = start;
      continue;
    }
    const ch = text[i];
    if (ch === "\n") {
      pushTrimmed(text, sentences, start, i);
      start = skipSpace(text, i + 1, to);
      i = start;
      continue;
    }
    if (ch === "." || ch === "!" || ch === "?" || ch === "…") {
      let end = i + 1;
      while (end < to && (text[end] === "." || text[end] === "!" || text[end] === "?")) end++;
      while (end < to && CLOSERS.has(text[end])) end++;
      const next = end < to ? text[end] : "";
      const boundary = end >= to || next === "\n" || (isWhitespaceCode(text.charCodeAt(end)) && startsSentence(text, end, to));
      if (boundary && !(ch === "." && isAbbreviation(text, start, i))) {
        pushTrimmed(text, sentences, start, end);
        start = skipSpace(text, end, to);
        i = start;
        continue;
      }
      i = end;
      continue;
    }
    i++;
  }
  pushTrimmed(text, sentences, start, to);
  return sentences;
}

function startsSentence(text: string, at: number, to: number): boolean {
  const next = skipSpace(text, at, to);
  if (next >= to) return true;
  // Upper case, digits, quotes and brackets open sentences in news copy; lower case does not.
  return /[A-Z0-9"“‘'(\[«]/.test(text[next]);
}

/** [A-Za-z.] by char code: the scan runs back over the word before every full stop. */
function isLatinLetterOrDot(code: number): boolean {
  return code === 0x2e || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isAbbreviation(text: string, sentenceStart: number, dot: number): boolean {
  let w = dot;
  while (w > sentenceStart && isLatinLetterOrDot(text.charCodeAt(w - 1))) w--;
  const word = text.slice(w, dot).toLowerCase();
  if (ABBREVIATIONS.has(word)) return true;
  return INITIAL.test(text.slice(Math.max(sentenceStart, dot - 2), dot));
}

/** The last whitespace in (start, i], else i: where an overlong sentence is cut. */
function lastSpaceBefore(text: string, start: number, i: number): number {
  for (let j = i; j > start; j--) if (isWhitespaceCode(text.charCodeAt(j))) return j;
  return i;
}

function skipSpace(text: string, i: number, to: number): number {
  while (i < to && isWhitespaceCode(text.charCodeAt(i))) i++;
  return i;
}

function pushTrimmed(text: string, out: Span[], start: number, end: number): void {
  while (end > start && isWhitespaceCode(text.charCodeAt(end - 1))) end--;
  if (end > start) out.push({ start, end });
}
