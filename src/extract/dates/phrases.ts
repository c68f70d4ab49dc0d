// Relative time expressions read as windows around the publication day ("last week" is seven
// days, not chrono's single point). One row per expression; the row id is the rule id.
import type { DateWindow, Day } from "../../model/doc.ts";
import { parseQuantity } from "../quantities/find.ts";
import { addDays, makeDay, mondayOf, monthWindow, parts, weekdayOf } from "./calendar.ts";

/** "over the past few days", "in recent days": how far back such vague phrases reach. */
export const RECENT_DAYS = 5;
/** "in recent weeks". */
export const RECENT_WEEKS_DAYS = 28;
/** "two weeks ago" is a window this many days either side of the day it points at. */
export const WEEKS_AGO_SLACK_DAYS = 3;

export interface RelativePhrase {
  id: string;
  pattern: RegExp;
  /** true when the phrase names one day ("yesterday"), false for a window ("last week"). */
  exact: boolean;
  /** The window, given the publication day and the figure the phrase counts (if any). */
  window: (published: Day, n: number) => DateWindow;
}

const NUMBER = "(\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty-eight|several|few|couple of)";
const point = (d: Day): DateWindow => ({ earliest: d, latest: d });
const upTo = (published: Day, daysBack: number): DateWindow => ({ earliest: addDays(published, -daysBack), latest: published });

function monthsBefore(published: Day, n: number): DateWindow {
  const p = parts(published);
  const index = p.year * 12 + (p.month - 1) - n;
  return monthWindow(Math.floor(index / 12), (index % 12) + 1);
}

/** The most recent `month`/`day` on or before publication: a report tells of the last New Year's Eve, not the next. */
function lastOnOrBefore(published: Day, month: number, day: number): Day {
  const year = parts(published).year;
  const candidate = makeDay(year, month, day);
  return candidate <= published ? candidate : makeDay(year - 1, month, day);
}

/**
 * The Saturday and Sunday of the latest weekend on or before publication ("over the weekend");
 * `previous`: a weekend already over when the report was written ("last weekend", told on a
 * Saturday or Sunday, is the one before). Never past publication.
 */
function weekendWindow(published: Day, previous: boolean): DateWindow {
  let saturday = addDays(published, -((weekdayOf(published) + 1) % 7));
  if (previous && addDays(saturday, 1) >= published) saturday = addDays(saturday, -7);
  const sunday = addDays(saturday, 1);
  return { earliest: saturday, latest: sunday < published ? sunday : published };
}

/** Ordered most specific first; overlapping matches go to the longest. */
export const RELATIVE_PHRASES: readonly RelativePhrase[] = [
  { id: "date.day-before-yesterday", pattern: /\bthe day before yesterday\b/gi, exact: true, window: (p) => point(addDays(p, -2)) },
  { id: "date.yesterday", pattern: /\byesterday\b/gi, exact: true, window: (p) => point(addDays(p, -1)) },
  { id: "date.last-night", pattern: /\blast night\b/gi, exact: false, window: (p) => upTo(p, 1) },
  { id: "date.today", pattern: /\b(?:earlier |later )?(?:today|tonight|this (?:morning|afternoon|evening))\b/gi, exact: true, window: (p) => point(p) },
  // "late last week": its Thursday to Sunday; "early last week": its Monday to Wednesday.
  { id: "date.late-last-week", pattern: /\b(?:late|at the end of) last week\b/gi, exact: false, window: (p) => ({ earliest: addDays(mondayOf(p), -4), latest: addDays(mondayOf(p), -1) }) },
  { id: "date.early-last-week", pattern: /\b(?:early|at the (?:start|beginning) of) last week\b/gi, exact: false, window: (p) => ({ earliest: addDays(mondayOf(p), -7), latest: addDays(mondayOf(p), -5) }) },
  { id: "date.weekend", pattern: /\b(?:over|during|at) the weekend\b|\bthis (?:past )?weekend\b/gi, exact: false, window: (p) => weekendWindow(p, false) },
  { id: "date.last-weekend", pattern: /\blast weekend\b|\bthe previous weekend\b/gi, exact: false, window: (p) => weekendWindow(p, true) },
  { id: "date.last-week", pattern: /\b(?:last|the previous|the past) week\b|\bthe week before\b/gi, exact: false, window: (p) => ({ earliest: addDays(mondayOf(p), -7), latest: addDays(mondayOf(p), -1) }) },
  { id: "date.this-week", pattern: /\b(?:earlier )?this week\b/gi, exact: false, window: (p) => ({ earliest: mondayOf(p), latest: p }) },
  { id: "date.earlier-this-month", pattern: /\b(?:earlier )?this month\b/gi, exact: false, window: (p) => ({ earliest: makeDay(parts(p).year, parts(p).month, 1), latest: p }) },
  { id: "date.last-month", pattern: /\blast month\b/gi, exact: false, window: (p) => monthsBefore(p, 1) },
  { id: "date.this-year", pattern: /\b(?:earlier )?this year\b/gi, exact: false, window: (p) => ({ earliest: makeDay(parts(p).year, 1, 1), latest: p }) },
  { id: "date.last-year", pattern: /\blast year\b/gi, exact: false, window: (p) => ({ earliest: makeDay(parts(p).year - 1, 1, 1), latest: makeDay(parts(p).year - 1, 12, 31) }) },
  { id: "date.recent-days", pattern: /\b(?:(?:over|in|during|within) the (?:past|last) (?:few|several|couple of) days|in recent days|in the past days)\b/gi, exact: false, window: (p) => upTo(p, RECENT_DAYS) },
  { id: "date.recent-weeks", pattern: /\b(?:(?:over|in|during|within) the (?:past|last) (?:few|several|couple of) weeks|in recent weeks)\b/gi, exact: false, window: (p) => upTo(p, RECENT_WEEKS_DAYS) },
  { id: "date.past-days", pattern: new RegExp(`\\b(?:(?:over|in|during|within) )?the (?:past|last) ${NUMBER} days\\b`, "gi"), exact: false, window: (p, n) => upTo(p, n) },
  { id: "date.past-hours", pattern: new RegExp(`\\b(?:(?:over|in|during|within) )?the (?:past|last) ${NUMBER} hours\\b`, "gi"), exact: false, window: (p, n) => upTo(p, Math.ceil(n / 24)) },
  { id: "date.past-weeks", pattern: new RegExp(`\\b(?:(?:over|in|during|within) )?the (?:past|last) ${NUMBER} weeks\\b`, "gi"), exact: false, window: (p, n) => upTo(p, 7 * n) },
  { id: "date.relative-ago", pattern: new RegExp(`\\b${NUMBER} days? ago\\b`, "gi"), exact: true, window: (p, n) => point(addDays(p, -n)) },
  { id: "date.weeks-ago", pattern: new RegExp(`\\b${NUMBER} weeks? ago\\b`, "gi"), exact: false, window: (p, n) => ({ earliest: addDays(p, -7 * n - WEEKS_AGO_SLACK_DAYS), latest: addDays(p, -7 * n + WEEKS_AGO_SLACK_DAYS) }) },
  { id: "date.new-years-eve", pattern: /\bNew Year['’]?s Eve\b|\bthe eve of (?:the )?New Year\b/gi, exact: true, window: (p) => point(lastOnOrBefore(p, 12, 31)) },
  { id: "date.new-years-day", pattern: /\bNew Year['’]?s Day\b/gi, exact: true, window: (p) => point(lastOnOrBefore(p, 1, 1)) },
  { id: "date.christmas-eve", pattern: /\bChristmas Eve\b/gi, exact: true, window: (p) => point(lastOnOrBefore(p, 12, 24)) },
  { id: "date.christmas-day", pattern: /\bChristmas (?:Day|night)\b/gi, exact: true, window: (p) => point(lastOnOrBefore(p, 12, 25)) },
  { id: "date.months-ago", pattern: new RegExp(`\\b${NUMBER} months? ago\\b`, "gi"), exact: false, window: (p, n) => monthsBefore(p, n) },
];

/**
 * Reads the figure a phrase counts ("two" in "two weeks ago"); 1 when the phrase has none.
 * Vague figures ("few", "several") take their best reading.
 */
export function phraseFigure(group: string | undefined): number | null {
  if (group === undefined) return 1;
  const q = parseQuantity(group) ?? parseQuantity(`a ${group}`);
  return q && !q.noCount ? (q.best ?? q.low) : null;
}
