// Publication dates written into the page itself: a date line under the headline
// ("Fri 21 January 2022:") or an agency dateline opening the first paragraph
// ("CAIRO, Jan 20 (Reuters) -", "Beirut, Jan 21 (EFE)").
import type { Day } from "../model/doc.ts";
import { DATE_SOURCE, readMonthDay, toDay } from "./dates.ts";
import { normalizeSpace } from "./normalize.ts";

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

/** True for a line that only states a date ("Thursday, May 26", "Fri 21 January 2022:"). */
export function isDateOnlyLine(line: string): boolean {
  return DATE_ONLY.test(line);
}

/**
 * The publication day a page states in its first lines, or null. A date line needs its own
 * year; an agency dateline without a year ("CAIRO, Jan 20 -") uses `yearHint` from metadata
 * when there is one. Example: datelineDay("Fri 21 January 2022:\n...", null) -> "2022-01-21".
 */
export function datelineDay(raw: string, yearHint: number | null): Day | null {
  const lines: string[] = [];
  for (const match of raw.matchAll(/[^\r\n]+/g)) {
    const line = normalizeSpace(match[0].slice(0, DATELINE_MAX_CHARS));
    if (line !== "") lines.push(line);
    if (lines.length === DATELINE_SCAN_LINES) break;
  }
  for (const line of lines) {
    if (isDateOnlyLine(line)) {
      const date = readMonthDay(line);
      if (date?.year != null) return toDay(date.year, date.month, date.day);
      continue; // a banner without a year is never a publication date
    }
    const dateline = AGENCY_DATELINE.exec(line);
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
