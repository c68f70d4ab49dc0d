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

/** Word tokens (letters or digits inside), for counting. */
export function words(text: string): string[] {
  return text.split(" ").filter((w) => /[\p{L}\p{N}]/u.test(w));
}
