// Publication dates written into the page itself: a date line under the headline
// ("Fri 21 January 2022:") or an agency dateline opening the first paragraph
// ("CAIRO, Jan 20 (Reuters) -", "Beirut, Jan 21 (EFE)").
import type { Day } from "../model/doc.ts";
import { DATE_SOURCE, readMonthDay, toDay } from "./dates.ts";
import { normalizeSpace } from "./normalize.ts";
import { isSpaceCode } from "./chars.ts";

/** Datelines sit at the top of a page: only this many non-blank lines are read. */
export const DATELINE_SCAN_LINES = 8;
/** A dateline is at the very start of its line: longer lines are read only this far. */
export const DATELINE_MAX_CHARS = 300;

// A line that is nothing but a date, maybe with a label before and a time after.
const DATE_ONLY = new RegExp(
  `^(?:(?:published|posted|date|dated|first published)(?:\\s+on)?\\s*:?\\s*)?${DATE_SOURCE}` +
    `(?:\\s*[,|\\-–—]?\\s*(?:at\\s+)?\\d{1,2}[:.]\\d{2}\\s*(?:[ap]\\.?m\\.?)?\\s*(?:[A-Z]{2,5}|GMT[+-]?\\d*)?)?\\s*[:|\\-–—]?$`,
  "i",
);
// "PLACE[, Region], <date>[ (Agency)] -": capitalised place, a comma, a date, then a dash or agency.
const AGENCY_DATELINE = new RegExp(
  `^\\p{Lu}[\\p{L}.'’ -]{1,40}?(?:,\\s*\\p{Lu}[\\p{L}.'’ -]{1,30}?)?,\\s+(${DATE_SOURCE})\\s*(?:\\([^)]{1,30}\\))?\\s*(?:[-–—:]|\\(|$)`,
  "iu",
);

/** The place of a dateline, before its first comma, is never longer than this (1 + 40 characters). */
const DATELINE_PLACE_MAX_CHARS = 41;
const PLACE_CHARACTERS = /^[\p{L}.'’ -]*$/u;

/**
 * A line can open with an agency dateline only when its first comma closes a place name: letters,
 * full stops, apostrophes, spaces and hyphens, after a first letter. AGENCY_DATELINE asks the same
 * and more; this cheap look saves running it on the lines of prose that fill most first lines.
 */
function mayBeAgencyDateline(line: string): boolean {
  const comma = line.indexOf(",");
  return comma >= 2 && comma <= DATELINE_PLACE_MAX_CHARS && PLACE_CHARACTERS.test(line.slice(1, comma));
}

/** True for a line that only states a date ("Thursday, May 26", "Fri 21 January 2022:"). */
export function isDateOnlyLine(line: string): boolean {
  return DATE_ONLY.test(line);
}

/**
 * The first DATELINE_SCAN_LINES non-blank lines that could hold a date, each cut to
 * DATELINE_MAX_CHARS and its spacing normalised. Every date form has a digit, so a line without
 * one is counted but never normalised; line ends and digits are found by index, so a long
 * paragraph is not read to its end.
 */
function dateLines(raw: string): string[] {
  const lines: string[] = [];
  const digits = /[0-9]/g;
  let nextDigit = -2;
  let nextLf = raw.indexOf("\n");
  let nextCr = raw.indexOf("\r");
  let counted = 0;
  for (let at = 0; at < raw.length && counted < DATELINE_SCAN_LINES; ) {
    if (nextLf !== -1 && nextLf < at) nextLf = raw.indexOf("\n", at);
    if (nextCr !== -1 && nextCr < at) nextCr = raw.indexOf("\r", at);
    const end = Math.min(nextLf === -1 ? raw.length : nextLf, nextCr === -1 ? raw.length : nextCr);
    const cut = Math.min(end, at + DATELINE_MAX_CHARS);
    if (cut > at && !isBlank(raw, at, cut)) {
      counted += 1;
      if (nextDigit !== -1 && nextDigit < at) {
        digits.lastIndex = at;
        nextDigit = digits.exec(raw)?.index ?? -1;
      }
      if (nextDigit !== -1 && nextDigit < cut) lines.push(normalizeSpace(raw.slice(at, cut)));
    }
    at = end + 1;
  }
  return lines;
}

/** Only whitespace (what normalizeSpace removes) in raw[from, to). */
function isBlank(raw: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (!isSpaceCode(raw.charCodeAt(i))) return false;
  }
  return true;
}

/**
 * The publication day a page states in its first lines, or null. A date line needs its own
 * year; an agency dateline without a year ("CAIRO, Jan 20 -") uses `yearHint` from metadata
 * when there is one. Example: datelineDay("Fri 21 January 2022:\n...", null) -> "2022-01-21".
 */
export function datelineDay(raw: string, yearHint: number | null): Day | null {
  for (const line of dateLines(raw)) {
    if (isDateOnlyLine(line)) {
      const date = readMonthDay(line);
      if (date?.year != null) return toDay(date.year, date.month, date.day);
      continue; // a banner without a year is never a publication date
    }
    const dateline = mayBeAgencyDateline(line) ? AGENCY_DATELINE.exec(line) : null;
    if (dateline) {
      const date = readMonthDay(dateline[1]);
      const year = date?.year ?? yearHint;
      if (date && year !== null) return toDay(year, date.month, date.day);
    }
  }
  return null;
}

/** A year named in the url's path ("/2022/01/..."), the only year hint metadata may give. */
export function yearHintFromUrl(url: string | null): number | null {
  const m = url ? /\/((?:19|20)\d{2})(?:\/|-\d{2})/.exec(url) : null;
  return m ? Number(m[1]) : null;
}
