// Calendar dates as news pages write them. A publication date needs a year: "Thursday, May 26"
// alone names no day we could stand behind.
import type { Day } from "../model/doc.ts";

const MONTHS: Array<[number, string]> = [
  [1, "jan(?:uary)?"], [2, "feb(?:ruary)?"], [3, "mar(?:ch)?"], [4, "apr(?:il)?"], [5, "may"], [6, "june?"],
  [7, "july?"], [8, "aug(?:ust)?"], [9, "sep(?:t(?:ember)?)?"], [10, "oct(?:ober)?"], [11, "nov(?:ember)?"], [12, "dec(?:ember)?"],
];
const MONTH = `(${MONTHS.map(([, p]) => p).join("|")})\\.?`;
const WEEKDAY = "(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\\.?";
const DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
const YEAR = "((?:19|20)\\d{2})";

/** Minimum and maximum years accepted as publication years. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

// Each form captures day, month and (optionally) year in named order.
const FORMS: Array<{ source: string; order: ["d", "m", "y"] | ["m", "d", "y"] | ["y", "m", "d"] }> = [
  { source: `${DAY}\\s+(?:of\\s+)?${MONTH},?(?:\\s+${YEAR})?`, order: ["d", "m", "y"] },
  { source: `${MONTH}\\s+${DAY}(?:,?\\s+${YEAR})?`, order: ["m", "d", "y"] },
  { source: `${YEAR}-(\\d{2})-(\\d{2})`, order: ["y", "m", "d"] },
];
/** Any one date form, optionally after a weekday: "Fri 21 January 2022", "Jan. 20". */
export const DATE_SOURCE = `(?:${WEEKDAY},?\\s+)?(?:${FORMS.map((f) => f.source).join("|")})`;

export interface MonthDay {
  year: number | null;
  month: number;
  day: number;
}

function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  for (const [n, pattern] of MONTHS) if (new RegExp(`^${pattern}$`).test(lower)) return n;
  return Number(lower);
}

/** Reads the first date form in `text` ("21 January 2022", "Jan 20"), year or not. */
export function readMonthDay(text: string): MonthDay | null {
  for (const form of FORMS) {
    const m = new RegExp(`(?:^|[^\\p{L}\\p{N}])${form.source}(?![\\p{L}\\p{N}])`, "iu").exec(text);
    if (!m) continue;
    const parts: Record<string, string | undefined> = {};
    form.order.forEach((name, k) => (parts[name] = m[k + 1]));
    const month = monthNumber(parts.m ?? "");
    const day = Number(parts.d);
    const year = parts.y ? Number(parts.y) : null;
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return { year, month, day };
  }
  return null;
}

/** YYYY-MM-DD for a real calendar day inside the accepted years, else null. */
export function toDay(year: number, month: number, day: number): Day | null {
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * A metadata date value as a Day: "2022-01-21", "2022-01-21T09:30:00Z", "2022/01/21",
 * "Fri, 21 Jan 2022 09:30:00 GMT", "January 21, 2022". Year-less or unreadable values give null.
 */
export function parseDay(value: unknown): Day | null {
  if (typeof value !== "string") return null;
  const text = value.trim();
  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:$|[T\s])/.exec(text);
  if (iso) return toDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const found = readMonthDay(text);
  return found && found.year !== null ? toDay(found.year, found.month, found.day) : null;
}
