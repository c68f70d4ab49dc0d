// Stages: the date window of every mention.
//   1. Each event takes the nearest date of its sentence; a dateline's date ("NIAMEY, July 12 -")
//      says when the report was filed, not when anything happened, and a date of speech ("police
//      said on Wednesday") only bounds what was said: the events come no later.
//   2. A sentence's date is the date of every event in it that names none of its own, except
//      references to an earlier event ("after the attack", "the escaped inmates"), which take
//      only what their own words say ("a year after the attack").
//   3. (story) Undated mentions take the window of the last dated mention at the same facility
//      (an alert: of the story's last dated event), up to publication, else publication day and
//      the day before.
import type { Annotation, DateWindow, Day, Span } from "../../model/doc.ts";
import type { IncidentType } from "../../model/incident.ts";
import type { DateValue } from "../dates/index.ts";
import { distanceTo, lineStartWithin, nearestMention, type SentenceView, type Story, type Working } from "./context.ts";
import { shiftDay } from "./days.ts";
import { acrossRelativeClause } from "../window.ts";
import { referenceWindow } from "./references.ts";

/**
 * An undated mention with no earlier dated one is placed on publication day or the day before:
 * reports tell of today and yesterday, and a wider default would widen exact days.
 */
export const UNDATED_LOOKBACK_DAYS = 1;

/** "said on Wednesday", "told reporters late Monday", "in a statement on Friday": when it was said. */
const SPEECH_BEFORE = /\b(?:said|says|told(?:\s+[\w.]+){0,2}|announced|reported|confirmed|stated|added|noted|statement|briefing|conference)\s+(?:(?:late|early)\s+)?(?:on\s+)?$/i;
/** "Tuesday's attack", "the January jailbreak": a date inside a reference's own noun phrase. */
const OWN_DATE_GAP = /^(?:['’]s)?\s+(?:[\w-]+\s+)?$/;

/** Verbs that tell of the event itself: "the transfer had been completed on Saturday", "the attack began at dawn". */
const EVENT_PREDICATES = new Set(["happened", "occurred", "took", "place", "began", "begun", "started", "came", "erupted", "broke", "out", "unfolded", "ended", "completed", "finished", "carried", "launched", "staged", "lasted", "was", "were", "is", "had", "has", "have", "been"]);

/** "The attack on the Kuje prison late on Thursday", "the transfer was completed on Saturday": a date in the reference's own clause, reached without another verb. */
function toldOfItself(s: SentenceView, trigger: Span, d: Span): boolean {
  const between = s.tags().filter((t) => t.start >= trigger.end && t.end <= d.start);
  return between.every((t) => !(t.pos === "VERB" || t.pos === "AUX" || t.pos === "PUNCT") || EVENT_PREDICATES.has(t.lower) || (t.pos === "PUNCT" && t.lower === "-"));
}

/** "the attack", "the transfer" (not "the escaped inmates"): a noun naming the event. */
function isEventNoun(text: string, trigger: Span): boolean {
  return !/(?:ed|ing)$/i.test(text.slice(trigger.start, trigger.end));
}

/** An event told in the sentence before the reference claims the dates that follow it. */
function toldBefore(s: SentenceView, reference: Working): boolean {
  return s.created.some((c) => !s.story.references.has(c) && c.trigger.end <= reference.trigger.start);
}

export function linkDates(s: SentenceView): void {
  if (s.created.length === 0) return; // dates go to this sentence's events only
  const text = s.story.text;
  const { references } = s.story;
  const datedBy = new Map<Working, Annotation<DateValue>>();
  const used = new Set<Annotation<DateValue>>();
  for (const m of s.created.filter((c) => references.has(c))) {
    const own = referenceWindow(text, m.trigger, s.story.doc.published);
    const inPhrase =
      s.dates.find((d) => d.end <= m.trigger.start && OWN_DATE_GAP.test(text.slice(d.end, m.trigger.start))) ??
      (isEventNoun(text, m.trigger) && !toldBefore(s, m) ? s.dates.find((d) => d.start >= m.trigger.end && toldOfItself(s, m.trigger, d)) : undefined);
    if (own) m.date = own;
    else if (inPhrase) {
      m.date = { earliest: inPhrase.value.earliest, latest: inPhrase.value.latest };
      m.evidence.push({ start: inPhrase.start, end: inPhrase.end, kind: "date", rule: inPhrase.rule });
      used.add(inPhrase);
    }
  }
  for (const d of s.dates) {
    if (used.has(d) || isDatelineDate(text, d) || isSpeechDate(text, s.sentence, d) || !d.value.earliest) continue;
    const m = nearestInClause(text, s.created.filter((c) => !references.has(c)), d);
    const current = m ? datedBy.get(m) : undefined;
    if (m && !m.date && (!current || distanceTo(m.trigger, d) < distanceTo(m.trigger, current))) datedBy.set(m, d);
  }
  for (const [m, d] of datedBy) {
    m.date = { earliest: d.value.earliest, latest: d.value.latest };
    m.evidence.push({ start: d.start, end: d.end, kind: "date", rule: d.rule });
  }
}

/**
 * "Police recaptured nine inmates on Thursday who had escaped last week": a date goes to the
 * nearest event on its own side of a relative clause's boundary; a date inside a relative clause
 * that tells no event ("from which 800 escaped in July 2022") dates nothing outside it.
 */
function nearestInClause(text: string, mentions: Working[], d: Span): Working | undefined {
  return nearestMention(mentions.filter((m) => !acrossRelativeClause(text, m.trigger, d)), d);
}

export function shareSentenceDate(s: SentenceView): void {
  const { references } = s.story;
  const dated = s.created.find((m) => m.date && !references.has(m));
  // "The attack on the prison late on Thursday freed 400 inmates": what happened there during the
  // event the sentence names takes its date.
  const namedEvent = dated ? undefined : s.created.find((m) => references.has(m) && m.evidence.some((e) => e.kind === "date"));
  if (!dated && !namedEvent) {
    boundBySpeech(s);
    return;
  }
  const source = (dated ?? namedEvent)!;
  // The date's evidence goes along: the text dated these events too.
  const evidence = source.evidence.filter((e) => e.kind === "date");
  for (const m of s.created) {
    if (references.has(m) || m.date || (namedEvent && !DURING_THE_EVENT.has(m.type))) continue;
    m.date = source.date;
    m.evidence.push(...evidence);
  }
}
/** What happens at the facility during the event a sentence names (not the recaptures and moves that follow it). */
const DURING_THE_EVENT = new Set<IncidentType>(["attack", "escape", "riot", "release", "control_change"]);

/**
 * "Gangs took control of the National Penitentiary. The takeover happened late Friday.": a
 * sentence that tells no event of its own but when "the incident" happened dates the undated
 * events of the sentences just before it.
 */
export function dateToldEvent(s: SentenceView): void {
  if (s.created.length > 0 || s.dates.length === 0) return;
  const text = s.story.text;
  if (!INCIDENT_HAPPENED.test(text.slice(s.sentence.start, s.sentence.end))) return;
  const d = s.dates.find((x) => x.value.earliest && !isSpeechDate(text, s.sentence, x) && !isDatelineDate(text, x));
  if (!d) return;
  for (const m of s.story.mentions) {
    if (m.date || s.story.references.has(m) || s.index - m.sentence > TOLD_EVENT_REACH_SENTENCES) continue;
    m.date = { earliest: d.value.earliest, latest: d.value.latest };
    m.evidence.push({ start: d.start, end: d.end, kind: "date", rule: d.rule });
  }
}
/** "The incident occurred", "It happened", "The takeover took place": when the event just told happened. */
const INCIDENT_HAPPENED = /^\W*(?:(?:the|this|that)\s+(?:[\w-]+\s+)?(?:incident|takeover|take-over|events?|violence|unrest|stand-?off|siege|operation|mutiny|uprising|clashes|fighting|chaos|break-in)|it)\s+(?:\w+\s+){0,2}?(?:happened|occurred|took\s+place|began|started|broke\s+out|erupted|unfolded)\b/i;
/** The told event is looked for this many sentences back. */
const TOLD_EVENT_REACH_SENTENCES = 2;

/** "Twenty inmates escaped, police said on Monday": the escape came on Monday or the day before. */
function boundBySpeech(s: SentenceView): void {
  const text = s.story.text;
  const speech = s.dates.find((d) => d.value.earliest && isSpeechDate(text, s.sentence, d));
  if (!speech) return;
  for (const m of s.created) {
    if (s.story.references.has(m) || m.date) continue;
    m.date = { earliest: shiftDay(speech.value.earliest, -UNDATED_LOOKBACK_DAYS), latest: speech.value.latest };
    m.evidence.push({ start: speech.start, end: speech.end, kind: "date", rule: "date.said-on" });
  }
}

function isSpeechDate(text: string, sentence: Span, d: Span): boolean {
  return SPEECH_BEFORE.test(text.slice(Math.max(sentence.start, d.start - SPEECH_REACH_CHARS), d.start));
}
const SPEECH_REACH_CHARS = 40;

/**
 * Undated mentions: the window of the last dated mention before them, up to publication. What
 * happens at the facility during that event, told a sentence or two after it ("Rebels took the
 * prison Friday. They freed hundreds of inmates."; "Three inmates escaped during the unrest"),
 * takes the event's own window: widening it to publication would widen an exact day.
 */
export function fillUndatedWindows(story: Story): void {
  const published = story.doc.published;
  // Anchors are per facility (or place): a roundup's second story does not inherit the first's day.
  const anchors = new Map<string, Working>();
  const keyOf = (m: Working) => m.facility?.id ?? m.place?.id ?? m.place?.name ?? "";
  // An alert answers the story's latest event, wherever the forces went.
  let latest: DateWindow | undefined;
  for (const m of story.mentions.filter((x) => !story.references.has(x) || x.date)) {
    if (m.date) {
      anchors.set(keyOf(m), m);
      latest = m.date;
      continue;
    }
    if (!published) continue;
    const anchorMention = m.type === "alert" ? undefined : anchors.get(keyOf(m));
    const anchor = m.type === "alert" ? latest : anchorMention?.date ?? undefined;
    if (anchorMention?.date && anchorMention.date.latest <= published && sameEvent(anchorMention, m)) {
      // The date's evidence goes along: the text dated this event too.
      m.date = anchorMention.date;
      m.evidence.push(...anchorMention.evidence.filter((e) => e.kind === "date"));
      continue;
    }
    const earliest: Day = anchor && anchor.earliest <= published ? anchor.earliest : shiftDay(published, -UNDATED_LOOKBACK_DAYS);
    m.date = { earliest, latest: published };
  }
}

/** Sentences after a dated event within which an undated one at its facility happens during it. */
const DURING_REACH_SENTENCES = 2;

/** An undated mention told just after a dated one at the same facility, of what happens during such an event. */
function sameEvent(anchor: Working, m: Working): boolean {
  return DURING_THE_EVENT.has(anchor.type) && DURING_THE_EVENT.has(m.type) && m.sentence - anchor.sentence <= DURING_REACH_SENTENCES;
}

/** A date in a paragraph's opening dateline: "NIAMEY, July 12 (Sahel Wire) -", "BAMAKO, Aug 19 -". */
function isDatelineDate(text: string, d: Span): boolean {
  const lineStart = lineStartWithin(text, d.start, 40);
  if (lineStart < 0) return false;
  return /^[A-Z][A-Za-z .'-]{1,40},\s*$/.test(text.slice(lineStart, d.start)) && /^\s*(?:\(|[-–—])/.test(text.slice(d.end, d.end + 4));
}
