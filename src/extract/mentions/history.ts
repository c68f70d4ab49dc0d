// History: a trigger whose nearest time expression lies well before publication tells background
// ("in 2014 they stormed the prison"), unless the sentence also dates something recent ("stormed
// ... on Friday, its biggest attack since the fall of its caliphate three years ago").
import type { Annotation, DateWindow, Day, Span } from "../../model/doc.ts";
import type { DateValue } from "../dates/index.ts";
import { distanceTo } from "./context.ts";
import { daysBetween } from "./days.ts";
import { matchesOf } from "../../text/alternation.ts";
import { acrossRelativeClause } from "../window.ts";

/** A dated sentence whose window ends this long before publication is background history. */
export const BACKGROUND_DAYS = 45;

export interface TimeMark extends Span {
  past: boolean;
}

const SINCE_RULE = "date.since";
/** "N years ago", "decades ago" (with "this week" folded in: "five years ago this week"). */
const YEARS_AGO = /\b(?:\w+|\d+)\s+(?:years?|decades?)\s+(?:ago(?:\s+(?:this|last)\s+(?:week|month))?|after|since|on)\b|\banniversary\b/gi;
/** A word every YEARS_AGO match holds: YEARS_AGO tries a word at every word start, this is one scan. */
const YEARS_AGO_WORD = /years?|decades?|anniversary/i;
/** A year from the 1950s on ("2014", "the 1990s"), read as history when before publication. */
const YEAR_MARK = /\b(19[5-9]\d|20\d\d)(?:s\b|\b)/g;
/** What every YEAR_MARK match holds, in one scan without word boundaries. */
const YEAR_DIGITS = /19[5-9]\d|20\d\d/;

/** Every time expression of a sentence, marked past (history) or not: dates, "five years ago", "2014". */
export function timesOf(text: string, sentence: Span, dates: Array<Annotation<DateValue>>, published: Day | null): TimeMark[] {
  const marks: TimeMark[] = [];
  const body = text.slice(sentence.start, sentence.end);
  if (YEARS_AGO_WORD.test(body)) for (const m of matchesOf(YEARS_AGO, body)) marks.push({ start: sentence.start + m.index!, end: sentence.start + m.index! + m[0].length, past: true });
  for (const d of dates) {
    if (marks.some((x) => x.start < d.end && d.start < x.end)) continue;
    // "the biggest escape since 2022, when 800 fled": a span that began long ago points at its start.
    const since = d.rule === SINCE_RULE && isBackgroundDate({ earliest: d.value.earliest, latest: d.value.earliest }, published);
    marks.push({ start: d.start, end: d.end, past: since || isBackgroundDate(d.value, published) });
  }
  if (published && YEAR_DIGITS.test(body)) {
    const year = Number(published.slice(0, 4));
    for (const m of matchesOf(YEAR_MARK, body)) {
      const start = sentence.start + m.index!;
      if (Number(m[1]) >= year || marks.some((x) => x.start <= start && start < x.end)) continue;
      if (/^\s*(?:-|–)?\s*(?:year-old|per\s|km|kilomet|people|prisoners|inmates)/i.test(text.slice(start + 4, start + 20))) continue;
      marks.push({ start, end: start + m[0].length, past: true });
    }
  }
  return marks;
}

/** A sentence that only tells history: it has time expressions and every one is past. */
export function onlyHistory(times: TimeMark[]): boolean {
  return times.length > 0 && times.every((t) => t.past);
}

/**
 * A trigger belongs to the time expression nearest to it on its own side of a relative clause's
 * opening ("attacked the prison, from which 800 escaped in July 2022, on Friday night"); history
 * when that one is past.
 */
export function nearestTimeIsPast(text: string, times: TimeMark[], t: Span): boolean {
  const own = times.filter((mark) => !acrossRelativeClause(text, t, mark));
  let nearest: TimeMark | null = null;
  let distance = Infinity;
  for (const mark of own.length > 0 ? own : times) {
    const d = distanceTo(t, mark);
    if (d < distance) {
      nearest = mark;
      distance = d;
    }
  }
  return nearest?.past ?? false;
}

/** A window that ended well before publication tells history. */
export function isBackgroundDate(value: DateWindow, published: Day | null): boolean {
  if (!published || !value.latest) return false;
  return daysBetween(value.latest, published) > BACKGROUND_DAYS;
}
