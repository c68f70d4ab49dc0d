// Calendar dates and weekdays through chrono-node, with refiners that bias every incomplete date
// to the past: a news report tells what already happened, so "Saturday" or "20 January" is the
// most recent such day on or before publication, never the next one.
import * as chrono from "chrono-node";
import type { Parser, ParsingContext, Refiner } from "chrono-node";
import type { Day } from "../../model/doc.ts";
import { factorAlternatives } from "../../text/alternation.ts";
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

/**
 * What a sentence must contain for chrono to anchor a date in it once dropUnanchored has run:
 * a numeric date (two digits apart by "/", ".", "-" or a space: "5/6", "2024-03-02", "2014 12 3";
 * a lone figure or year is no date to chrono), a month or weekday name (chrono's English
 * dictionaries, "weekend" and "weekday" too), "night" ("last night" is a day), "month" ("end of
 * the month", "this month") or "overmorrow". Every other result is casual or relative and
 * dropped, so a sentence without any of these is not given to chrono at all: most sentences of a
 * report name no date, and chrono runs some twenty patterns and ten refiners over each.
 * A name counts where chrono's patterns can read it: after a non-letter or glued to what they
 * allow before it ("in", "of", "on", this/last/past/next, an ordinal: "1stMay"), and before a
 * non-letter or what they allow after it ("of", this/last/past/next, an ordinal, a year:
 * "May2014"). A superset is harmless (chrono then finds nothing); a miss would lose a date,
 * which chrono-cue.test.ts guards with sentences of date words glued every way.
 */
const CHRONO_NAMES = [
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec",
  "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
  "sun", "mon", "tue", "wed", "thurs", "thur", "thu", "fri", "sat", "weekend", "weekday",
].join("|");
const ORDINAL_WORDS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth";
const GLUE_BEFORE = `\\d|st|nd|rd|th|in|of|on|this|last|past|next|${ORDINAL_WORDS}`;
const GLUE_AFTER = `\\d|of|this|last|past|next|${ORDINAL_WORDS}|twenty|thirty`;
/**
 * The look-behinds are tried at every position of a sentence unless something cheaper fails
 * first: the look-ahead for a name, written as a trie (text/alternation.ts), only lets positions
 * where a name starts through. It asks nothing the names after it do not ask again.
 */
const NAME_AHEAD = `(?=${factorAlternatives(CHRONO_NAMES.split("|"))})`;
const CALENDAR_CUE_EXACT = new RegExp(
  `\\d[-/.\\s]\\d|night|month|overmorrow|${NAME_AHEAD}(?:(?<![a-z])|(?<=${GLUE_BEFORE}))(?:${CHRONO_NAMES})(?:(?![a-z])|(?=${GLUE_AFTER}))`,
  "i",
);
/** A fast superset of the above (no boundaries, no look-behind): most sentences fail it at once. */
const CALENDAR_CUE_QUICK = /\d[-/.\s]\d|night|month|overmorrow|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|sun|mon|tue|wed|thu|fri|sat|weekend|weekday/i;

/** True when chrono may anchor a date in `sentence`; false when it certainly anchors none. */
export function mayNameCalendarDate(sentence: string): boolean {
  return CALENDAR_CUE_QUICK.test(sentence) && CALENDAR_CUE_EXACT.test(sentence);
}

/**
 * The words chrono's time-unit parsers ("three days ago", "two weeks later") end their pattern
 * with, by parser: a sentence without one of them cannot match, so it is not shown to them (same
 * results). Their patterns are chrono's largest, and V8 compiles a pattern to machine code on its
 * second use: some 50 ms each, most of the date reading of a one-report command. The words are
 * matched as the patterns match them (case-insensitive, no Unicode folding into ASCII).
 */
export const TIME_UNIT_PARSER_WORDS: Readonly<Record<string, RegExp>> = {
  ENTimeUnitAgoFormatParser: /ago|before|earlier/i,
  ENTimeUnitLaterFormatParser: /later|after|from now|henceforth|forward|out/i,
};
/** An empty look-ahead never fails, so its negation never matches, not even in an empty text. */
const MATCHES_NOTHING = /(?!)/;

/** `parser`, shown only sentences that contain one of `words`. */
function cuedParser(parser: Parser, words: RegExp): Parser {
  return {
    pattern: (context) => (words.test(context.text) ? parser.pattern(context) : MATCHES_NOTHING),
    extract: (context, match) => parser.extract(context, match),
  };
}

/** Chrono's casual English configuration plus the refiners above, in order. */
export function pastBiasedChrono(): chrono.Chrono {
  const custom = chrono.casual.clone();
  custom.parsers = custom.parsers.map((parser) => {
    const words = TIME_UNIT_PARSER_WORDS[parser.constructor.name];
    return words ? cuedParser(parser, words) : parser;
  });
  custom.refiners.push(dropUnanchored, pastBiasedYear, pastBiasedWeekday);
  return custom;
}

