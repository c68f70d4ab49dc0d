// Day arithmetic over `YYYY-MM-DD` strings and inclusive date windows, in UTC so a day is a day.
import type { DateWindow, Day } from "../model/doc.ts";

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 ("1970-01-02" -> 1). */
export function dayNumber(day: Day): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / MS_PER_DAY);
}

/** The day `n` days after `day` (negative n goes back). */
export function addDays(day: Day, n: number): Day {
  return dayOfNumber(dayNumber(day) + n);
}

/** The day a day number stands for (1 -> "1970-01-02"); the inverse of dayNumber. */
export function dayOfNumber(n: number): Day {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** An inclusive window as day numbers: what merging compares, parsed once per mention. */
export interface DayRange {
  start: number;
  end: number;
}

export function dayRangeOf(window: DateWindow): DayRange {
  return { start: dayNumber(window.earliest), end: dayNumber(window.latest) };
}

export function dateWindowOf(range: DayRange): DateWindow {
  return { earliest: dayOfNumber(range.start), latest: dayOfNumber(range.end) };
}

/** Days between two ranges: 0 when they overlap, else the gap between the nearer ends. */
export function rangeGap(a: DayRange, b: DayRange): number {
  return Math.max(0, a.start - b.end, b.start - a.end);
}

/** Days between two windows: 0 when they overlap, else the gap between the nearer ends. */
export function windowGap(a: DateWindow, b: DateWindow): number {
  const gap = Math.max(dayNumber(a.earliest) - dayNumber(b.latest), dayNumber(b.earliest) - dayNumber(a.latest));
  return Math.max(0, gap);
}

/** Number of days a window spans minus one (an exact day has width 0). */
export function windowWidth(w: DateWindow): number {
  return dayNumber(w.latest) - dayNumber(w.earliest);
}

/** The days every window agrees on, or null when they do not all overlap. */
export function intersectWindows(windows: DateWindow[]): DateWindow | null {
  if (windows.length === 0) return null;
  const earliest = windows.map((w) => w.earliest).reduce((a, b) => (a > b ? a : b));
  const latest = windows.map((w) => w.latest).reduce((a, b) => (a < b ? a : b));
  return earliest <= latest ? { earliest, latest } : null;
}

/** True for a well-formed calendar day `YYYY-MM-DD`. */
export function isDay(text: string): boolean {
  // The round trip rejects days the calendar lacks ("2026-02-30" would otherwise roll over).
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(dayNumber(text)) && addDays(text, 0) === text;
}
