// What the paragraph classifier reads about one unit, computed in one pass over the page text
// by index: word and stop-word counts, title case, closing punctuation, characters inside links
// and a key for spotting repeated lines. No token, lower-cased copy or key string is built.
import stopwordData from "./data/stopwords-en.json" with { type: "json" };
import { foldCode, isCloserCode, isLetterOrDigitCode, isSpaceCode, isTerminalCode, isUpperCode, isWordCode } from "./chars.ts";

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
  /** The text's whitespace is single plain spaces already: its normalised text is a plain slice. */
  spaced: boolean;
  /**
   * FNV-1a hash of the lower-cased letters and digits (0 when there are none): equal lines have
   * equal keys; lines with equal keys are compared letter by letter before they count as copies.
   */
  key: number;
}

/** Share of capitalised long words that makes a line Title Case (headline style). */
export const TITLE_CASE_MIN_SHARE = 0.6;

// Stop words as numbers: a word of ASCII letters in base 27, exact for words of up to 11 letters
// (27^11 < 2^53), longer than any stop word.
const codeOfWord = (word: string) => [...word].reduce((code, ch) => code * 27 + (ch.charCodeAt(0) - 96), 0);
const STOPWORDS = stopwordData.words.filter((w) => /^[a-z]+$/.test(w));
const LONGEST_STOPWORD = Math.max(...STOPWORDS.map((w) => w.length));

// The codes in an open-addressing table: every word of every page is looked up, and a probe of a
// typed array costs a fraction of Set.has (which boxes every code above 2^31). With ~160 codes in
// 1,024 slots most words that are no stop word stop at the first, empty slot ("a" is 1: no code is 0).
const STOPWORD_SLOT_BITS = 10;
const STOPWORD_SLOTS = new Float64Array(1 << STOPWORD_SLOT_BITS);
const STOPWORD_SLOT_MASK = STOPWORD_SLOTS.length - 1;
/** Fibonacci hashing of the code's low 32 bits. */
const firstSlotOf = (code: number) => Math.imul(code, 0x9e3779b1) >>> (32 - STOPWORD_SLOT_BITS);
for (const code of STOPWORDS.map(codeOfWord)) {
  let slot = firstSlotOf(code);
  while (STOPWORD_SLOTS[slot] !== 0) slot = (slot + 1) & STOPWORD_SLOT_MASK;
  STOPWORD_SLOTS[slot] = code;
}

/** The code (of a word of up to LONGEST_STOPWORD letters) is a stop word's. */
export function isStopwordCode(code: number): boolean {
  for (let slot = firstSlotOf(code); ; slot = (slot + 1) & STOPWORD_SLOT_MASK) {
    const held = STOPWORD_SLOTS[slot];
    if (held === code) return true;
    if (held === 0) return false;
  }
}

/** Stop-word density: high in prose, low in menus, labels and headlines. */
export const densityOf = (f: UnitFeatures) => (f.words === 0 ? 0 : f.stopwords / f.words);
/** Mostly capitalised long words: headline or name-list style. */
export const isTitleCase = (f: UnitFeatures) => f.longWords > 0 && f.capitalised / f.longWords >= TITLE_CASE_MIN_SHARE;


/** The text [start, end) closes a sentence: /[.!?…]["”’')\]]*$/. */
export function closesSentence(text: string, start: number, end: number): boolean {
  let i = end - 1;
  while (i >= start && isCloserCode(text.charCodeAt(i))) i -= 1;
  return i >= start && isTerminalCode(text.charCodeAt(i));
}

const lowerAscii = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

/** A URL starts at `i`: "http://", "https://" or "www.", in any case. */
function urlAt(text: string, i: number, end: number): boolean {
  if (end - i < 4) return false;
  const c0 = lowerAscii(text.charCodeAt(i));
  if (c0 === 119) return lowerAscii(text.charCodeAt(i + 1)) === 119 && lowerAscii(text.charCodeAt(i + 2)) === 119 && text.charCodeAt(i + 3) === 46;
  if (c0 !== 104 || lowerAscii(text.charCodeAt(i + 1)) !== 116 || lowerAscii(text.charCodeAt(i + 2)) !== 116 || lowerAscii(text.charCodeAt(i + 3)) !== 112) return false;
  const k = lowerAscii(text.charCodeAt(i + 4)) === 115 ? i + 5 : i + 4;
  return k + 3 <= end && text.charCodeAt(k) === 58 && text.charCodeAt(k + 1) === 47 && text.charCodeAt(k + 2) === 47;
}

// ASCII character classes in one table: one read per character instead of several comparisons.
const SPACE = 1;
const WORD = 2; // \w: letters, digits, underscore
const LETTER = 4; // A-Z, a-z
const ALNUM = 8; // letters and digits
const UPPER = 16;
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const upper = c >= 65 && c <= 90;
  const lower = c >= 97 && c <= 122;
  const digit = c >= 48 && c <= 57;
  ASCII_CLASS[c] =
    (c === 32 || (c >= 9 && c <= 13) ? SPACE : 0) |
    (upper || lower || digit || c === 95 ? WORD : 0) |
    (upper || lower ? LETTER : 0) |
    (upper || lower || digit ? ALNUM : 0) |
    (upper ? UPPER : 0);
}

/** The same classes for any code unit; non-ASCII ones asked of chars.ts (never WORD or LETTER: \w is ASCII). */
function classOf(c: number): number {
  if (c < 128) return ASCII_CLASS[c];
  if (isSpaceCode(c)) return SPACE;
  return (isLetterOrDigitCode(c) ? ALNUM : 0) | (isUpperCode(c) ? UPPER : 0);
}

/**
 * Features of the unit text[start, end). The same text gives the same key wherever it stands.
 * One pass: each token is read once, its stop-word code built from its letters between leading
 * and trailing punctuation.
 */
export function featuresOf(text: string, start: number, end: number): UnitFeatures {
  let words = 0;
  let stopwords = 0;
  let longWords = 0;
  let capitalised = 0;
  let length = 0;
  let linkChars = 0;
  let spaced = true;
  let hash = 0x811c9dc5;
  let i = start;
  while (i < end) {
    // Whitespace between tokens: already normalised when it is one plain space. That usual gap,
    // one space between two tokens, is stepped over first without the loop.
    const gapStart = i;
    if (length > 0 && text.charCodeAt(i) === 32 && i + 1 < end && (classOf(text.charCodeAt(i + 1)) & SPACE) === 0) {
      i += 1;
      length += 1;
    } else {
      while (i < end && (classOf(text.charCodeAt(i)) & SPACE) !== 0) i += 1;
      if (i > gapStart && (length === 0 || i >= end || i - gapStart > 1 || text.charCodeAt(gapStart) !== 32)) spaced = false;
      if (i >= end) break;
      if (i > gapStart && length > 0) length += 1;
    }
    const tokenStart = i;
    let firstLetter = -1;
    let inLink = false;
    // The stop-word candidate: ASCII word characters after leading punctuation, up to trailing punctuation.
    let coreState = 0; // 0 before the core, 1 inside it, 2 after it
    let coreLetters = 0;
    let code = 0;
    let coreIsWord = true;
    // Most tokens open with a lower-case ASCII letter: their first run of such letters is read
    // here without the class look-ups and the core's states, unless a URL starts there ("http",
    // "www."), which the long way measures. Codes of words longer than LONGEST_STOPWORD are never
    // looked up, so the code is built without minding the length.
    const first = text.charCodeAt(i);
    if (first >= 97 && first <= 122 && !((first === 104 || first === 119) && urlAt(text, i, end))) {
      firstLetter = i;
      coreState = 1;
      coreLetters = 1;
      code = first - 96;
      hash = Math.imul(hash ^ first, 0x01000193);
      let next: number;
      while (++i < end && (next = text.charCodeAt(i)) >= 97 && next <= 122) {
        coreLetters += 1;
        code = code * 27 + (next - 96);
        hash = Math.imul(hash ^ next, 0x01000193);
      }
    }
    // A plain word ends at the space after its letters; any other token is read character by character.
    if (i < end && text.charCodeAt(i) !== 32) for (; i < end; i++) {
      const c = text.charCodeAt(i);
      const cls = classOf(c);
      if ((cls & SPACE) !== 0) break;
      if ((cls & WORD) !== 0) {
        if ((c | 32) === 104 || (c | 32) === 119) {
          if (!inLink && (i === tokenStart || (classOf(text.charCodeAt(i - 1)) & WORD) === 0) && urlAt(text, i, end)) {
            inLink = true;
            let tokenEnd = i;
            while (tokenEnd < end && (classOf(text.charCodeAt(tokenEnd)) & SPACE) === 0) tokenEnd += 1;
            linkChars += tokenEnd - i;
          }
        }
        if (coreState === 2) coreIsWord = false;
        coreState = 1;
        if ((cls & LETTER) !== 0) {
          coreLetters += 1;
          if (coreLetters <= LONGEST_STOPWORD) code = code * 27 + ((c | 32) - 96);
        } else coreIsWord = false;
      } else if (coreState === 1) coreState = 2;
      if ((cls & ALNUM) === 0) continue;
      if (firstLetter < 0) firstLetter = i;
      hash = Math.imul(hash ^ (c < 128 ? c | ((cls & UPPER) !== 0 ? 32 : 0) : foldCode(c)), 0x01000193);
      if ((cls & LETTER) === 0) continue;
      // Most of a page is lower-case ASCII letters inside a word: the same steps, without the
      // class look-up, the link test and the core's states (a letter after a letter changes none).
      let next: number;
      while (i + 1 < end && (next = text.charCodeAt(i + 1)) >= 97 && next <= 122) {
        i += 1;
        coreLetters += 1;
        if (coreLetters <= LONGEST_STOPWORD) code = code * 27 + (next - 96);
        hash = Math.imul(hash ^ next, 0x01000193);
      }
    }
    length += i - tokenStart;
    if (firstLetter < 0) continue;
    words += 1;
    // Title case counts words after leading punctuation: "(Reuters)" is a long capitalised word.
    if (i - firstLetter > 3) {
      longWords += 1;
      if ((classOf(text.charCodeAt(firstLetter)) & UPPER) !== 0) capitalised += 1;
    }
    if (coreIsWord && coreLetters > 0 && coreLetters <= LONGEST_STOPWORD) {
      if (isStopwordCode(code)) stopwords += 1;
    }
  }
  const key = words === 0 ? 0 : (hash >>> 0) + 1;
  return { words, stopwords, longWords, capitalised, endsSentence: closesSentence(text, start, end), length, linkChars, spaced, key };
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
