// Calendar arithmetic on `Day` strings (YYYY-MM-DD), always in UTC so that the host's time zone
// never shifts a date by one.
import type { Day } from "../../model/doc.ts";

const MS_PER_DAY = 86_400_000;

export function dayToDate(day: Day): Date {
  return new Date(`${day}T12:00:00Z`); // noon: safe from any off-by-one-hour drift
}

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
