// Whitespace normalisation inside one paragraph. Only whitespace changes: every other character
// stays as the source wrote it, because offsets into the cleaned text are the evidence downstream.

// \s already covers NBSP, the U+2000 spaces, U+202F, U+205F, U+3000 and the BOM; zero-width
// spaces are not whitespace to JS but scrapers leave them between words.
const WHITESPACE_RUN = /[\s\u200b]+/g;

/** Collapses every whitespace run to one space and trims: "a\u00a0 b " -> "a b". */
export function normalizeSpace(text: string): string {
  return text.replace(WHITESPACE_RUN, " ").trim();
}

/** A comparison key for spotting repeated lines: lower case, letters and digits only. */
export function repeatKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Word tokens (letters or digits inside), for counting. */
export function words(text: string): string[] {
  return text.split(" ").filter(hasLetterOrDigit);
}

function hasLetterOrDigit(word: string): boolean {
  // An ASCII letter or digit up front settles it without the Unicode regex (same result).
  const c = word.charCodeAt(0);
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  return LETTER_OR_DIGIT.test(word);
}
