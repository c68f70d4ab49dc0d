import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import type { Span } from "../model/doc.ts";
import { MAX_SENTENCE_CHARS, splitSentences } from "./sentences.ts";

// The splitter as it was written with a regex test per character: the char-code reading must cut
// every text at the same offsets.
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

/** Splits `text[from, to)` into sentences; paragraph breaks ("\n\n" or any newline) always end one. */
function referenceSplit(text: string, from = 0, to = text.length): Span[] {
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
      const boundary = end >= to || next === "\n" || (/\s/.test(next) && startsSentence(text, end, to));
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

function isAbbreviation(text: string, sentenceStart: number, dot: number): boolean {
  let w = dot;
  while (w > sentenceStart && /[A-Za-z.]/.test(text[w - 1])) w--;
  const word = text.slice(w, dot).toLowerCase();
  if (ABBREVIATIONS.has(word)) return true;
  return INITIAL.test(text.slice(Math.max(sentenceStart, dot - 2), dot));
}

/** The last whitespace in (start, i], else i: where an overlong sentence is cut. */
function lastSpaceBefore(text: string, start: number, i: number): number {
  for (let j = i; j > start; j--) if (/\s/.test(text[j])) return j;
  return i;
}

function skipSpace(text: string, i: number, to: number): number {
  while (i < to && /\s/.test(text[i])) i++;
  return i;
}

function pushTrimmed(text: string, out: Span[], start: number, end: number): void {
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) out.push({ start, end });
}

const piece = fc.constantFrom(
  "Inmates", "escaped", "Mr", "Gen", "U.S", "e.g", "e.g. ", "i.e. ", "at 3 a.m. ", "J", "F", "Kennedy", "on", "Friday", "20", "1,500", ".", ".", "!", "?", "…", "...",
  '"', "”", "’", ")", "]", "»", "(", "“", "‘", "«", " ", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u2009", "\u200b", "x", "é", "Z",
);

test("sentences are cut where the per-character reading cut them", () => {
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 60 }), fc.nat(), fc.nat(), (pieces, a, b) => {
      const text = pieces.join("");
      const [from, to] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y);
      assert.deepEqual(splitSentences(text, from, to), referenceSplit(text, from, to));
    }),
    { numRuns: 5000 },
  );
  for (const text of ["Guards fled, e.g. The warden left.", "It began at 3 a.m. Police came.", "Mr. Ojok said so. U.S. forces left!", "He left at dawn... Then nothing?"]) {
    assert.deepEqual(splitSentences(text), referenceSplit(text), text);
  }
  // A run-on text is cut near the length cap the same way.
  const runOn = "word ".repeat(Math.ceil((3 * MAX_SENTENCE_CHARS) / 5));
  assert.deepEqual(splitSentences(runOn), referenceSplit(runOn));
});
