// Calendar arithmetic on `Day` strings (YYYY-MM-DD), always in UTC so that the host's time zone
// never shifts a date by one.
import type { Day } from "../../model/doc.ts";

const MS_PER_DAY = 86_400_000;

export function dayToDate(day: Day): Date {
  // A well-formed day is read by its digits: parsing a date string costs several times more,
  // on every date found. Anything else goes through the parser as before (which reads days 1-31
  // of any month the way Date.UTC does: "2025-02-30" is 2 March).
  const fields = dayFields(day);
  if (fields && fields.year >= 1000 && fields.month >= 1 && fields.month <= 12 && fields.day >= 1 && fields.day <= 31) {
    return new Date(Date.UTC(fields.year, fields.month - 1, fields.day, 12));
  }
  return new Date(`${day}T12:00:00Z`); // noon: safe from any off-by-one-hour drift
}

/** The fields of "YYYY-MM-DD" written with ASCII digits, else null. */
function dayFields(day: string): { year: number; month: number; day: number } | null {
  if (day.length !== 10 || day.charCodeAt(4) !== DASH || day.charCodeAt(7) !== DASH) return null;
  const digit = (i: number) => {
    const d = day.charCodeAt(i) - ZERO;
    return d >= 0 && d <= 9 ? d : NaN;
  };
  const year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  const month = digit(5) * 10 + digit(6);
  const dayOfMonth = digit(8) * 10 + digit(9);
  return Number.isNaN(year + month + dayOfMonth) ? null : { year, month, day: dayOfMonth };
}
const DASH = 0x2d;
const ZERO = 0x30;

/** "00" to "99": the fields of a day, written without a padding call per field. */
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, "0"));

export function dateToDay(date: Date): Day {
  // Dates are converted several times per sentence that names one; toISOString formats the time
  // too and is several times slower. Years it writes otherwise (signed, six digits) or an
  // invalid date (it throws) still go through it.
  const year = date.getUTCFullYear();
  if (!(year >= 1000 && year <= 9999)) return date.toISOString().slice(0, 10);
  return `${year}-${TWO_DIGITS[date.getUTCMonth() + 1]}-${TWO_DIGITS[date.getUTCDate()]}`;
}

export function makeDay(year: number, month: number, dayOfMonth: number): Day {
  return dateToDay(new Date(Date.UTC(year, month - 1, dayOfMonth, 12)));
}

export function addDays(day: Day, n: number): Day {
  return dateToDay(new Date(dayToDate(day).getTime() + n * MS_PER_DAY));
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(day: Day): number {
  return dayToDate(day).getUTCDay();
}

export function parts(day: Day): { year: number; month: number; day: number } {
  const fields = dayFields(day); // what the split below gives a well-formed day, without the arrays
  if (fields) return fields;
  const [year, month, d] = day.split("-").map(Number);
  return { year, month, day: d };
}

export function lastDayOfMonth(year: number, month: number): Day {
  return makeDay(year, month + 1, 0); // day 0 of the next month
}

export function monthWindow(year: number, month: number): { earliest: Day; latest: Day } {
  return { earliest: makeDay(year, month, 1), latest: lastDayOfMonth(year, month) };
}

/** The most recent day with this weekday on or before `day`. */
export function weekdayOnOrBefore(day: Day, weekday: number): Day {
  return addDays(day, -((weekdayOf(day) - weekday + 7) % 7));
}

/** Monday of the (ISO, Monday-first) week containing `day`. */
export function mondayOf(day: Day): Day {
  return weekdayOnOrBefore(day, 1);
}
