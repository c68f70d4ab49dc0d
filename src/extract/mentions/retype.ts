// Refines the type a trigger proposes from what the sentence says about it:
//   1. an attempted breakout that left dead, wounded or hostages is an uprising inside the
//      facility, a riot; an attempt that harmed no one ("caught at the fence") is no incident;
//   2. detainees who attack, set fire to or take control of (part of) their facility are rioting:
//      "inmates took control of a wing", "prisoners set fire to mattresses"; one inmate who
//      assaults a guard, or inmates breaking a wall to escape, is no incident of this kind;
//   3. an arrest after an escape is a recapture only of those who escaped: wardens, officials and
//      accomplices arrested, or people "arrested for stealing cars", are not recaptured; escapees
//      "arrested and brought back" were recaptured, not transferred;
//   4. detainees freed by those who hold them (a government, a court, the authorities) are released.
// The subject of a trigger verb comes from the part-of-speech layer (verb-groups.ts).
import type { IncidentType } from "../../model/incident.ts";
import { DETAINEE_NOUNS, HOLDERS, NOT_ESCAPEES, VIOLENCE, matchAll } from "../lexicon.ts";
import type { Occurrence } from "../modality.ts";
import type { Trigger } from "../triggers.ts";
import { objectOf, subjectOf, type TaggedToken } from "../verb-groups.ts";
import type { SentenceView } from "./context.ts";

/** An attempt at a breakout by detainees themselves (not an attack from outside "to free" them). */
const ATTEMPTED_BREAKOUT = /\b(?:inmates|prisoners|detainees|convicts)\b[^.]{0,60}\b(?:tried|attempted|attempting|trying)\b|\battempted\s+(?:mass\s+)?(?:breakout|jailbreak|prison\s+break|escape)|\b(?:escape|breakout|jailbreak)\s+attempts?\b/i;
/** Types whose verbs, done by detainees, are a riot. */
const RIOT_WHEN_DETAINEES_ACT = new Set<IncidentType>(["attack", "control_change"]);

/** "No inmate was killed", "without injuries": harm named only to say there was none. */
const NO_HARM_BEFORE = /\b(?:no|not|nobody|none|without|neither|nor)\b[^,.;]{0,25}$/i;

/** Some harm the sentence tells as done. */
function harmTold(body: string): boolean {
  return matchAll(VIOLENCE, body).some((v) => !NO_HARM_BEFORE.test(body.slice(Math.max(0, v.start - 40), v.start)));
}

export interface Refined {
  type: IncidentType;
  rule: string;
}

/** The type the trigger stands for, or null when it tells no incident. */
export function refineType(s: SentenceView, t: Trigger, occurrence: Occurrence): Refined | null {
  const text = s.story.text;
  const body = text.slice(s.sentence.start, s.sentence.end);
  if (occurrence === "attempted") {
    if (t.type !== "escape" || !ATTEMPTED_BREAKOUT.test(body) || !harmTold(body)) return null;
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
  // "guards opened fire on an escape attempt", "police fired on rioting inmates": the holders
  // quelling their own detainees is no attack on the facility (the attempt or riot is told itself).
  if (t.type === "attack" && (STAFF.test(text.slice(Math.max(s.sentence.start, t.start - STAFF_REACH_CHARS), t.start)) || (FORCES.test(text.slice(Math.max(s.sentence.start, t.start - STAFF_REACH_CHARS), t.start)) && AT_DETAINEES.test(text.slice(t.end, t.end + 40))))) {
    const subject = subjectOf(s.tags(), t)?.head;
    if (!subject || STAFF.test(subject.lower) || FORCES.test(subject.lower)) return null;
  }
  if (t.rule === ARREST_RULE && !arrestsEscapees(s, t)) return null;
  // "the government set free more than 100 detainees": freed by those who hold them is a release.
  if (t.rule === FREED_RULE) {
    const subject = subjectOf(s.tags(), t);
    if (subject && matchAll(HOLDERS, subject.head.lower).length) return { type: "release", rule: `${t.rule}.by-holders` };
  }
  // "ten have been arrested and brought back": returned to custody, not moved elsewhere.
  if (t.type === "transfer" && RETURNED.test(text.slice(t.start, t.end)) && s.scan.accepted.some((a) => a.type === "recapture")) return null;
  return { type: t.type, rule: t.rule };
}

/** A facility's own staff as the subject right before an attack verb. */
const STAFF = /\b(?:guards|wardens|warders|prison\s+officers|jailers|jailers|correctional\s+officers|prison\s+staff)\s+(?:\w+\s+)?$|^(?:guards|wardens|warders|officers|jailers|staff)$/i;
/** Security forces, whose fire on detainees (not on the facility) is no attack on it. */
const FORCES = /\b(?:police|policemen|soldiers|troops|security\s+forces|riot\s+police)\s+(?:\w+\s+)?$|^(?:police|policemen|soldiers|troops|forces)$/i;
/** "opened fire on the inmates", "on an escape attempt", "on rioting prisoners". */
const AT_DETAINEES = /^\s+(?:the\s+|an?\s+)?(?:\w+\s+)?(?:inmates|prisoners|detainees|rioters|convicts|escap\w*|mutineers)\b/i;
const STAFF_REACH_CHARS = 40;
const ARREST_RULE = "trigger.recapture.arrest";
const FREED_RULE = "trigger.escape.breakout";
/** Transfer words that, beside a recapture, mean taken back to the facility. */
const RETURNED = /^(?:brought back|sent back|were returned|returned from)$/i;
/** "arrested for stealing cars", "detained on charges of": an arrest for a crime, not a recapture. */
const ARRESTED_FOR = /^\s+(?:\S+\s+){0,2}?(?:for|on\s+charges|over)\s/i;

function arrestsEscapees(s: SentenceView, t: Trigger): boolean {
  const text = s.story.text;
  if (ARRESTED_FOR.test(text.slice(t.end, t.end + ARREST_LOOKAHEAD_CHARS))) return false;
  const tags = s.tags();
  const first = tags.findIndex((tok) => tok.start >= t.start);
  // "the wardens were arrested" (passive: its subject) or "police arrested two wardens" (its object).
  const passive = first > 0 && (tags[first - 1].pos === "AUX" || /^(?:was|were|been|be)\b/i.test(text.slice(t.start, t.end)));
  const arrested: TaggedToken | null = passive ? subjectOf(tags, t)?.head ?? null : objectOf(tags, t) ?? subjectOf(tags, t)?.head ?? null;
  return !arrested || !matchAll(NOT_ESCAPEES, arrested.lower).length;
}
const ARREST_LOOKAHEAD_CHARS = 40;

function isPlural(noun: string): boolean {
  return /s$/.test(noun);
}
