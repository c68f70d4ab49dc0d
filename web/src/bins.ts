// Time bins for the timeline that fit the range shown: days for a few weeks, weeks for up to a
// year and a half, months beyond. 665 incidents over two weeks make fourteen day bars, not one.

import { TYPE_STYLE, TYPES } from "./incidents.ts";

export type BinUnit = "day" | "week" | "month";

/** Ranges up to this many days are shown by day. */
export const MAX_DAY_BINS = 62;
/** Ranges up to this many days are shown by week (Monday to Sunday); longer ones by month. */
export const MAX_WEEK_RANGE_DAYS = 550;
const DAY_MS = 86_400_000;

export interface DayRange {
  since: string;
  until: string;
}

export interface Bins {
  unit: BinUnit;
  /** Start of each bin, unix seconds (UTC midnight), ascending. */
  starts: number[];
  /** Count per type per bin, aligned with `starts`. */
  byType: Map<string, number[]>;
  /** Incidents per bin over every type. */
  totals: number[];
}

export const toSeconds = (day: string): number => Date.parse(`${day}T00:00:00Z`) / 1000;
export const dayOfSeconds = (seconds: number): string => new Date(seconds * 1000).toISOString().slice(0, 10);

/** The unit for a range of days. */
export function unitFor(range: DayRange): BinUnit {
  const days = (toSeconds(range.until) - toSeconds(range.since)) / 86_400 + 1;
  if (days <= MAX_DAY_BINS) return "day";
  return days <= MAX_WEEK_RANGE_DAYS ? "week" : "month";
}

/** The first day (unix seconds) of the bin holding `day`. */
export function binStart(day: string, unit: BinUnit): number {
  const date = new Date(`${day}T00:00:00Z`);
  if (unit === "month") return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / 1000;
  if (unit === "week") return (date.getTime() - ((date.getUTCDay() + 6) % 7) * DAY_MS) / 1000;
  return date.getTime() / 1000;
}

/** The first day (unix seconds) of the bin after the one starting at `start`. */
export function nextBin(start: number, unit: BinUnit): number {
  if (unit === "day") return start + 86_400;
  if (unit === "week") return start + 7 * 86_400;
  const date = new Date(start * 1000);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / 1000;
}

/** "2025-01-13", "week of 2025-01-13", "January 2025". */
export function binLabel(start: number, unit: BinUnit): string {
  if (unit === "day") return dayOfSeconds(start);
  if (unit === "week") return `week of ${dayOfSeconds(start)}`;
  return new Date(start * 1000).toLocaleString("en", { month: "long", year: "numeric", timeZone: "UTC" });
}

/** The range of the incidents' dates (first days), or null when none is dated. */
export function rangeOf(items: Array<{ date: { earliest: string } | null }>): DayRange | null {
  let since: string | null = null;
  let until: string | null = null;
  for (const item of items) {
    const day = item.date?.earliest;
    if (!day) continue;
    if (since === null || day < since) since = day;
    if (until === null || day > until) until = day;
  }
  return since && until ? { since, until } : null;
}

/** Counts of dated incidents per type per bin over `range` (an incident counts on its first day). */
export function binIncidents(items: Array<{ type: string; date: { earliest: string } | null }>, range: DayRange, types: readonly string[]): Bins {
  const unit = unitFor(range);
  const starts: number[] = [];
  const last = binStart(range.until, unit);
  for (let s = binStart(range.since, unit); s <= last; s = nextBin(s, unit)) starts.push(s);
  const index = new Map(starts.map((s, i) => [s, i]));
  const byType = new Map(types.map((t) => [t, starts.map(() => 0)]));
  const totals = starts.map(() => 0);
  for (const item of items) {
    const day = item.date?.earliest;
    if (!day || day < range.since || day > range.until) continue;
    const i = index.get(binStart(day, unit));
    const row = byType.get(item.type);
    if (i === undefined || !row) continue;
    row[i] += 1;
    totals[i] += 1;
  }
  return { unit, starts, byType, totals };
}

/** The readout for bin `i`: "week of 2025-01-13: 12 incidents — 8 escape, 4 attack". */
export function binReadout(bins: Bins, i: number): string {
  const parts = TYPES.filter((t) => (bins.byType.get(t)?.[i] ?? 0) > 0).map((t) => `${bins.byType.get(t)![i]} ${TYPE_STYLE[t].label.toLowerCase()}`);
  const total = bins.totals[i] ?? 0;
  return `${binLabel(bins.starts[i], bins.unit)}: ${total} incident${total === 1 ? "" : "s"}${parts.length ? ` — ${parts.join(", ")}` : ""}`;
}
