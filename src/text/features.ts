// What the paragraph classifier reads about one unit, computed in one pass over the page text
// by index: word and stop-word counts, title case, closing punctuation, characters inside links
// and a key for spotting repeated lines. No token, lower-cased copy or key string is built.
import stopwordData from "./data/stopwords-en.json" with { type: "json" };
import { foldCode, isLetterOrDigitCode, isSpaceCode, isUpperCode, isWordCode } from "./chars.ts";

export interface UnitFeatures {
  /** Tokens with a letter or digit (words() of the normalised text). */
  words: number;
  /** Of which function words (data/stopwords-en.json). */
  stopwords: number;
  /** Words longer than three characters, and how many of them are capitalised. */
  longWords: number;
  capitalised: number;
  /** Closes with sentence punctuation, maybe followed by quotes or brackets. */
  endsSentence: boolean;
  /** Length of the whitespace-normalised text, and how much of it is URLs. */
  length: number;
  linkChars: number;
  /** Hash of the lower-cased letters and digits (0 when there are none): equal lines, equal keys. */
  key: number;
}

/** Share of capitalised long words that makes a line Title Case (headline style). */
export const TITLE_CASE_MIN_SHARE = 0.6;

// Stop words as numbers: a word of up to MAX_CODED_LETTERS ASCII letters, base 27, is exact.
const MAX_CODED_LETTERS = 11;
const codeOfWord = (word: string) => [...word].reduce((code, ch) => code * 27 + (ch.charCodeAt(0) - 96), 0);
const STOPWORD_CODES = new Set(stopwordData.words.filter((w) => /^[a-z]+$/.test(w) && w.length <= MAX_CODED_LETTERS).map(codeOfWord));

/** Stop-word density: high in prose, low in menus, labels and headlines. */
export const densityOf = (f: UnitFeatures) => (f.words === 0 ? 0 : f.stopwords / f.words);
/** Mostly capitalised long words: headline or name-list style. */
export const isTitleCase = (f: UnitFeatures) => f.longWords > 0 && f.capitalised / f.longWords >= TITLE_CASE_MIN_SHARE;

const CLOSERS = new Set([34, 0x201d, 0x2019, 39, 41, 93]); // " ” ’ ' ) ]
const TERMINALS = new Set([46, 33, 63, 0x2026]); // . ! ? …

/** The text [start, end) closes a sentence: /[.!?…]["”’')\]]*$/. */
export function closesSentence(text: string, start: number, end: number): boolean {
  let i = end - 1;
  while (i >= start && CLOSERS.has(text.charCodeAt(i))) i -= 1;
  return i >= start && TERMINALS.has(text.charCodeAt(i));
}

/** A URL starts at `i`: "http://", "https://" or "www.", in any case. */
function urlAt(text: string, i: number, end: number): boolean {
  const lower = (k: number) => (i + k < end ? foldCode(text.charCodeAt(i + k)) : 0);
  if (lower(0) === 119) return lower(1) === 119 && lower(2) === 119 && lower(3) === 46;
  if (lower(0) !== 104 || lower(1) !== 116 || lower(2) !== 116 || lower(3) !== 112) return false;
  const k = lower(4) === 115 ? 5 : 4;
  return lower(k) === 58 && lower(k + 1) === 47 && lower(k + 2) === 47;
}

/** Features of the unit text[start, end). The same text gives the same key wherever it stands. */
export function featuresOf(text: string, start: number, end: number): UnitFeatures {
  let words = 0;
  let stopwords = 0;
  let longWords = 0;
  let capitalised = 0;
  let length = 0;
  let linkChars = 0;
  let h1 = 0x811c9dc5;
  let h2 = 0;
  let i = start;
  while (i < end) {
    while (i < end && isSpaceCode(text.charCodeAt(i))) i += 1;
    if (i >= end) break;
    const tokenStart = i;
    while (i < end && !isSpaceCode(text.charCodeAt(i))) i += 1;
    const tokenEnd = i;
    length += (length > 0 ? 1 : 0) + tokenEnd - tokenStart;

    let firstLetter = -1;
    let inLink = false;
    for (let k = tokenStart; k < tokenEnd; k++) {
      const c = text.charCodeAt(k);
      if (!inLink && (c === 104 || c === 72 || c === 119 || c === 87) && (k === tokenStart || !isWordCode(text.charCodeAt(k - 1))) && urlAt(text, k, tokenEnd)) {
        inLink = true;
        linkChars += tokenEnd - k;
      }
      if (!isLetterOrDigitCode(c)) continue;
      if (firstLetter < 0) firstLetter = k;
      const folded = foldCode(c);
      h1 = Math.imul(h1 ^ folded, 0x01000193);
      h2 = (Math.imul(h2, 31) + folded) | 0;
    }
    if (firstLetter < 0) continue;
    words += 1;
    // Title case counts words after leading punctuation: "(Reuters)" is a long capitalised word.
    if (tokenEnd - firstLetter > 3) {
      longWords += 1;
      if (isUpperCode(text.charCodeAt(firstLetter))) capitalised += 1;
    }
    if (isStopword(text, tokenStart, tokenEnd)) stopwords += 1;
  }
  const key = words === 0 ? 0 : (h1 >>> 0) * 0x200000 + (h2 >>> 11) + 1;
  return { words, stopwords, longWords, capitalised, endsSentence: closesSentence(text, start, end), length, linkChars, key };
}

/** The token without leading and trailing non-word (\W) characters is a stop word, in any case. */
function isStopword(text: string, start: number, end: number): boolean {
  while (start < end && !isWordCode(text.charCodeAt(start))) start += 1;
  while (end > start && !isWordCode(text.charCodeAt(end - 1))) end -= 1;
  if (end === start || end - start > MAX_CODED_LETTERS) return false;
  let code = 0;
  for (let k = start; k < end; k++) {
    const c = foldCode(text.charCodeAt(k));
    if (c < 97 || c > 122) return false;
    code = code * 27 + (c - 96);
  }
  return STOPWORD_CODES.has(code);
}

/** The repeat key of a free-standing text (a metadata title), comparable with UnitFeatures.key. */
export function keyOf(text: string): number {
  return featuresOf(text, 0, text.length).key;
}

/** The two ranges hold the same letters and digits, folded: confirms that equal keys are equal lines. */
export function sameLetters(a: string, aStart: number, aEnd: number, b: string, bStart: number, bEnd: number): boolean {
  let i = aStart;
  let j = bStart;
  for (;;) {
    while (i < aEnd && !isLetterOrDigitCode(a.charCodeAt(i))) i += 1;
    while (j < bEnd && !isLetterOrDigitCode(b.charCodeAt(j))) j += 1;
    if (i >= aEnd || j >= bEnd) return i >= aEnd && j >= bEnd;
    if (foldCode(a.charCodeAt(i)) !== foldCode(b.charCodeAt(j))) return false;
    i += 1;
    j += 1;
  }
}
