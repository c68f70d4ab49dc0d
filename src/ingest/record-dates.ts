// Publication dates as records carry them: ISO days and timestamps, RFC 2822 ("Mon, 03 Mar 2025
// 10:00:00 +0000", RSS pubDate), "March 3, 2025", epoch seconds and milliseconds, YYYYMMDD, and
// numeric day/month/year. "03/04/2025" is 3 April in most of the world and 4 March in the United
// States: the rest of the file decides (a "21/04/2025" elsewhere settles day-first), else the date
// is refused with the reason, never guessed. A day is the calendar day as written, whatever the
// time zone; an epoch timestamp is read in UTC.
import type { Day } from "../model/doc.ts";
import { parseDay, toDay } from "../text/dates.ts";

/** Epoch seconds from 1973 to 2286 have 9 or 10 digits; milliseconds of the same years have 12 or 13. */
const EPOCH_SECONDS = /^\d{9,10}$/;
const EPOCH_MILLISECONDS = /^\d{12,13}$/;
const COMPACT_DAY = /^((?:19|20)\d{2})(\d{2})(\d{2})$/;
/** "03/04/2025", "3.4.2025", "03-04-2025 10:00": two numbers then a four-digit year. */
const NUMERIC_DAY = /^(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d{2})(?:$|[\sT,])/;

/** Which number comes first in a file's numeric dates, from the dates that can only be read one way. */
export type NumericOrder = "day-first" | "month-first";

/** What the numeric dates of one file say about their order, gathered before any is read. */
export class NumericDateEvidence {
  dayFirst = 0;
  monthFirst = 0;

  /** Counts `value` when it is a numeric date that can only be read one way. */
  observe(value: unknown): void {
    const m = typeof value === "string" ? NUMERIC_DAY.exec(value.trim()) : null;
    if (!m) return;
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (a > 12 && b <= 12) this.dayFirst += 1;
    else if (b > 12 && a <= 12) this.monthFirst += 1;
  }

  /** The order the file settles, or why it settles none. */
  get order(): NumericOrder | "none" | "mixed" {
    if (this.dayFirst && this.monthFirst) return "mixed";
    if (this.dayFirst) return "day-first";
    if (this.monthFirst) return "month-first";
    return "none";
  }
}

/** A date field's value read as a day, or why it could not be. */
export type RecordDate = { day: Day } | { refused: "ambiguous" | "unreadable"; detail: string };

/**
 * Reads a publication date field. `evidence` is the file's (null when the record stands alone,
 * as in a POST). Examples: "2025-03-03T23:10:00-05:00" -> 2025-03-03; 1741000000 -> 2025-03-03;
 * "03/03/2025" -> 2025-03-03 (both readings agree); "03/04/2025" -> refused unless the file settles it.
 */
export function readRecordDate(value: unknown, evidence: NumericDateEvidence | null): RecordDate {
  const text = typeof value === "number" && Number.isFinite(value) ? String(Math.trunc(value)) : typeof value === "string" ? value.trim() : null;
  if (text === null || text === "") return { refused: "unreadable", detail: JSON.stringify(value) };
  if (EPOCH_SECONDS.test(text) || EPOCH_MILLISECONDS.test(text)) {
    const ms = EPOCH_SECONDS.test(text) ? Number(text) * 1000 : Number(text);
    const date = new Date(ms);
    const day = toDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
    return day ? { day } : { refused: "unreadable", detail: text };
  }
  const compact = COMPACT_DAY.exec(text);
  if (compact) {
    const day = toDay(Number(compact[1]), Number(compact[2]), Number(compact[3]));
    return day ? { day } : { refused: "unreadable", detail: text };
  }
  const numeric = NUMERIC_DAY.exec(text);
  if (numeric) return numericDay(Number(numeric[1]), Number(numeric[2]), Number(numeric[3]), text, evidence);
  const day = parseDay(text);
  return day ? { day } : { refused: "unreadable", detail: JSON.stringify(text) };
}

function numericDay(a: number, b: number, year: number, text: string, evidence: NumericDateEvidence | null): RecordDate {
  const dayFirst = toDay(year, b, a);
  const monthFirst = toDay(year, a, b);
  if (!dayFirst && !monthFirst) return { refused: "unreadable", detail: text };
  if (!dayFirst || !monthFirst || dayFirst === monthFirst) return { day: (dayFirst ?? monthFirst)! };
  const order = evidence?.order ?? "none";
  if (order === "day-first") return { day: dayFirst };
  if (order === "month-first") return { day: monthFirst };
  const why =
    order === "mixed"
      ? "the file has dates that can only be read day-first and others only month-first"
      : evidence
        ? "no other date in the file settles which number is the day"
        : "nothing else settles which number is the day";
  return { refused: "ambiguous", detail: `"${text}" reads as ${dayFirst} or ${monthFirst}, and ${why}` };
}
