// Is the trigger an event that happened? Cue words in the trigger's clause decide:
// negated ("no prisoners escaped"), attempted ("attempted to escape": not an escape), planned or
// possible ("could be transferred"), demanded ("relatives demanded the release of"), background history ("in 2014 they carried out prison
// breaks"), or unconfirmed ("unconfirmed reports claimed").
import type { Span } from "../model/doc.ts";
import type { IncidentType } from "../model/incident.ts";
import { ATTEMPT, ATTEMPT_AFTER, BACKGROUND, DEMAND, NEGATION, PLANNED, PLANNED_OVERRIDE, UNCONFIRMED, matchAll } from "./lexicon.ts";
import { acrossRelativeClause, hasMatch, windowAfter, windowBefore } from "./window.ts";

export type Occurrence = "occurred" | "planned" | "negated" | "demanded" | "attempted" | "background";

export interface ModalityReading {
  occurrence: Occurrence;
  unconfirmed: boolean;
  /** The cue rule that decided, for the explanation. */
  rule: string;
}

/** Background cues ("for years", "had been arrested") count this many words around the trigger, across commas. */
const BACKGROUND_WORDS = 15;

/** Words back an order may stand before what it made happen: "ordered all officers in Nairobi county to be on high alert". */
const ORDER_REACH_WORDS = PLANNED.window + 4;

/** What people demand or call for; other events are not undone by a demand near them ("demanded answers after 200 escaped"). */
const DEMANDABLE = new Set<IncidentType>(["release", "transfer"]);

/** Reads the modality of the trigger `t` inside `sentence`. */
export function readModality(text: string, sentence: Span, t: Span & { type?: IncidentType }): ModalityReading {
  const unconfirmed = hasMatch(UNCONFIRMED, text, sentence.start, sentence.end);
  const cue = (pattern: RegExp, words: number) => hasMatch(pattern, text, windowBefore(text, t.start, words, sentence.start), t.start);
  if (cue(NEGATION.pattern, NEGATION.window)) return { occurrence: "negated", unconfirmed, rule: "modality.negated" };
  if (t.type && DEMANDABLE.has(t.type) && cue(DEMAND.pattern, DEMAND.window)) return { occurrence: "demanded", unconfirmed, rule: "modality.demanded" };
  if (cue(ATTEMPT.pattern, ATTEMPT.window) || hasMatch(ATTEMPT_AFTER.pattern, text, t.end, windowAfter(text, t.end, ATTEMPT_AFTER.window, sentence.end))) {
    return { occurrence: "attempted", unconfirmed, rule: "modality.attempted" };
  }
  if (plannedCue(text, sentence, t) && !cue(PLANNED_OVERRIDE, ORDER_REACH_WORDS)) {
    return { occurrence: "planned", unconfirmed, rule: "modality.planned" };
  }
  const near = nearWords(text, sentence, t, BACKGROUND_WORDS);
  // "escaped on Friday from the prison, which was attacked two years ago": a cue across a relative clause's opening is another event's.
  if (matchAll(BACKGROUND, text, near.start, near.end).some((m) => !acrossRelativeClause(text, t, m))) {
    return { occurrence: "background", unconfirmed, rule: "modality.background" };
  }
  return { occurrence: "occurred", unconfirmed, rule: unconfirmed ? "modality.unconfirmed" : "modality.asserted" };
}

/** "could be moved", "may": a cue of possibility before the trigger, the month May excepted ("in May", "May 2"). */
function plannedCue(text: string, sentence: Span, t: Span): boolean {
  return matchAll(PLANNED.pattern, text, windowBefore(text, t.start, PLANNED.window, sentence.start), t.start).some((m) => !isMonthMay(text, m));
}

/** The month: "May 2", "2 May", "in May", "since May" (the modal verb is never capitalised mid-sentence before a figure). */
function isMonthMay(text: string, m: Span): boolean {
  if (text.slice(m.start, m.end) !== "May") return false;
  return MONTH_MAY_AFTER.test(text.slice(m.end, m.end + 4)) || MONTH_MAY_BEFORE.test(text.slice(Math.max(0, m.start - 12), m.start));
}
const MONTH_MAY_AFTER = /^\.?\s+\d|^,?\s+(?:19|20)\d\d/;
const MONTH_MAY_BEFORE = /(?:\d\s+|\b(?:in|on|since|by|until|of|early|late|mid|last|next|this|from|to|through)\s+)$/i;

/** `words` words either side of `t`, inside the sentence, ignoring clause breaks. */
function nearWords(text: string, sentence: Span, t: Span, words: number): Span {
  let start = t.start;
  for (let seen = 0; start > sentence.start && seen <= words; start--) if (/\s/.test(text[start - 1]) && !/\s/.test(text[start])) seen++;
  let end = t.end;
  for (let seen = 0; end < sentence.end && seen <= words; end++) if (/\s/.test(text[end]) && !/\s/.test(text[end - 1])) seen++;
  return { start, end };
}
