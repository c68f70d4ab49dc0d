// Character classes read by char code, so paragraph features are computed over the page text by
// index without cutting it into throw-away strings. Non-ASCII answers come from the same Unicode
// property tests the string versions use, asked once per character and remembered.

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const UPPER = /^\p{Lu}$/u;
const LOWER = /^\p{Ll}$/u;

/** Per BMP code unit: 0 = not asked yet, else 1 + the answer bits below. */
const asked = new Uint8Array(0x10000);
const BIT_LETTER_OR_DIGIT = 1;
const BIT_UPPER = 2;
const BIT_LOWER = 4;

function propertiesOf(code: number): number {
  let known = asked[code];
  if (known === 0) {
    // Lone surrogates are no letter: astral characters are rare enough in news to count as marks.
    const char = String.fromCharCode(code);
    known =
      1 +
      (LETTER_OR_DIGIT.test(char) ? BIT_LETTER_OR_DIGIT : 0) +
      (UPPER.test(char) ? BIT_UPPER : 0) +
      (LOWER.test(char) ? BIT_LOWER : 0);
    asked[code] = known;
  }
  return known - 1;
}

/** Same set as /[\s\u200b]/: JavaScript whitespace plus the zero-width space scrapers leave. */
export function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** A letter or digit in any script (\p{L} or \p{N}). */
export function isLetterOrDigitCode(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return (propertiesOf(c) & BIT_LETTER_OR_DIGIT) !== 0;
}

/** An upper-case letter (\p{Lu}). */
export function isUpperCode(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  return (propertiesOf(c) & BIT_UPPER) !== 0;
}

/** A lower-case letter (\p{Ll}). */
export function isLowerCode(c: number): boolean {
  if (c < 128) return c >= 97 && c <= 122;
  return (propertiesOf(c) & BIT_LOWER) !== 0;
}

/** ASCII word character (\w): letters, digits and underscore. */
export function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

const lowerCache = new Map<number, number>();
/** The code unit a letter folds to for comparison (lower case; the first unit when folding expands). */
export function foldCode(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  let folded = lowerCache.get(c);
  if (folded === undefined) {
    folded = String.fromCharCode(c).toLowerCase().charCodeAt(0);
    lowerCache.set(c, folded);
  }
  return folded;
}

/** Sentence punctuation: . ! ? … */
export const isTerminalCode = (c: number) => c === 46 || c === 33 || c === 63 || c === 0x2026;
/** Closing quotes and brackets after sentence punctuation: " ” ’ ' ) ] */
export const isCloserCode = (c: number) => c === 34 || c === 0x201d || c === 0x2019 || c === 39 || c === 41 || c === 93;
/** Opening quotes and brackets before a sentence: " “ ‘ ( */
export const isOpenerCode = (c: number) => c === 34 || c === 0x201c || c === 0x2018 || c === 40;
