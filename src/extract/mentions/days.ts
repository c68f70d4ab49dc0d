// Day arithmetic for mention dates (UTC, so the host's time zone never shifts a day).
import type { Day } from "../../model/doc.ts";

const MS_PER_DAY = 86_400_000;

export function daysBetween(a: Day, b: Day): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / MS_PER_DAY);
}

export function shiftDay(day: Day, n: number): Day {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * MS_PER_DAY).toISOString().slice(0, 10);
}
