// Trigger recogniser: proposes every lexicon trigger in a sentence, then keeps those whose
// custody requirement holds ("escaped" needs detainees or a facility nearby; "stormed" needs a
// facility as its object; an arrest is a recapture only when escapees are arrested). Triggers that
// fail the requirement are returned as `rejected`: an attack on a barracks blocks the casualty
// figures of its sentence from being pinned on a prison.
import type { Annotation, Span } from "../model/doc.ts";
import type { FacilityRef, IncidentType } from "../model/incident.ts";
import {
  ALERT_FORCES,
  ALERT_MEASURES,
  ATTACKER_PURPOSE,
  DETAINEE_NOUNS,
  ESCAPE_CUES,
  ESCAPE_RISK_CUES,
  NOT_ESCAPEES,
  FACILITY_NOUNS,
  FACILITY_PARTS,
  FACILITY_OBJECT_NOUNS,
  FAMILIES_NOUNS,
  HOSTAGE_NOUNS,
  GROUND_TAKEN,
  GROUND_TAKEN_VERBS,
  NON_DETENTION_CAMP,
  RELEASED_NOT_PEOPLE,
  TRIGGERS,
  TRIGGER_PHRASES,
  VIOLENCE,
  matchAll,
  type TriggerNeed,
} from "./lexicon.ts";
import { hasMatch, windowAfter, windowBefore } from "./window.ts";
import { subjectOf, type TaggedToken } from "./verb-groups.ts";

export interface Trigger extends Span {
  type: IncidentType;
  rule: string;
  needs: TriggerNeed;
}

/** Words a custody word may be from its trigger. */
const CUSTODY_WINDOW = 10;
/** What a military "recapture" takes back: ground, not people. */
const TERRITORY_OBJECT = /^\s+(?:the\s+|a\s+)?(?:[A-Z][\w-]*\s+)*(?:town|city|village|area|territory|district|base|hill|positions?|neighbourhood|neighborhood|region|province|airport|road|bridge)\b|^\s+(?:the\s+)?[A-Z]/;
/** "after the", "following Tuesday's", "in the wake of the": an event the sentence tells as done before what it reports. */
const AFTER_EVENT = /\b(?:after|following|in the wake of|in response to|because of)\s+(?:the\s+|an?\s+|last\s+\w+['’]s\s+|\w+['’]s\s+|this\s+|that\s+)?(?:[\w-]+\s+){0,2}$/i;
/** "Eleven were", "by Saturday, four of them had been", "they were later": a subject that is only a figure or a pronoun, after any opening adverbial. */
const BARE_SUBJECT = /(?:^|[,;]\s*)(?:(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|a\s+few|several|some|most|many|all|they)(?:\s+(?:of\s+them|others|more))?|(?:all|most|some|many|several|none)\s+of\s+(?:them|those))\s+(?:were|have\s+been|had\s+been|has\s+been|was)\s+(?:\w+ly\s+|later\s+|since\s+|also\s+|then\s+|subsequently\s+)?$/i;
/** "Five of them", "by Tuesday, 11", "most of those later": a subject that is only a figure or a pronoun, in the active voice, after any opening adverbial. */
const BARE_ACTOR = /(?:^|[,;]\s*)(?:(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|a\s+few|several|some|most|many|all|others|they)(?:\s+(?:of\s+them|others|more))?|(?:all|most|some|many|several|none)\s+of\s+(?:them|those))\s+(?:have\s+|had\s+|has\s+)?(?:\w+ly\s+|later\s+|since\s+|also\s+|then\s+|subsequently\s+)?$/i;
/** "caught five of them", "arrested all of them": the object of an arrest is a share of those just told of. */
const SHARE_OF_THEM = /^\s+(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|a\s+few|several|some|most|many|all|none)\s+of\s+them\b/i;
/** Words after "received" within which the people received are named ("received a new batch of 300 detainees"). */
const RECEIVED_OBJECT_WORDS = 6;
/** Words between the people received and the "from" of where they came ("detainees held by the SDF from"). */
const FROM_WORDS = 3;
const FROM_AFTER_PEOPLE = new RegExp(`^\\s+(?:[\\w'’-]+\\s+){0,${FROM_WORDS}}?from\\b`, "i");
/** Surrenders and returns of escapees: their subject stands for those who escaped. */
const SURRENDER_RULE = "trigger.recapture.surrender";
/** Words before a surrender within which its subject is named ("two wardens surrendered"). */
const SURRENDER_SUBJECT_WORDS = 3;
/** "they were caught off guard", "caught on camera": no one taken into custody. */
const CAUGHT_IDIOM = /^\s+(?:off\s+guard|on\s+(?:camera|video|tape|film)|unawares|napping|up\s+in|fire|in\s+the\s+(?:crossfire|middle))/i;
/** "that escaped", "who had fled": a relative pronoun right before the trigger. */
const RELATIVE_BEFORE = /(?:^|[\s,])(?:who|that|which)\s+(?:had\s+|have\s+|has\s+)?$/i;
/** How far back a relative clause's antecedent may be. */
const ANTECEDENT_CHARS = 160;
/** What may stand between a capture verb and the facility it takes: "captured (the) Buthidaung prison". */
const TAKEN_OBJECT_GAP = /^\s*(?:the\s+|a\s+)?$/i;
/** A facility surrendered is named right after the verb ("surrendered the X prison"). */
const SURRENDERED_OBJECT_CHARS = 6;
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
/** Words between a fight and the detainees fighting it ("clashes between rival inmates"). */
const PARTY_WORDS = 5;
/** Who fights inside a facility besides detainees by name: gangs and factions held there. */
const HELD_GROUPS = /\b(?:gangs?|factions?|gang members|cartels?)\b/i;
/** Words after "released" within which a thing released ("a statement") shows no people were. */
const RELEASED_OBJECT_WORDS = 4;
/** Verbs of freeing others, whose subject is the liberator, not the one who escaped. */
const FREEING_RULE = "trigger.escape.breakout";
/** Words around a freeing verb within which hostages are those it frees. */
const HOSTAGE_WORDS = 4;
/** Words after a weak alert verb within which the forces it deploys are its object ("deployed 500 more troops"). */
const FORCES_OBJECT_WORDS = 3;
/** People whose fleeing is not an escape from custody. */
const NOT_DETAINEES = /\b(?:civilians|residents|villagers|guards|wardens|warders|soldiers|troops|police|policemen|officers|staff|journalists|workers|gunmen|attackers|assailants|people|families|thousands of people|refugees|displaced|others)(?:\s+(?:who|that|had|have))?\s*$/i;

export interface TriggerScan {
  accepted: Trigger[];
  rejected: Trigger[];
}

/** What the story told before the sentence, for triggers whose condition the sentence leaves implicit. */
export interface StoryContext {
  /** A facility was named a few sentences back: "ISIS members escaped" is an escape from custody. */
  salientFacility?: boolean;
  /** An escape was told a sentence or two back: "eleven were caught" are its escapees. */
  recentEscape?: boolean;
  /** An escape was told earlier in the story: "a curfew was imposed on the town" answers it. */
  escapeAnswered?: boolean;
  /** The sentence's parts of speech, tagged on demand: "a prison in X was attacked" has the prison as subject. */
  tags?: () => TaggedToken[];
}

/** Proposes and checks the triggers of one sentence. */
export function findTriggers(text: string, sentence: Span, facilities: Array<Annotation<FacilityRef>>, story: StoryContext = {}): TriggerScan {
  const salientFacility = story.salientFacility ?? false;
  const found = TRIGGER_PHRASES.matches(text, sentence.start, sentence.end);
  if (!found) return { accepted: [], rejected: [] };
  const proposed: Trigger[] = [];
  TRIGGERS.forEach((entry, k) => {
    for (const m of found[k]) {
      proposed.push({ start: m.start, end: m.end, type: entry.type, rule: entry.id, needs: entry.needs });
    }
  });
  const accepted: Trigger[] = [];
  const rejected: Trigger[] = [];
  // "security forces moved in to restore order": moving in is not moving detainees.
  for (let i = proposed.length - 1; i >= 0; i--) {
    if (/^moved$/i.test(text.slice(proposed[i].start, proposed[i].end)) && MOVED_NOT_TRANSFER.test(text.slice(proposed[i].end, proposed[i].end + 20))) proposed.splice(i, 1);
  }
  // "a curfew in Owerri following the attack on the custodial centre": forces answering an
  // attack or riot at a facility the sentence tells as already over guard against escapes too.
  const answersEvent = proposed.some((p) => (p.type === "attack" || p.type === "riot") && AFTER_EVENT.test(text.slice(Math.max(sentence.start, p.start - 40), p.start)) && satisfied(text, sentence, p, facilities));
  // "troops surrendered Bagram airbase to the Taliban" hands over a facility; "447 surrendered"
  // gave themselves up (a recapture's business, not a change of control).
  for (let i = proposed.length - 1; i >= 0; i--) {
    const t = proposed[i];
    if (t.type === "control_change" && /^surrendered$/i.test(text.slice(t.start, t.end)) && !facilities.some((f) => f.start >= t.end && f.start - t.end <= SURRENDERED_OBJECT_CHARS)) proposed.splice(i, 1);
  }
  for (const t of proposed) {
    if (t.needs === "escape-risk" && attackersGather(text, sentence, t)) continue;
    if (t.needs === "escape-risk" && answersEvent && t.start < proposed.find((p) => p.type === "attack" || p.type === "riot")!.start) {
      accepted.push({ ...t, rule: `${t.rule}.after-assault` });
      continue;
    }
    const passive = passiveObject(text, t, facilities, story);
    // "A convoy near the prison was attacked": the passive subject is what was attacked, whatever is nearby.
    if (passive === "other") rejected.push(t);
    else if (passive === "facility" || satisfied(text, sentence, t, facilities) || (t.needs === "escape-risk" && answersToldEscape(text, sentence, t, story))) accepted.push(t);
    // "they had breached the fence": a part of the facility, neither an attack of its own nor one on something else.
    else if (!(t.type === "attack" && partObject(text, sentence, t))) rejected.push(t);
  }
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
  // "Eleven were caught by gendarmes" right after an escape: a bare figure or pronoun as the
  // subject of an arrest stands for the escapees just told of.
  if (story.recentEscape || accepted.some((a) => a.type === "escape")) {
    for (const t of rejected.filter((r) => r.rule === "trigger.recapture.arrest" && BARE_SUBJECT.test(text.slice(sentence.start, r.start)) && !CAUGHT_IDIOM.test(text.slice(r.end, r.end + 16)))) {
      accepted.push({ ...t, rule: `${t.rule}.bare-subject` });
    }
  }
  // "Five of them turned themselves in" or "Police have caught five of them" right after an escape:
  // the figure counts escapees.
  if (story.recentEscape || accepted.some((a) => a.type === "escape")) {
    const share = (r: Trigger) =>
      (r.rule === SURRENDER_RULE && BARE_ACTOR.test(text.slice(sentence.start, r.start))) ||
      (r.rule === "trigger.recapture.arrest" && SHARE_OF_THEM.test(text.slice(r.end, r.end + 24)));
    for (const t of rejected.filter((r) => share(r) && !accepted.some((a) => a.start === r.start && a.end === r.end))) {
      accepted.push({ ...t, rule: `${t.rule}.bare-subject` });
    }
  }
  // "captured Buthidaung prison": arresting a facility is taking it, not a recapture; "arrested
  // after the Oko prison break" names the facility in a phrase of its own.
  const takenFacility = (t: Trigger) =>
    t.rule === "trigger.recapture.arrest" &&
    (facilities.some((f) => f.start >= t.end && f.start - t.end <= 12 && TAKEN_OBJECT_GAP.test(text.slice(t.end, f.start))) || /^\s+(?:the\s+|a\s+)?(?:[\w-]+\s+)?(?:prison|jail|camp|penitentiary|facility)\b/i.test(text.slice(t.end, t.end + 40)));
  // "seized the prison ... and freed 480 inmates", "freed 1,500 prisoners after seizing the city":
  // freed by those who now hold the place is a release; "recaptured the city" retakes no one.
  // Only sentences that free or recapture someone are read for ground taken: most have neither.
  const freesOrRetakes = accepted.some((t) => t.type === "recapture" || (t.type === "escape" && t.rule.startsWith(FREEING_RULE)));
  const groundTaken = freesOrRetakes ? matchAll(GROUND_TAKEN, text, sentence.start, sentence.end).filter((g) => placeIsObject(text, g)) : [];
  for (let i = accepted.length - 1; i >= 0; i--) {
    if (accepted[i].type === "recapture" && groundTaken.some((g) => g.start === accepted[i].start)) accepted.splice(i, 1);
  }
  const takesControl = groundTaken.length > 0 || accepted.some((t) => t.type === "control_change");
  for (const t of accepted) {
    if (takesControl && t.type === "escape" && /^(?:freed|freeing|free|set free|frees|let out)$/i.test(text.slice(t.start, t.end))) {
      t.type = "release";
      t.rule = `${t.rule}.by-captors`;
    }
  }
  // People handed over are a transfer; the same words do not also hand over the camp.
  const handedPeople = accepted.filter((t) => t.type === "transfer" && HANDOVER.test(text.slice(t.start, t.end)));
  const kept = accepted.filter((t) => !takenFacility(t) && !(t.type === "control_change" && handedPeople.some((h) => h.start < t.end && t.start < h.end)));
  return { accepted: longestFirst(kept), rejected };
}

/** "were recaptured at the prison", "captured in the town": a phrase of place after the verb says where, it is not the place taken. */
const PLACE_PHRASE_AFTER = /^\s+(?:at|in|near|from|to|by|on|around|outside|inside|into|across|within|along|towards?|outside\s+of)\s/i;

/** A ground-taken match whose place is the verb's object ("retook the town", "emptied the prison"). */
function placeIsObject(text: string, taken: Span): boolean {
  const head = text.slice(taken.start, taken.end).toLowerCase();
  const verb = GROUND_TAKEN_VERBS.find((v) => head.startsWith(v) && !/[\w-]/.test(head.charAt(v.length)));
  return !verb || !PLACE_PHRASE_AFTER.test(text.slice(taken.start + verb.length, taken.end));
}

function satisfied(text: string, sentence: Span, t: Trigger, facilities: Array<Annotation<FacilityRef>>): boolean {
  const before = windowBefore(text, t.start, CUSTODY_WINDOW, sentence.start);
  const after = windowAfter(text, t.end, CUSTODY_WINDOW, sentence.end);
  // Read only when a facility word is found: most triggers are settled before.
  let camps: Array<{ start: number; end: number }> | null = null;
  // Facility words inside "a military camp" or "a camp for displaced persons" hold no detainees.
  const detentionWord = (pattern: RegExp, from: number, to: number) =>
    matchAll(pattern, text, from, to).some((w) => !(camps ??= matchAll(NON_DETENTION_CAMP, text, sentence.start, sentence.end)).some((c) => c.start <= w.start && w.end <= c.end));
  const facilityNear = (from: number, to: number) =>
    detentionWord(FACILITY_NOUNS, from, to) || facilities.some((f) => f.start < to && f.end > from);
  switch (t.needs) {
    case "none":
      return true;
    case "custody":
      // "soldiers fled" is no escape from custody; "gunmen freed 200 inmates" is (the gunmen free, they do not flee).
      if (t.type === "escape" && t.rule !== FREEING_RULE && NOT_DETAINEES.test(text.slice(windowBefore(text, t.start, 3, sentence.start), t.start))) return false;
      // "the hostages were freed by the army near the prison": those freed were never held there.
      if (t.rule === FREEING_RULE && hasMatch(HOSTAGE_NOUNS, text, windowBefore(text, t.start, HOSTAGE_WORDS, sentence.start), windowAfter(text, t.end, HOSTAGE_WORDS, sentence.end)) && !hasMatch(DETAINEE_NOUNS, text, before, after)) return false;
      if (hasMatch(DETAINEE_NOUNS, text, before, after) || facilityNear(before, after)) return true;
      // "300 inmates of the X centre, Abolongo, in Oyo State, that escaped": the relative clause's
      // antecedent sits before the commas of its own noun phrase.
      return RELATIVE_BEFORE.test(text.slice(Math.max(sentence.start, t.start - 20), t.start)) && hasMatch(DETAINEE_NOUNS, text, Math.max(sentence.start, t.start - ANTECEDENT_CHARS), t.start);
    case "detainee": {
      if (t.type === "release" && releasesThings(text, sentence, t)) return false;
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
    // "seven of the escapees surrendered to the police": only an escape makes a surrender a recapture.
    case "escape-told":
      return hasMatch(ESCAPE_CUES, text, sentence.start, sentence.end) && !hasMatch(NOT_ESCAPEES, text, windowBefore(text, t.start, SURRENDER_SUBJECT_WORDS, sentence.start), t.start);
    // "Iraq has received 5,704 detainees from Syria": people received, and received from somewhere.
    case "people-from": {
      const objectEnd = windowAfter(text, t.end, RECEIVED_OBJECT_WORDS, sentence.end);
      const people = [...matchAll(DETAINEE_NOUNS, text, t.end, objectEnd), ...matchAll(FAMILIES_NOUNS, text, t.end, objectEnd)];
      return people.some((p) => FROM_AFTER_PEOPLE.test(text.slice(p.end, windowAfter(text, p.end, FROM_WORDS + 1, sentence.end))));
    }
    case "facility-object": {
      const objBefore = windowBefore(text, t.start, OBJECT_BEFORE, sentence.start);
      const objAfter = windowAfter(text, t.end, OBJECT_AFTER, sentence.end);
      const objectNear = (from: number, to: number) =>
        detentionWord(FACILITY_OBJECT_NOUNS, from, to) || facilities.some((f) => f.start < to && f.end > from);
      // "gangs attacked it": the pronoun stands for the facility the sentence names.
      const pronounObject = () => /^\s+(?:it|them)\b/i.test(text.slice(t.end, t.end + 6)) && objectNear(sentence.start, sentence.end);
      // "Turkish shelling close to the camp": what lies near the facility was hit, not the facility.
      // "escaped the camp after Turkish shelling close to the camp": the facility was only near what was hit.
      const object = objectNear(t.end, objAfter) || objectNear(objBefore, t.start) || pronounObject();
      return object && !nearTheFacility(text, t, objAfter, facilities);
    }
    // "Mali closed its border because of the coup": the word "border" of the trigger itself is no cue.
    case "escape-risk":
      return matchAll(ESCAPE_RISK_CUES, text, sentence.start, sentence.end).some((c) => c.end <= t.start || c.start >= t.end);
    // "A brawl at the Evin prison left four dead": only detainees brawl inside a prison.
    // "Violence broke out in the streets near the prison": a fight outside the walls is no riot.
    case "violence-in-custody":
      return hasMatch(VIOLENCE, text, sentence.start, sentence.end) && ((facilityNear(before, after) && !outsideFacility(text, t, after)) || hasMatch(DETAINEE_NOUNS, text, before, after));
    // "Clashes between inmates and guards killed 12": detainees must be a party, not bystanders.
    case "violence-between-detainees": {
      if (!hasMatch(VIOLENCE, text, sentence.start, sentence.end)) return false;
      const parties = { start: windowBefore(text, t.start, PARTY_WORDS, sentence.start), end: windowAfter(text, t.end, PARTY_WORDS, sentence.end) };
      const detainees = hasMatch(DETAINEE_NOUNS, text, parties.start, parties.end);
      const heldGroups = HELD_GROUPS.test(text.slice(parties.start, parties.end)) && facilityNear(before, after);
      return detainees || heldGroups;
    }
  }
}

/**
 * An alert with no escape word of its own answers the escape the story told: one just told, or
 * one further back when the words name a measure ("curfew") or forces act ("soldiers were deployed").
 */
function answersToldEscape(text: string, sentence: Span, t: Trigger, story: StoryContext): boolean {
  if (story.recentEscape) return true;
  if (!story.escapeAnswered) return false;
  if (matchAll(ALERT_MEASURES, text, t.start, t.end).some((m) => m.start === t.start && m.end === t.end)) return true;
  // forces as the subject ("soldiers have been deployed") or right after as the object
  // ("deployed 500 troops"), not in a later phrase ("stepped up their attacks on army posts")
  return hasMatch(ALERT_FORCES.pattern, text, windowBefore(text, t.start, ALERT_FORCES.window, sentence.start), t.start) || hasMatch(ALERT_FORCES.pattern, text, t.end, windowAfter(text, t.end, FORCES_OBJECT_WORDS, sentence.end));
}

/** "near the Kuje prison", "in the streets outside the jail": what follows the trigger is outside the facility. */
const OUTSIDE_FACILITY = /\b(?:near|outside|around|close\s+to|next\s+to|beside|opposite|in\s+front\s+of)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,3}$/i;

function outsideFacility(text: string, t: Trigger, after: number): boolean {
  const word = matchAll(FACILITY_NOUNS, text, t.end, after)[0];
  return Boolean(word && OUTSIDE_FACILITY.test(text.slice(t.end, word.start)));
}

/** The first facility after an attack word is only a landmark of what was attacked ("shelling close to the camp", "a checkpoint near the prison"). */
function nearTheFacility(text: string, t: Trigger, after: number, facilities: Array<Annotation<FacilityRef>>): boolean {
  const word = matchAll(FACILITY_OBJECT_NOUNS, text, t.end, after)[0];
  const named = facilities.find((f) => f.start >= t.end && f.start < after);
  const first = [word?.start, named?.start].filter((x): x is number => x !== undefined).sort((a, b) => a - b)[0];
  return first !== undefined && OUTSIDE_FACILITY.test(text.slice(t.end, first));
}

/** "IS mobilized most of its sleeper cells to organize the breakout": forces gathered for an attack. */
function attackersGather(text: string, sentence: Span, t: Trigger): boolean {
  // Quotes do not end the clause here: "mobilized “most of its cells” to organize".
  const words = text.slice(t.end, sentence.end).split(/\s+/).slice(0, ATTACKER_PURPOSE.window + 1).join(" ");
  return matchAll(ATTACKER_PURPOSE.pattern, words).length > 0;
}

/**
 * "A prison in northern Burkina Faso was attacked": the subject of a passive attack is what was
 * attacked, a facility (or one of its parts, or a pronoun), else something other than a facility.
 */
function passiveObject(text: string, t: Trigger, facilities: Array<Annotation<FacilityRef>>, story: StoryContext): "facility" | "other" | null {
  if (t.type !== "attack" || !story.tags || !PASSIVE_BEFORE.test(text.slice(Math.max(0, t.start - 20), t.start))) return null;
  const head = subjectOf(story.tags(), t)?.head;
  if (!head) return null;
  const facility = matchAll(FACILITY_OBJECT_NOUNS, head.lower).length > 0 || facilities.some((f) => f.start <= head.start && head.end <= f.end);
  if (facility) return "facility";
  return head.pos === "PRON" || matchAll(FACILITY_PARTS, head.lower).length > 0 ? null : "other";
}
/** "was attacked", "has been stormed", "were overrun": a passive verb group. */
const PASSIVE_BEFORE = /\b(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?$/i;

/** The attack's object is a part of a facility: "breached the fence", "blew open the main gate". */
function partObject(text: string, sentence: Span, t: Trigger): boolean {
  return hasMatch(FACILITY_PARTS, text, t.end, windowAfter(text, t.end, OBJECT_AFTER, sentence.end));
}

/** "released a statement", "the release of a list of names", "images released after the raid": something released that is not people. */
function releasesThings(text: string, sentence: Span, t: Trigger): boolean {
  const just = matchAll(RELEASED_NOT_PEOPLE, text, windowBefore(text, t.start, 1, sentence.start), t.start);
  if (just.length && /^\s*$/.test(text.slice(just[just.length - 1].end, t.start))) return true;
  const end = windowAfter(text, t.end, RELEASED_OBJECT_WORDS, sentence.end);
  const thing = matchAll(RELEASED_NOT_PEOPLE, text, t.end, end)[0];
  if (!thing) return false;
  return !hasMatch(DETAINEE_NOUNS, text, t.end, thing.start) && !hasMatch(FAMILIES_NOUNS, text, t.end, thing.start);
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
