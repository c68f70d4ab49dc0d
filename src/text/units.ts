// Splits scraped plain text into paragraph candidates ("units"): usually one line each, since
// scrapers write one paragraph per line, with hard-wrapped lines joined back together. A unit is
// a range of the page text, not a copy: its whitespace-normalised text is built only for the
// few units a rule must read as a string and for those the cleaner keeps.
import { isLowerCode, isSpaceCode, isWordCode } from "./chars.ts";
import { normalizeSpace } from "./normalize.ts";

export interface Unit {
  /** Offsets into the page text: first to last non-space character of the paragraph. */
  start: number;
  end: number;
  /** Blank lines between the previous unit and this one (a story-boundary signal). */
  blankBefore: number;
}

// A line that ends mid-sentence continues on the next line when that one starts in lower case
// or the line ends with a comma/semicolon or one of these words: the scraper hard-wrapped one paragraph.
const OPEN_ENDING_WORDS = new Set(["the", "a", "an", "of", "in", "on", "to", "and", "or", "for", "with", "by", "at", "from"]);
const LONGEST_OPEN_ENDING_WORD = 4;

/** The line [start, end) ends where a sentence cannot: after a comma, semicolon or article. */
function endsOpen(text: string, end: number): boolean {
  const last = text.charCodeAt(end - 1);
  if (last === 44 || last === 59) return true;
  let from = end;
  while (from > 0 && isWordCode(text.charCodeAt(from - 1))) from -= 1;
  if (end - from > LONGEST_OPEN_ENDING_WORD || from === end) return false;
  return OPEN_ENDING_WORDS.has(text.slice(from, end).toLowerCase());
}

/** The character at `i` starts a lower-case letter (a surrogate pair counts as its code point). */
function startsLower(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) return /^\p{Ll}/u.test(text.slice(i, i + 2));
  return isLowerCode(c);
}

/** "Title\n\nLine one\nLine two" -> units with offsets and the blank lines before each. */
export function splitUnits(raw: string): Unit[] {
  const units: Unit[] = [];
  let blank = 0;
  let previousWasText = false;
  let lineStart = 0;
  // Lines end at \n, \r\n or a lone \r, found by index (the next of each is remembered).
  let nextLf = raw.indexOf("\n");
  let nextCr = raw.indexOf("\r");
  while (lineStart <= raw.length) {
    if (nextLf !== -1 && nextLf < lineStart) nextLf = raw.indexOf("\n", lineStart);
    if (nextCr !== -1 && nextCr < lineStart) nextCr = raw.indexOf("\r", lineStart);
    const lineEnd = Math.min(nextLf === -1 ? raw.length : nextLf, nextCr === -1 ? raw.length : nextCr);
    const next = raw.charCodeAt(lineEnd) === 13 && raw.charCodeAt(lineEnd + 1) === 10 ? lineEnd + 2 : lineEnd + 1;
    let start = lineStart;
    let end = lineEnd;
    while (start < end && isSpaceCode(raw.charCodeAt(start))) start += 1;
    while (end > start && isSpaceCode(raw.charCodeAt(end - 1))) end -= 1;
    if (start === end) {
      blank += 1;
      previousWasText = false;
    } else {
      const last = units[units.length - 1];
      if (previousWasText && last && (startsLower(raw, start) || endsOpen(raw, last.end))) last.end = end;
      else units.push({ start, end, blankBefore: units.length === 0 ? 0 : blank });
      blank = 0;
      previousWasText = true;
    }
    lineStart = next;
  }
  return units;
}

/**
 * The unit's paragraph as the cleaned text shows it: whitespace runs collapsed to one space.
 * `spaced`: its whitespace is known to be single spaces already, so the slice is the text.
 */
export function unitText(raw: string, unit: Unit, spaced = false): string {
  const slice = raw.slice(unit.start, unit.end);
  return spaced ? slice : normalizeSpace(slice);
}
