// References: a trigger that names an event told elsewhere rather than telling it. "After the
// attack", "since the jailbreak", "a year after the breakout at X", "in that riot", "the attack on
// X was claimed by", "the escaped inmates", "the fleeing prisoners". A reference is not dated by its sentence ("police recaptured ten of the
// escaped inmates on Monday": Monday is the recapture's day); it is dated by its own words ("a
// year after the attack": a year before publication), and history when those say so.
import type { DateWindow, Day, Span } from "../../model/doc.ts";
import type { IncidentType } from "../../model/incident.ts";
import { DETAINEE_NOUNS, matchAll } from "../lexicon.ts";
import { windowAfter } from "../window.ts";
import type { Story, Working } from "./context.ts";
import { shiftDay } from "./days.ts";
import { isBackgroundDate } from "./history.ts";
import { UNDATED_LOOKBACK_DAYS } from "./date-windows.ts";

/** "after the", "since last Friday's", "following that": what introduces an earlier event. */
const AFTER_THE = /\b(?:after|since|following|before|ahead of|on from)\s+(?:the|last\s+\w+['’]s|\w+['’]s|this|that)\s+(?:[\w-]+\s+)?$/i;
/** "in that riot", "the same attack": a demonstrative points back at an event already told. */
const DEMONSTRATIVE_BEFORE = /\b(?:that|the\s+same|the\s+earlier|the\s+previous|the\s+first)\s+$/i;
/** "the escaped inmates", "of the fleeing prisoners": a participle describing detainees. */
const DETERMINER_BEFORE = /\b(?:the|these|those|of)\s+$/i;
/** "a year after", "more than six months after", "three weeks since": how long before the telling the event was. */
const INTERVAL_BEFORE = /\b(?:(more than|over|nearly|almost|about|around|some)\s+)?(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+(day|week|month|year)s?\s+(?:after|since|following|on from)\s+(?:the|last\s+\w+['’]s|\w+['’]s|this|that)\s+(?:[\w-]+\s+)?$/i;
/** "The attack on X was claimed by ...", "the deadly jailbreak": a definite noun for an event the reader is taken to know. */
const DEFINITE_BEFORE = /(?:^|[^\w])the\s+(?:[\w-]+\s+)?$/i;
/** "the escape of 826 prisoners", "the release of some 2,000 inmates": an event noun with its own count. */
const COUNTED_AFTER = /^\s+of\s+(?:(?:about|around|some|more\s+than|over|at\s+least|nearly|almost|up\s+to|an\s+estimated)\s+)?(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds|dozens|scores|thousands)\b)/i;
const COUNTED_AFTER_CHARS = 40;
/** A verb's past or participle, not an event noun: "escaped", "fled", "broke out of". */
const VERB_FORM = /^(?:\S+ed|fled|broke|broken|stormed|\S+ing|took|taken|fell|fallen|overran|overrun|set|let|threw|thrown|went|ran|held|shot|blew|began|seized|freed)(?:\s|$)/i;
const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const UNIT_DAYS: Record<string, number> = { day: 1, week: 7, month: 30, year: 365 };
/** "a year after" is about a year: the window reaches this share of the interval either side. */
const INTERVAL_SLACK = 0.5;
/** Characters before a trigger read for these cues. */
const LOOKBEHIND_CHARS = 60;

export function isReference(text: string, trigger: Span): boolean {
  const before = text.slice(Math.max(0, trigger.start - LOOKBEHIND_CHARS), trigger.start);
  const word = text.slice(trigger.start, trigger.end);
  if (AFTER_THE.test(before)) return true;
  // "in that riot" points back; "inmates that escaped" is a relative clause telling the escape.
  if (DEMONSTRATIVE_BEFORE.test(before) && !(/\bthat\s+$/i.test(before) && VERB_FORM.test(word))) return true;
  // "The attack on the Kuje prison was claimed by ISWAP": a definite event noun (not a participle).
  // "The army took control of": a verb after a definite subject tells the event.
  // "allowed the escape of 826 prisoners" tells the event with its count, it does not point back.
  if (DEFINITE_BEFORE.test(before) && !/(?:ed|ing)$/i.test(word) && !VERB_FORM.test(word)) return !COUNTED_AFTER.test(text.slice(trigger.end, trigger.end + COUNTED_AFTER_CHARS));
  if (!DETERMINER_BEFORE.test(before)) return false;
  if (/ed$/i.test(word)) return true;
  // "the fleeing inmates": a present participle only when detainees follow it.
  return /ing$/i.test(word) && matchAll(DETAINEE_NOUNS, text, trigger.end, windowAfter(text, trigger.end, 1, text.length)).length > 0;
}

/** The window a reference's own words give it: "a year after the attack" -> about a year before publication. */
export function referenceWindow(text: string, trigger: Span, published: Day | null): DateWindow | null {
  if (!published) return null;
  const m = INTERVAL_BEFORE.exec(text.slice(Math.max(0, trigger.start - LOOKBEHIND_CHARS), trigger.start));
  if (!m) return null;
  const n = NUMBER_WORDS[m[2].toLowerCase()] ?? Number(m[2]);
  const days = n * UNIT_DAYS[m[3].toLowerCase()];
  // "more than a month after": at least a month, at most about twice that.
  if (/^(?:more than|over)$/i.test(m[1] ?? "")) return { earliest: shiftDay(published, -2 * days), latest: shiftDay(published, -days) };
  const slack = Math.round(days * INTERVAL_SLACK);
  return { earliest: shiftDay(published, -days - slack), latest: shiftDay(published, -days + slack) };
}

/**
 * Story stage: a reference that its own words leave undated joins the event the story tells of
 * the same kind (the within-document merge folds it in); with no such event it is background
 * ("the attack was claimed by ISWAP" in a later report), never a new incident dated by publication.
 */
export function settleReferences(story: Story): void {
  // "300 prisoners fled the Ghazni prison after the Taliban attack on Sunday", "escaped during
  // Friday's attack": an attack or riot named beside the departure it caused, at the same
  // facility, is that night's event and takes the departure's date.
  for (const m of story.mentions) {
    if (!story.references.has(m) || m.date || !CAUSES_DEPARTURE.has(m.type)) continue;
    const caused = story.mentions.find((t) => t.sentence === m.sentence && !story.references.has(t) && (t.type === "escape" || t.type === "release") && t.date && t.facility && (!m.facility || m.facility.id === t.facility.id));
    if (!caused) continue;
    m.date = caused.date;
    m.facility ??= caused.facility;
    m.place ??= caused.place;
    story.references.delete(m);
  }
  // "The escape of 20 inmates from the X prison has raised questions": a reference that gives
  // figures tells the event.
  for (const m of story.mentions) if (story.references.has(m) && !m.date && m.counts.length) story.references.delete(m);
  // "A curfew was imposed on Tikrit after the jailbreak at the Tasfirat prison": the event a told
  // response of its own sentence follows is news too, not background.
  // It came before that response: no later than the response's own day.
  for (const m of story.mentions) {
    if (!story.references.has(m) || m.date) continue;
    const answer = answerInSentence(story, m);
    if (!answer) continue;
    story.references.delete(m);
    if (answer.date) m.date = { earliest: shiftDay(answer.date.earliest, -UNDATED_LOOKBACK_DAYS), latest: answer.date.latest };
  }
  const told = story.mentions.filter((m) => !story.references.has(m));
  story.mentions = story.mentions.filter((m) => !story.references.has(m) || m.date || told.some((t) => sameFamily(t.type, m.type)));
}

/** A told event of another kind before the reference in its sentence, answering it: "imposed a curfew after the riot at X". */
function answerInSentence(story: Story, reference: Working): Working | undefined {
  if (!AFTER_THE.test(story.text.slice(Math.max(0, reference.trigger.start - LOOKBEHIND_CHARS), reference.trigger.start))) return undefined;
  return story.mentions.find((t) => t.sentence === reference.sentence && t.type !== reference.type && !story.references.has(t) && t.trigger.end <= reference.trigger.start && !(t.date && isBackgroundDate(t.date, story.doc.published)));
}

/** Events that free detainees in the same night: an attack on the facility, a riot inside it. */
const CAUSES_DEPARTURE = new Set<IncidentType>(["attack", "riot"]);

/** Escapes and releases are one departure told two ways; other kinds stand alone. */
function sameFamily(a: IncidentType, b: IncidentType): boolean {
  const departure = (t: IncidentType) => t === "escape" || t === "release";
  return a === b || (departure(a) && departure(b));
}
