// Refines the type a trigger proposes from what the sentence says about it:
//   1. an attempted breakout that left dead, wounded or hostages is an uprising inside the
//      facility, a riot; an attempt that harmed no one ("caught at the fence") is no incident;
//   2. detainees who attack, set fire to or take control of (part of) their facility are rioting:
//      "inmates took control of a wing", "prisoners set fire to mattresses"; one inmate who
//      assaults a guard, or inmates breaking a wall to escape, is no incident of this kind.
// The subject of a trigger verb comes from the part-of-speech layer (verb-groups.ts).
import type { IncidentType } from "../../model/incident.ts";
import { DETAINEE_NOUNS, VIOLENCE, matchAll } from "../lexicon.ts";
import type { Occurrence } from "../modality.ts";
import type { Trigger } from "../triggers.ts";
import { subjectOf } from "../verb-groups.ts";
import type { SentenceView } from "./context.ts";

/** An attempt at a breakout by detainees themselves (not an attack from outside "to free" them). */
const ATTEMPTED_BREAKOUT = /\b(?:inmates|prisoners|detainees|convicts)\b[^.]{0,60}\b(?:tried|attempted|attempting|trying)\b|\battempted\s+(?:mass\s+)?(?:breakout|jailbreak|prison\s+break|escape)|\b(?:escape|breakout|jailbreak)\s+attempts?\b/i;
/** Types whose verbs, done by detainees, are a riot. */
const RIOT_WHEN_DETAINEES_ACT = new Set<IncidentType>(["attack", "control_change"]);

export interface Refined {
  type: IncidentType;
  rule: string;
}

/** The type the trigger stands for, or null when it tells no incident. */
export function refineType(s: SentenceView, t: Trigger, occurrence: Occurrence): Refined | null {
  const text = s.story.text;
  const body = text.slice(s.sentence.start, s.sentence.end);
  if (occurrence === "attempted") {
    if (t.type !== "escape" || !ATTEMPTED_BREAKOUT.test(body) || !matchAll(VIOLENCE, body).length) return null;
    return { type: "riot", rule: `${t.rule}.attempted-breakout` };
  }
  if (RIOT_WHEN_DETAINEES_ACT.has(t.type)) {
    const verb = s.tags().find((tok) => tok.start === t.start);
    const subject = verb?.pos === "VERB" ? subjectOf(s.tags(), t) : null;
    if (subject && matchAll(DETAINEE_NOUNS, subject.head.lower).length) {
      // "inmates broke through the wall and fled": the means of an escape, not an uprising.
      const escaping = s.scan.accepted.some((a) => a.type === "escape");
      return isPlural(subject.head.lower) && !escaping ? { type: "riot", rule: `${t.rule}.by-detainees` } : null;
    }
  }
  return { type: t.type, rule: t.rule };
}

function isPlural(noun: string): boolean {
  return /s$/.test(noun);
}
