// Calendar dates and weekdays through chrono-node, with refiners that bias every incomplete date
// to the past: a news report tells what already happened, so "Saturday" or "20 January" is the
// most recent such day on or before publication, never the next one.
import * as chrono from "chrono-node";
import type { ParsingContext, Refiner } from "chrono-node";
import type { Day } from "../../model/doc.ts";
import { addDays, dateToDay, makeDay, parts, weekdayOf, weekdayOnOrBefore } from "./calendar.ts";

/** How many days after publication a yearless date may fall before it is read as last year's. */
export const FUTURE_GRACE_DAYS = 0;

/** Tags our refiners put on results so the conversion stage can name the rule. */
export const TAG = {
  weekdayPast: "escapewatch/weekday-past",
  weekdayLast: "escapewatch/weekday-last",
  weekdayNext: "escapewatch/weekday-next",
  pastYear: "escapewatch/past-year",
} as const;

const referenceDay = (context: ParsingContext): Day => dateToDay(context.reference.instant);

/**
 * Drops what this module does not own: times of day without a date ("at 3 a.m."), and casual or
 * relative expressions ("yesterday", "24 hours later", "last week"), which phrases.ts reads as
 * windows instead of chrono's points.
 */
const dropUnanchored: Refiner = {
  refine: (_context, results) =>
    results.filter((r) => {
      const s = r.start;
      const casual = [...r.tags()].some((t) => t.startsWith("result/relative") || t.startsWith("casualReference/"));
      const weekdayOnly = s.isCertain("weekday") && !s.isCertain("day"); // "Thursday night" is ours
      const anchored = s.isCertain("day") || s.isCertain("month") || s.isCertain("weekday");
      const crossesParagraph = /\n\s*\n/.test(r.text);
      return anchored && !crossesParagraph && (!casual || weekdayOnly);
    }),
};

/** "20 January" without a year: the most recent 20 January on or before the reference day. */
const pastBiasedYear: Refiner = {
  refine: (context, results) => {
    const ref = referenceDay(context);
    const latestAllowed = addDays(ref, FUTURE_GRACE_DAYS);
    for (const r of results) {
      const s = r.start;
      if (s.isCertain("year") || !s.isCertain("month")) continue;
      const month = s.get("month")!;
      const day = s.isCertain("day") ? s.get("day")! : 1;
      let year = parts(ref).year;
      if (makeDay(year, month, day) > latestAllowed) year -= 1;
      s.imply("year", year);
      r.end?.imply("year", year + (r.end.get("month")! < month ? 1 : 0));
      r.addTag(TAG.pastYear);
    }
    return results;
  },
};

/** "on Saturday": the most recent Saturday on or before the reference day ("last" is strictly before). */
const pastBiasedWeekday: Refiner = {
  refine: (context, results) => {
    const ref = referenceDay(context);
    for (const r of results) {
      const s = r.start;
      if (!s.isCertain("weekday") || s.isCertain("day")) continue;
      const weekday = s.get("weekday")!;
      let day: Day;
      if (/\bnext\b/i.test(r.text)) {
        day = addDays(ref, (weekday - weekdayOf(ref) + 7) % 7 || 7);
        r.addTag(TAG.weekdayNext);
      } else if (/\blast\b/i.test(r.text)) {
        day = weekdayOnOrBefore(addDays(ref, -1), weekday);
        r.addTag(TAG.weekdayLast);
      } else {
        day = weekdayOnOrBefore(ref, weekday);
        r.addTag(TAG.weekdayPast);
      }
      const p = parts(day);
      s.imply("year", p.year).imply("month", p.month).imply("day", p.day);
    }
    return results;
  },
};

/** Chrono's casual English configuration plus the refiners above, in order. */
export function pastBiasedChrono(): chrono.Chrono {
  const custom = chrono.casual.clone();
  custom.refiners.push(dropUnanchored, pastBiasedYear, pastBiasedWeekday);
  return custom;
}

