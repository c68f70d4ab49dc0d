// Stage: propose one mention per accepted trigger that reports something that happened (or, for
// transfers and releases, is planned). Negated, demanded, attempted and background triggers
// propose nothing, except a violent attempted breakout, which retype.ts makes a riot.
import { hash } from "node:crypto";
import type { Span } from "../../model/doc.ts";
import type { IncidentType } from "../../model/incident.ts";
import { readModality } from "../modality.ts";
import type { SentenceView, Working } from "./context.ts";
import { isBackgroundDate, nearestTimeIsPast, onlyHistory } from "./history.ts";
import { isReference, referenceWindow } from "./references.ts";
import { refineType } from "./retype.ts";

/** "an attempted jailbreak", "a breakout attempt": a prevented escape told as an attempt. */
const ATTEMPT_WORD = /\b(?:attempted|attempt|attempts|bid)\b/i;
/** Characters either side of the trigger read for the attempt word. */
const ATTEMPT_REACH_CHARS = 30;

/** Types kept when only planned: announced moves and releases are news; a planned attack is not an incident. */
const KEPT_WHEN_PLANNED = new Set<IncidentType>(["transfer", "release"]);

export function proposeMentions(s: SentenceView): void {
  const { story, sentence } = s;
  const text = story.text;
  const times = s.times();
  if (onlyHistory(times)) story.historySentences.add(s.index);
  for (const t of s.scan.accepted) {
    const modality = readModality(text, sentence, t);
    if (modality.occurrence === "demanded") continue;
    // "thwarted an attempted jailbreak, killing three inmates": the breakout was prevented, the
    // violence of the attempt was not (retype.ts makes it a riot when the sentence tells harm).
    if (modality.occurrence === "negated" && !(t.type === "escape" && ATTEMPT_WORD.test(text.slice(Math.max(sentence.start, t.start - ATTEMPT_REACH_CHARS), Math.min(sentence.end, t.end + ATTEMPT_REACH_CHARS))))) continue;
    const refined = refineType(s, t, modality.occurrence === "negated" ? "attempted" : modality.occurrence);
    if (!refined) continue;
    // The trigger itself changes too: count cues find their event by its type.
    t.type = refined.type;
    t.rule = refined.rule;
    if (modality.occurrence === "background" || nearestTimeIsPast(text, times, t)) continue;
    // "a year after the attack on X": the attack is history, told by its own words.
    const reference = isReference(text, t);
    const own = reference ? referenceWindow(text, t, story.doc.published) : null;
    if (own && isBackgroundDate(own, story.doc.published)) continue;
    if (modality.occurrence === "planned" && !KEPT_WHEN_PLANNED.has(t.type)) continue;
    s.triggers.push(t);
    const mention: Working = {
      id: mentionId(story.doc.id, t.type, t),
      document: story.doc.id,
      type: t.type,
      modality: modality.occurrence === "planned" ? "planned" : "occurred",
      unconfirmed: modality.unconfirmed,
      facility: null,
      place: null,
      destination: null,
      date: null,
      actors: [],
      counts: [],
      trigger: { start: t.start, end: t.end, rule: t.rule },
      evidence: [{ start: t.start, end: t.end, kind: "trigger", rule: t.rule }, { ...t, kind: "modality", rule: modality.rule }],
      sentence: s.index,
    };
    s.created.push(mention);
    if (reference) story.references.add(mention);
  }
}

/** Stable within the document: its trigger, and the facility when one trigger tells several events. */
export function mentionId(docId: string, type: IncidentType, span: Span, facility?: Span): string {
  const key = `${docId}|${type}|${span.start}|${span.end}` + (facility ? `|${facility.start}` : "");
  // The one-shot digest skips the Hash object a streaming digest needs (same UTF-8 digest).
  return "men_" + hash("sha256", key, "hex").slice(0, 16);
}
