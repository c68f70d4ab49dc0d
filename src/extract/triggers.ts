// Trigger recogniser: proposes every lexicon trigger in a sentence, then keeps those whose
// custody requirement holds ("escaped" needs detainees or a facility nearby; "stormed" needs a
// facility as its object; an arrest is a recapture only when escapees are arrested). Triggers that
// fail the requirement are returned as `rejected`: an attack on a barracks blocks the casualty
// figures of its sentence from being pinned on a prison.
import type { Annotation, Span } from "../model/doc.ts";
import type { FacilityRef, IncidentType } from "../model/incident.ts";
import {
  DETAINEE_NOUNS,
  ESCAPE_CUES,
  ESCAPE_RISK_CUES,
  FACILITY_NOUNS,
  FACILITY_OBJECT_NOUNS,
  FAMILIES_NOUNS,
  NON_DETENTION_CAMP,
  TRIGGERS,
  matchAll,
  type TriggerNeed,
} from "./lexicon.ts";
import { hasMatch, windowAfter, windowBefore } from "./window.ts";

export interface Trigger extends Span {
  type: IncidentType;
  rule: string;
  needs: TriggerNeed;
}

/** Words a custody word may be from its trigger. */
const CUSTODY_WINDOW = 10;
/** What a military "recapture" takes back: ground, not people. */
const TERRITORY_OBJECT = /^\s+(?:the\s+|a\s+)?(?:[A-Z][\w-]*\s+)*(?:town|city|village|area|territory|district|base|hill|positions?|neighbourhood|neighborhood|region|province|airport|road|bridge)\b|^\s+(?:the\s+)?[A-Z]/;
/** What follows "moved" when forces move, not detainees. */
const MOVED_NOT_TRANSFER = /^\s+(?:in|into|on|forward|quickly|swiftly|closer|towards|toward|against)\b/i;
/** Handover phrases: a transfer only when people are handed over. */
const HANDOVER = /\bhand(?:ed|ing)?\s+over\b/i;
/** Words between an arrest verb and the detainees it is a recapture of. */
const ARREST_OBJECT_WORDS = 3;
/** A facility is the object of an attack when it follows within this many words... */
const OBJECT_AFTER = 8;
/** ...or precedes it within this many ("the prison was attacked", "prison attack"). */
const OBJECT_BEFORE = 5;
/** People whose fleeing is not an escape from custody. */
const NOT_DETAINEES = /\b(?:civilians|residents|villagers|guards|wardens|warders|soldiers|troops|police|policemen|officers|staff|journalists|workers|gunmen|attackers|assailants|people|families|thousands of people|refugees|displaced|others)(?:\s+(?:who|that|had|have))?\s*$/i;

export interface TriggerScan {
  accepted: Trigger[];
  rejected: Trigger[];
}

/** Proposes and checks the triggers of one sentence. */
export function findTriggers(text: string, sentence: Span, facilities: Array<Annotation<FacilityRef>>, salientFacility = false): TriggerScan {
  const proposed: Trigger[] = [];
  for (const entry of TRIGGERS) {
    for (const m of matchAll(entry.pattern, text, sentence.start, sentence.end)) {
      proposed.push({ start: m.start, end: m.end, type: entry.type, rule: entry.id, needs: entry.needs });
    }
  }
  const accepted: Trigger[] = [];
  const rejected: Trigger[] = [];
  // "security forces moved in to restore order": moving in is not moving detainees.
  for (let i = proposed.length - 1; i >= 0; i--) {
    if (/^moved$/i.test(text.slice(proposed[i].start, proposed[i].end)) && MOVED_NOT_TRANSFER.test(text.slice(proposed[i].end, proposed[i].end + 20))) proposed.splice(i, 1);
  }
  for (const t of proposed) (satisfied(text, sentence, t, facilities) ? accepted : rejected).push(t);
  // "ISIS members escaped" right after the prison was named: custody is implied, unless the
  // sentence is about an attack on something else ("stormed a barracks ... before escaping").
  if (salientFacility && !rejected.some((r) => r.type === "attack")) {
    // "Seven of them have since been recaptured": recaptured needs no escapee word in a prison story,
    // unless what was retaken is ground ("recaptured the town").
    for (const t of rejected.filter((r) => r.rule === "trigger.recapture.verb" && !TERRITORY_OBJECT.test(text.slice(r.end, r.end + 40)))) {
      accepted.push({ ...t, rule: `${t.rule}.salient` });
    }
    for (const t of rejected.filter((r) => r.needs === "custody" && r.type === "escape")) {
      if (!NOT_DETAINEES.test(text.slice(windowBefore(text, t.start, 3, sentence.start), t.start))) accepted.push({ ...t, rule: `${t.rule}.salient` });
    }
  }
  // "captured Buthidaung prison": arresting a facility is taking it, not a recapture.
  const takenFacility = (t: Trigger) =>
    t.rule === "trigger.recapture.arrest" &&
    (facilities.some((f) => f.start >= t.end && f.start - t.end <= 12) || /^\s+(?:the\s+|a\s+)?(?:[\w-]+\s+)?(?:prison|jail|camp|penitentiary|facility)\b/i.test(text.slice(t.end, t.end + 40)));
  // "seized the prison ... and freed 480 inmates": freed by those who now hold it is a release.
  const takesControl = accepted.some((t) => t.type === "control_change");
  for (const t of accepted) {
    if (takesControl && t.type === "escape" && /^(?:freed|freeing|free|set free|frees)$/i.test(text.slice(t.start, t.end))) {
      t.type = "release";
      t.rule = `${t.rule}.by-captors`;
    }
  }
  // People handed over are a transfer; the same words do not also hand over the camp.
  const handedPeople = accepted.filter((t) => t.type === "transfer" && HANDOVER.test(text.slice(t.start, t.end)));
  const kept = accepted.filter((t) => !takenFacility(t) && !(t.type === "control_change" && handedPeople.some((h) => h.start < t.end && t.start < h.end)));
  return { accepted: longestFirst(kept), rejected };
}

function satisfied(text: string, sentence: Span, t: Trigger, facilities: Array<Annotation<FacilityRef>>): boolean {
  const before = windowBefore(text, t.start, CUSTODY_WINDOW, sentence.start);
  const after = windowAfter(text, t.end, CUSTODY_WINDOW, sentence.end);
  const camps = matchAll(NON_DETENTION_CAMP, text, sentence.start, sentence.end);
  // Facility words inside "a military camp" or "a camp for displaced persons" hold no detainees.
  const detentionWord = (pattern: RegExp, from: number, to: number) =>
    matchAll(pattern, text, from, to).some((w) => !camps.some((c) => c.start <= w.start && w.end <= c.end));
  const facilityNear = (from: number, to: number) =>
    detentionWord(FACILITY_NOUNS, from, to) || facilities.some((f) => f.start < to && f.end > from);
  switch (t.needs) {
    case "none":
      return true;
    case "custody":
      if (t.type === "escape" && NOT_DETAINEES.test(text.slice(windowBefore(text, t.start, 3, sentence.start), t.start))) return false;
      return hasMatch(DETAINEE_NOUNS, text, before, after) || facilityNear(before, after);
    case "detainee": {
      // The subject may sit before an apposition: "the remaining inmates, numbering 1,100, were evacuated".
      const people =
        hasMatch(DETAINEE_NOUNS, text, before, after) ||
        hasMatch(FAMILIES_NOUNS, text, before, after) ||
        (t.type === "transfer" && hasMatch(DETAINEE_NOUNS, text, sentence.start, t.start));
      // "Security at the camp was handed over": handing over a facility is a change of control.
      if (HANDOVER.test(text.slice(t.start, t.end))) return people;
      return people || facilityNear(before, after);
    }
    case "escapee": {
      // An arrest is a recapture when escape is in the sentence or detainees are its direct object
      // or subject ("the inmates were arrested"), not a relative clause further off.
      const near = (words: number) =>
        hasMatch(DETAINEE_NOUNS, text, windowBefore(text, t.start, words, sentence.start), windowAfter(text, t.end, words, sentence.end));
      return hasMatch(ESCAPE_CUES, text, sentence.start, sentence.end) || near(t.rule.endsWith("arrest") ? ARREST_OBJECT_WORDS : CUSTODY_WINDOW);
    }
    case "facility-object": {
      const objBefore = windowBefore(text, t.start, OBJECT_BEFORE, sentence.start);
      const objAfter = windowAfter(text, t.end, OBJECT_AFTER, sentence.end);
      const objectNear = (from: number, to: number) =>
        detentionWord(FACILITY_OBJECT_NOUNS, from, to) || facilities.some((f) => f.start < to && f.end > from);
      // "gangs attacked it": the pronoun stands for the facility the sentence names.
      const pronounObject = /^\s+(?:it|them)\b/i.test(text.slice(t.end, t.end + 6)) && objectNear(sentence.start, sentence.end);
      return objectNear(t.end, objAfter) || objectNear(objBefore, t.start) || pronounObject;
    }
    case "escape-risk":
      return hasMatch(ESCAPE_RISK_CUES, text, sentence.start, sentence.end);
  }
}

/** Overlapping triggers of one type keep the longest ("broke out of" over "out"). */
function longestFirst(triggers: Trigger[]): Trigger[] {
  const sorted = [...triggers].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Trigger[] = [];
  for (const t of sorted) {
    if (kept.some((k) => k.type === t.type && k.start < t.end && t.start < k.end)) continue;
    kept.push(t);
  }
  return kept.sort((a, b) => a.start - b.start);
}
