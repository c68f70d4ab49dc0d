// Who did what in a mention: the actors named around each of its triggers get a role from where
// they stand (actor-roles.json). "Islamic State fighters stormed the prison" makes Islamic State
// the initiator; "recaptured by Iraqi forces" makes Iraqi forces the initiator of a recapture;
// "the prison fell to government troops" makes them the initiator of a control change. Holder
// statements of the same report ("the SDF-run prison") name the holder; claim sources, the source.
// Generic words ("officials", "the authorities") are dropped: they name no one.
import type { Annotation, Span } from "../model/doc.ts";
import type { ActorRole, IncidentMention, IncidentType, RoledActor } from "../model/incident.ts";
import type { FacilityHolding } from "../store/store.ts";
import type { ActorValue } from "./attribution.ts";
import data from "./actor-roles.json" with { type: "json" };
import { ATTRIBUTION_VERBS, matchAll } from "./lexicon.ts";

/** How far before its verb a subject may stand, in characters. */
const SUBJECT_REACH = 60;
/** How far after its verb an object, or the actor after "by" / "to" / "from", may stand. */
const OBJECT_REACH = 50;
/** Words between a subject and its verb that make the clause passive ("were attacked"). */
const PASSIVE = /\b(?:was|were|been|being|is|are|got)\b/i;
type Position = "subject" | "passive_subject" | "losing_subject" | "object" | "by" | "to" | "from";
const ROLE_BY_POSITION = data.types as Record<IncidentType, Partial<Record<Position, ActorRole>>>;
const GENERIC_IDS = new Set(data.generic.actor_ids);
const GENERIC_NAMES = new Set(data.generic.names.map((n) => n.toLowerCase()));
const NOT_PARTIES = new Set(data.not_parties.kinds);
const LOSING_VERB = new RegExp(`\\b(?:${data.losing_verbs.words.join("|")})\\b`, "i");
/** The preposition right before an actor after the verb, a few words back at most, and a holding participle before "by". */
const PREPOSITION = new RegExp(`\\b(?:(${data.holding_verbs.words.join("|")})\\s+)?(by|to|from)\\s+(?:the\\s+)?(?:[\\w'’-]+\\s+){0,2}$`, "i");
const SPEAKER_VERB = new RegExp(`\\b(?:${data.speaker_verbs.words.join("|")})\\b`, "i");

/** True when a verb of saying stands between the actor and the trigger: the actor is a speaker. */
function speaksBefore(text: string, from: number, to: number): boolean {
  return SPEAKER_VERB.test(text.slice(from, to)) || matchAll(ATTRIBUTION_VERBS, text, from, to).length > 0;
}

/** True for words that name no one in particular ("officials", "the authorities"). */
export function isGenericActor(name: string): boolean {
  return GENERIC_NAMES.has(name.trim().toLowerCase());
}

function isParty(actor: Annotation<ActorValue>): boolean {
  return !GENERIC_IDS.has(actor.value.id) && !isGenericActor(actor.value.name) && !NOT_PARTIES.has(actor.value.kind);
}

/** Roles of the parties named around one trigger, in its sentence. */
function rolesAroundTrigger(text: string, type: IncidentType, trigger: Span, sentence: Span, actors: Array<Annotation<ActorValue>>): RoledActor[] {
  const roles = ROLE_BY_POSITION[type] ?? {};
  const found: RoledActor[] = [];
  const add = (actor: Annotation<ActorValue> | undefined, position: Position) => {
    const role = roles[position];
    if (actor && role) found.push({ actor: actor.value.name, role });
  };
  const inSentence = actors.filter((a) => a.start >= sentence.start && a.end <= sentence.end && isParty(a));
  // 1. The subject: the nearest actor before the verb; passive clauses and verbs of giving up turn it around.
  const subject = inSentence.filter((a) => a.end <= trigger.start && trigger.start - a.end <= SUBJECT_REACH).pop();
  if (subject && !speaksBefore(text, subject.end, trigger.start)) {
    const between = text.slice(subject.end, trigger.start);
    const verb = text.slice(trigger.start, trigger.end);
    add(subject, PASSIVE.test(between) ? "passive_subject" : LOSING_VERB.test(verb) && roles.losing_subject ? "losing_subject" : "subject");
  }
  // 2. After the verb: an actor after "by", "to" or "from", else the first one is the object.
  let objectTaken = false;
  for (const actor of inSentence.filter((a) => a.start >= trigger.end && a.start - trigger.end <= OBJECT_REACH)) {
    // From the verb's start: a trigger may end with its preposition ("fell to").
    const match = PREPOSITION.exec(text.slice(trigger.start, actor.start));
    const preposition = match?.[2]?.toLowerCase() as Position | undefined;
    if (match?.[1] && preposition === "by") found.push({ actor: actor.value.name, role: "holder" });
    else if (preposition) add(actor, preposition);
    else if (!objectTaken) add(actor, "object");
    objectTaken = true;
  }
  return found;
}

/**
 * Sets `roles` on every mention and drops generic words from its `actors`. `sentences` are the
 * document's; `holdings` are the holder statements extraction found in the same document.
 */
export function assignActorRoles(
  text: string,
  sentences: Span[],
  mentions: IncidentMention[],
  actors: Array<Annotation<ActorValue>>,
  holdings: FacilityHolding[],
): void {
  for (const m of mentions) {
    m.actors = m.actors.filter((name) => !isGenericActor(name));
    const roles: RoledActor[] = [];
    for (const trigger of m.evidence.filter((e) => e.kind === "trigger")) {
      const sentence = sentences.find((s) => s.start <= trigger.start && trigger.end <= s.end);
      if (sentence) roles.push(...rolesAroundTrigger(text, m.type, trigger, sentence, actors));
    }
    // 3. Holders stated in this report; a control change's own taker is its initiator already.
    for (const h of holdings) {
      if (m.facility && h.facility.id === m.facility.id && h.rule !== "holding.control-change" && !isGenericActor(h.holder)) roles.push({ actor: h.holder, role: "holder" });
    }
    // 4. Whoever stated a figure.
    for (const claim of m.counts.flatMap((c) => c.claims)) {
      if (claim.source && !isGenericActor(claim.source)) roles.push({ actor: claim.source, role: "source" });
    }
    m.roles = uniqueRoles(roles);
  }
}

function uniqueRoles(roles: RoledActor[]): RoledActor[] {
  const seen = new Set<string>();
  return roles.filter((r) => {
    const key = `${r.role}|${r.actor.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
