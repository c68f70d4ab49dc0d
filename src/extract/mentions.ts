// Incident mentions of one document: for every accepted trigger that reports an event that
// happened (or, for transfers, is planned), link its arguments from the sentence and its context.
//   1. Entities in the sentence go to the nearest trigger, so "put on alert after 37 prisoners
//      escaped from a prison in Ras al-Ayn" gives Ras al-Ayn to the escape, not to the alert.
//   2. A trigger without a facility of its own takes the salient one (the last named before it),
//      as "the prison" or "the inmates" refer back to it.
//   3. Numbers go to the cue that governs them (counts.ts) and become claims with the source of
//      their sentence (attribution.ts).
//   4. A sentence with casualty figures but no trigger gives them to the salient attack, riot or
//      escape, unless the sentence is about another target ("stormed an army barracks").
import { createHash } from "node:crypto";
import type { Annotation, DateWindow, Day, Doc, Span } from "../model/doc.ts";
import type { CountClaims, FacilityRef, IncidentMention, IncidentType, PlaceRef, QuantityName } from "../model/incident.ts";
import type { Attributor, ActorValue } from "./attribution.ts";
import { cuesOf, readCount } from "./counts.ts";
import { readModality } from "./modality.ts";
import { findTriggers, type Trigger } from "./triggers.ts";
import { DETAINEE_NOUNS, NON_PERSON_NOUNS, PLACE_ACTOR_NOUNS, PLACE_NOT_AFTER, PLACE_SPEAKER_VERBS, matchAll } from "./lexicon.ts";
import { facilityHeadWords, findFacility, placeById } from "../gazetteer/index.ts";
import { precisionRank } from "../gazetteer/geo.ts";
import type { QuantityValue } from "./quantities/index.ts";
import type { DateValue } from "./dates/index.ts";
import { windowAfter } from "./window.ts";

/** A dated sentence whose window ends this long before publication is background history. */
export const BACKGROUND_DAYS = 45;
/** An undated mention with no earlier dated one is placed in the days before publication. */
export const UNDATED_LOOKBACK_DAYS = 2;
/** A facility named this many sentences back is still what "the prison" refers to. */
const SALIENCE_SENTENCES = 40;
/** Sentences within which the last named facility is the one "the prison" refers to. */
const RECENT_SENTENCES = 6;
/** "ISIS members escaped" is an escape from custody when a facility was named this recently. */
const CUSTODY_SALIENCE_SENTENCES = 6;
/** Quantity readings that are not counts of people for incidents ("a" in "a higher death toll"). */
const IGNORED_QUANTITY_RULES = new Set(["quantity.article"]);
/** Types whose mentions inherit the salient facility when they name none. */
const INHERITS_FACILITY = new Set<IncidentType>(["escape", "release", "riot", "attack", "recapture", "control_change", "transfer"]);
/** Events that happen at the facility itself and so share a sentence's location (not recaptures: escapees are caught elsewhere). */
const AT_THE_FACILITY = new Set<IncidentType>(["attack", "escape", "riot", "release", "control_change"]);
/** An attempt at a breakout by detainees themselves (not an attack from outside "to free" them). */
const ATTEMPTED_BREAKOUT = /\b(?:inmates|prisoners|detainees|convicts)\b[^.]{0,60}\b(?:tried|attempted|attempting|trying)\b|\battempted\s+(?:mass\s+)?(?:breakout|jailbreak|prison\s+break|escape)/i;
/** Actors whose country is where their alert holds. */
const FORCE_KINDS = new Set(["state_force", "police", "militia", "prison_service"]);
/** Casualty figures with no trigger of their own go to an attack told at most this many sentences before. */
const CASUALTY_REACH_SENTENCES = 6;
/** Types whose casualty figures attach to them. */
const CASUALTY_TYPES = new Set<IncidentType>(["attack", "riot", "escape"]);

export interface PlaceValue extends PlaceRef {
  demonym?: boolean;
}

export interface Entities {
  facilities: Array<Annotation<FacilityRef>>;
  places: Array<Annotation<PlaceValue>>;
  actors: Array<Annotation<ActorValue>>;
  quantities: Array<Annotation<QuantityValue>>;
  dates: Array<Annotation<DateValue>>;
}

interface Working extends IncidentMention {
  sentence: number;
  placeSpan?: Span;
}

/** Builds the mentions of `doc` from its sentences, entities and attributions. */
export function buildMentions(doc: Doc, sentences: Span[], entities: Entities, attributor: Attributor): IncidentMention[] {
  const text = doc.text;
  const mentions: Working[] = [];
  const pendingDetaineeCounts: Array<{ sentence: number; value: QuantityValue; span: Span; rule: string }> = [];
  // The attack the text is currently about: a mention, or null after an attack on something else.
  let attackFocus: Working | null = null;
  // "A week after the attack on X", "the escaped detainees": events the sentence refers back to,
  // whose date is not the sentence's.
  const references = new Set<Working>();

  sentences.forEach((sentence, index) => {
    const inSentence = <T extends Span>(list: T[]) => list.filter((a) => a.start >= sentence.start && a.end <= sentence.end);
    const facilities = inSentence(entities.facilities);
    const salientNearby = Boolean(salientFacility(entities.facilities, sentences, index, sentence.start, CUSTODY_SALIENCE_SENTENCES));
    const scan = findTriggers(text, sentence, facilities, salientNearby);
    const sentenceDates = inSentence(entities.dates);
    // History, unless the sentence also dates something recent ("stormed ... on Friday, its
    // biggest attack since the fall of its caliphate three years ago").
    const times = timesOf(text, sentence, sentenceDates, doc.published);
    const triggers: Trigger[] = [];
    const created: Working[] = [];

    for (const t of scan.accepted) {
      const modality = readModality(text, sentence, t);
      if (modality.occurrence === "negated") continue;
      // An attempted mass breakout is an uprising of detainees inside the facility: a riot.
      if (modality.occurrence === "attempted" && !(t.type === "escape" && ATTEMPTED_BREAKOUT.test(text.slice(sentence.start, sentence.end)))) continue;
      if (modality.occurrence === "attempted") {
        t.type = "riot";
        t.rule = `${t.rule}.attempted-breakout`;
      }
      if (modality.occurrence === "background" || nearestTimeIsPast(times, t)) continue;
      if (modality.occurrence === "planned" && t.type !== "transfer" && t.type !== "release") continue;
      triggers.push(t);
      const mention: Working = {
        id: mentionId(doc.id, t.type, t),
        document: doc.id,
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
        sentence: index,
      };
      created.push(mention);
    }

    // 1. Entities to their nearest trigger. A facility after "to" is where a transfer goes, not
    // where it starts; a facility goes to the nearest event that has none yet.
    for (const f of facilities) {
      const transfer = created.find((c) => c.type === "transfer" && f.start >= c.trigger.end && isDestination(text, sentence, f, true));
      if (transfer) {
        transfer.destination ??= f.value.place;
        continue;
      }
      const m = nearestMention(created.filter((c) => c.type !== "alert" && !c.facility), f);
      if (m) {
        m.facility = f.value;
        m.evidence.push({ start: f.start, end: f.end, kind: "facility", rule: f.rule });
      }
    }
    const placeScore = new Map<Working, number>();
    for (const p of inSentence(entities.places)) {
      const role = p.value.demonym ? "none" : placeRole(text, p);
      if (role === "none") continue;
      const m = nearestMention(role === "subject" ? created.filter((c) => SUBJECT_PLACES_TYPES.has(c.type)) : created, p);
      if (!m) continue;
      if (m.type === "transfer" && isDestination(text, sentence, p)) {
        if (!m.destination) m.destination = p.value;
      } else {
        // The nearest place wins, a town over a wider area when both are close.
        const score = distanceTo(m.trigger, p) - (precisionRank(p.value) === 1 ? TOWN_BONUS_CHARS : 0);
        if (!m.place || score < (placeScore.get(m) ?? Infinity)) {
          m.place = p.value;
          m.placeSpan = p;
          placeScore.set(m, score);
        }
      }
      m.evidence.push({ start: p.start, end: p.end, kind: "place", rule: p.rule });
    }
    // Each event takes the nearest date assigned to it; a dateline's date ("NIAMEY, July 12 -")
    // says when the report was filed, not when anything happened.
    const datedBy = new Map<Working, Annotation<DateValue>>();
    for (const d of sentenceDates) {
      if (isDatelineDate(text, d) || !d.value.earliest) continue;
      const m = nearestMention(created.filter((c) => !isReference(text, c.trigger)), d);
      const current = m ? datedBy.get(m) : undefined;
      if (m && !m.date && (!current || distanceTo(m.trigger, d) < distanceTo(m.trigger, current))) datedBy.set(m, d);
    }
    for (const [m, d] of datedBy) {
      m.date = { earliest: d.value.earliest, latest: d.value.latest };
      m.evidence.push({ start: d.start, end: d.end, kind: "date", rule: d.rule });
    }
    // A sentence's place and facility belong to every event in it that names none ("stormed a
    // prison in X, freeing 250"), except alerts, which hold where the forces are.
    const located = created.find((m) => (m.facility || m.place) && AT_THE_FACILITY.has(m.type));
    for (const m of created) {
      if (m === located || !located || !AT_THE_FACILITY.has(m.type) || m.facility || m.place) continue;
      m.facility = located.facility;
      m.place = located.place;
    }
    // "a prison in the northwestern city of Dera Ismail Khan": the town's one curated facility.
    for (const m of created) {
      if (m.facility || !m.place || m.place.precision !== "town" || m.type === "alert") continue;
      const known = facilityInTown(text, sentence, m.place);
      if (known) m.facility = known;
    }
    // A sentence's date is the date of every event in it that names none of its own.
    const sentenceDate = created.find((m) => m.date)?.date ?? null;
    if (sentenceDate) for (const m of created) if (!isReference(text, m.trigger)) m.date ??= sentenceDate;
    for (const m of created) if (isReference(text, m.trigger)) references.add(m);
    const sentenceActors = inSentence(entities.actors).filter((a) => !isMediaSource(a.value));
    for (const m of created) {
      m.actors = unique(sentenceActors.map((a) => a.value.name));
      if (!m.place && m.type === "alert") {
        // "Iraqi forces were put on alert": the forces' country is where the alert holds.
        const force = inSentence(entities.actors).filter((a) => a.value.country && FORCE_KINDS.has(a.value.kind) && a.end <= m.trigger.start).pop();
        const demonym = inSentence(entities.places).filter((p) => p.value.demonym && p.end <= m.trigger.start).pop();
        const country = force?.value.country ? placeById(`country:${force.value.country}`) : null;
        if (country) m.place = country;
        else if (demonym) m.place = withoutDemonym(demonym.value);
      }
    }

    // 3. Numbers to their cues.
    const cues = cuesOf(text, sentence, triggers);
    for (const q of inSentence(entities.quantities)) {
      if (q.value.noCount || IGNORED_QUANTITY_RULES.has(q.rule) || countsThings(text, q, sentence)) continue;
      const reading = readCount(text, sentence, q, cues);
      const pend = () => {
        if (followedByDetainees(text, q, sentence)) pendingDetaineeCounts.push({ sentence: index, value: q.value, span: q, rule: q.rule });
      };
      if (!reading) {
        pend();
        continue;
      }
      const owner = reading.cue.trigger
        ? created.find((m) => m.trigger.start === reading.cue.trigger!.start && m.type === reading.cue.trigger!.type)
        : nearestMention(created.filter((m) => accepts(m.type, reading.quantity)), q) ??
          (reading.quantity === "killed" || reading.quantity === "wounded"
            ? casualtyOwner(attackFocus, index, scan.rejected.some((r) => isAttackOnSomethingElse(text, r)))
            : threadOwner(mentions, index, reading.quantity));
      if (!owner) {
        pend();
        continue;
      }
      addClaim(owner, reading.quantity, reading.group, q, doc, attributor.sourceAt(index, q.start)?.source ?? null, sentence, text);
    }

    // "The inmates were arrested": a definite plural takes the count given just before it.
    for (const m of created) {
      const main = m.type === "recapture" ? "recaptured" : m.type === "escape" ? "escaped" : null;
      if (!main || m.counts.some((c) => c.quantity === main)) continue;
      const pending = pendingDetaineeCounts.filter((p) => p.sentence >= index - 2 && p.sentence < index).pop();
      if (pending && /\b(?:the|these|those)\s+(?:\w+\s+)?(?:inmates|prisoners|detainees|escapees|fugitives)\b/i.test(text.slice(sentence.start, m.trigger.start))) {
        addClaim(m, main, null, { ...pending.span, kind: "quantity", value: pending.value, rule: pending.rule }, doc, attributor.sourceAt(pending.sentence, pending.span.start)?.source ?? null, sentences[pending.sentence], text);
      }
    }
    mentions.push(...created);
    const attackHere = created.find((m) => m.type === "attack" || m.type === "riot");
    if (attackHere) attackFocus = attackHere;
    else if (scan.rejected.some((r) => isAttackOnSomethingElse(text, r))) attackFocus = null;
  });

  // 2. Salient facility and dates, in reading order.
  let lastEventFacility: FacilityRef | null = null;
  for (const m of mentions) {
    // A planned transfer speaks of detainees in general, not of the prison just named.
    if (!m.facility && INHERITS_FACILITY.has(m.type) && !(m.type === "transfer" && m.modality === "planned")) {
      const recent = salientFacility(entities.facilities, sentences, m.sentence, m.trigger.start, RECENT_SENTENCES);
      const salient = recent ?? salientFacility(entities.facilities, sentences, m.sentence, m.trigger.start, SALIENCE_SENTENCES);
      // Beyond the last few sentences, the story's thread (the facility of its last event) beats
      // a facility named in passing.
      const value: FacilityRef | null = recent?.value ?? lastEventFacility ?? salient?.value ?? null;
      // Escapees are recaptured anywhere, even across a border: where they were caught says
      // nothing about the facility they fled.
      if (value && (m.type === "recapture" || placeAgrees(value, m.place))) {
        m.facility = value;
        const evidence = recent ?? salient;
        if (evidence && evidence.value.id === value.id) m.evidence.push({ start: evidence.start, end: evidence.end, kind: "facility", rule: "facility.salient" });
      }
    }
    if (m.facility && !m.place) m.place = m.facility.place;
    if (m.facility && m.type !== "alert") lastEventFacility = m.facility;
  }
  fillUndatedWindows(mentions.filter((m) => !references.has(m) || m.date), doc.published);
  return mentions.map(({ sentence: _s, placeSpan: _p, ...m }) => m);
}

function addClaim(
  m: Working,
  quantity: QuantityName,
  group: CountClaims["group"],
  q: Annotation<QuantityValue>,
  doc: Doc,
  source: string | null,
  sentence: Span,
  text: string,
): void {
  let count = m.counts.find((c) => c.quantity === quantity && c.group === group);
  if (!count) {
    count = { quantity, group, claims: [] };
    m.counts.push(count);
  }
  if (count.claims.some((c) => c.start === sentence.start && c.low === q.value.low)) return;
  count.claims.push({
    low: q.value.low,
    high: q.value.high,
    ...(q.value.best !== undefined ? { best: q.value.best } : {}),
    source,
    document: doc.id,
    quote: text.slice(sentence.start, sentence.end),
    start: sentence.start,
    end: sentence.end,
    rule: q.rule,
  });
  m.evidence.push({ start: q.start, end: q.end, kind: "quantity", rule: q.rule });
}

function accepts(type: IncidentType, quantity: QuantityName): boolean {
  if (quantity === "killed" || quantity === "wounded") return CASUALTY_TYPES.has(type);
  if (quantity === "held") return type !== "alert";
  if (quantity === "at_large") return type === "escape" || type === "recapture";
  if (quantity === "families") return type === "transfer" || type === "release" || type === "escape";
  return true;
}

/** "Ojok put the number of escapees at 211": a figure with no event in its sentence goes to the story's latest event it can count. */
function threadOwner(mentions: Working[], sentence: number, quantity: QuantityName): Working | undefined {
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i];
    if (sentence - m.sentence > CASUALTY_REACH_SENTENCES) break;
    if (TRIGGER_QUANTITY_OF[m.type] === quantity || (quantity === "at_large" && (m.type === "escape" || m.type === "recapture"))) return m;
  }
  return undefined;
}
const TRIGGER_QUANTITY_OF: Partial<Record<IncidentType, QuantityName>> = { escape: "escaped", release: "released", recapture: "recaptured", transfer: "transferred" };

/** An attack trigger rejected for its target ("stormed an army barracks"); "the attack" alone refers back. */
function isAttackOnSomethingElse(text: string, t: Trigger): boolean {
  return t.type === "attack" && !/^attacks?$/i.test(text.slice(t.start, t.end));
}

function casualtyOwner(focus: Working | null, sentence: number, blocked: boolean): Working | undefined {
  if (blocked || !focus || sentence - focus.sentence > CASUALTY_REACH_SENTENCES) return undefined;
  return focus;
}

/** The curated facility of a town, when the sentence speaks of one by its kind ("a prison in X"). */
function facilityInTown(text: string, sentence: Span, place: PlaceRef): FacilityRef | null {
  const words = text.slice(sentence.start, sentence.end).toLowerCase();
  for (const noun of facilityHeadWords()) {
    if (!words.includes(noun)) continue;
    const found = findFacility(`${place.name} ${noun}`);
    if (found && found.place?.country === place.country) return found;
  }
  return null;
}

/** "after the attack", "since the jailbreak", "the escaped inmates": a trigger naming an earlier event. */
function isReference(text: string, trigger: Span): boolean {
  const before = text.slice(Math.max(0, trigger.start - 40), trigger.start);
  return /\b(?:after|since|following|before|ahead of)\s+(?:the|last\s+\w+['’]s|\w+['’]s|this|that)\s+(?:[\w-]+\s+)?$/i.test(before) || /\b(?:the|these|those|of)\s+$/i.test(before) && /ed$/i.test(text.slice(trigger.start, trigger.end));
}

/** Characters between a trigger and an entity; entities after the trigger count a little closer. */
function distanceTo(trigger: Span, span: Span): number {
  if (span.end <= trigger.start) return trigger.start - span.end;
  if (span.start >= trigger.end) return (span.start - trigger.end) * 0.8;
  return 0;
}

function nearestMention<M extends { trigger: Span }>(list: M[], span: Span): M | undefined {
  let best: M | undefined;
  let bestDistance = Infinity;
  for (const m of list) {
    const d = span.end <= m.trigger.start ? m.trigger.start - span.end : span.start >= m.trigger.end ? (span.start - m.trigger.end) * 0.8 : 0;
    if (d < bestDistance) {
      best = m;
      bestDistance = d;
    }
  }
  return best;
}

function salientFacility(facilities: Array<Annotation<FacilityRef>>, sentences: Span[], index: number, before: number, reach: number): Annotation<FacilityRef> | undefined {
  const floor = sentences[Math.max(0, index - reach)].start;
  // A police station is named as an actor far more often than as where detainees are held.
  const candidates = facilities.filter((f) => f.end <= before && f.start >= floor && f.value.kind !== "police_station");
  return candidates[candidates.length - 1];
}

function placeAgrees(facility: FacilityRef, place: PlaceRef | null): boolean {
  if (!place || !facility.place) return true;
  // a facility known only by its country agrees with any place in that country
  if (place.precision === "country" || place.precision === "region" || facility.place.precision === "country") return !place.country || place.country === facility.place.country;
  if (place.precision === "admin1") return !place.admin1 || !facility.place.admin1 || place.admin1 === facility.place.admin1 || place.country === facility.place.country;
  return place.id === facility.place.id || place.name === facility.place.name || place.admin1 === facility.place.admin1;
}

/** A town may be this many characters further from the trigger than a province or country and still win. */
const TOWN_BONUS_CHARS = 20;
function isDestination(text: string, sentence: Span, place: Span, facility = false): boolean {
  const before = text.slice(Math.max(sentence.start, place.start - (facility ? 75 : 30)), place.start);
  return (facility ? TO_FACILITY : TO_PLACE).test(before) && !/\bfrom\s+(?:[\w-]+\s+){0,2}$/i.test(before);
}
const TO_PLACE = /\b(?:to|into|towards|toward)\s+(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,2}$/i;
/** A destination facility may stand further after "to" ("to the maximum-security prison island of X"). */
const TO_FACILITY = /\b(?:to|into|towards|toward)\s+(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,5}$/i;

/** "a dozen facilities", "two explosions": numbers that count things, not people. */
function countsThings(text: string, q: Span, sentence: Span): boolean {
  const next = text.slice(q.end, windowAfter(text, q.end, 2, sentence.end));
  NON_PERSON_NOUNS.lastIndex = 0;
  const m = NON_PERSON_NOUNS.exec(next);
  return Boolean(m && m.index <= 1 + (next.match(/^\s*\S+\s+/)?.[0].length ?? 0) && !DETAINEE_NOUNS.test(next.slice(0, m.index)));
}

/** A country as subject still places these: "Iraq has detained ..." happened in Iraq. */
const SUBJECT_PLACES_TYPES = new Set<IncidentType>(["recapture", "alert"]);

type PlaceRole = "event" | "subject" | "none";

/** Sorts out places that are not where anything happened: an actor's seat, a dateline, a country as an actor. */
function placeRole(text: string, p: Annotation<PlaceValue>): PlaceRole {
  const before = text.slice(Math.max(0, p.start - 24), p.start);
  PLACE_NOT_AFTER.lastIndex = 0;
  const notAfter = [...before.matchAll(PLACE_NOT_AFTER)].pop();
  if (notAfter && /^\s*(?:the\s+)?$/.test(before.slice(notAfter.index! + notAfter[0].length))) return "none";
  const after = text.slice(p.end, p.end + 30);
  // "US-backed", "SDF-run", "Turkish-controlled": a compound modifier names an actor, not a place.
  if (/^-[a-z]/.test(after)) return "none";
  PLACE_ACTOR_NOUNS.lastIndex = 0;
  const actorNoun = PLACE_ACTOR_NOUNS.exec(after);
  if (actorNoun && /^[\s-]*$/.test(after.slice(0, actorNoun.index)) && p.value.precision !== "town") return "none";
  PLACE_SPEAKER_VERBS.lastIndex = 0;
  const verb = PLACE_SPEAKER_VERBS.exec(after);
  if (verb && /^\s*$/.test(after.slice(0, verb.index))) return "none";
  // "the United States used airstrikes", "Turkey launched": a country as subject is an actor.
  if (p.value.precision === "country" && /^\s+(?:has|have|had|is|was|were|are|will|would|can|could|did|does|[a-z]{2,}(?:s|ed))\b/i.test(after) && !/^\s+(?:is|was)\s+(?:a|an|the|in|on|at|where)\b/.test(after)) {
    return "subject";
  }
  // "ERBIL, Kurdistan Region – ...": the dateline names where the reporter is, not the event.
  const lineStart = text.lastIndexOf("\n", p.start) + 1;
  if (p.start - lineStart < 40 && /^[^.]{0,40}?\s[–—-]\s/.test(text.slice(lineStart, lineStart + 60)) && p.start < lineStart + text.slice(lineStart).search(/\s[–—-]\s/)) return "none";
  // "DERA ISMAIL KHAN:" and "KABUL (Reuters) -" datelines in capitals.
  if (p.start - lineStart < 40 && /^[A-Z][A-Z .'-]{2,40}(?::|,|\s\()/.test(text.slice(lineStart, lineStart + 60)) && text.slice(lineStart, p.end) === text.slice(lineStart, p.end).toUpperCase()) return "none";
  // A bulk-dataset town right after a capitalised word is a surname ("John Kirby").
  if (p.rule === "gazetteer.place.world-city" && /[A-Z][a-z]+\s$/.test(before) && !/(?:^|[.!?]\s+|\b(?:In|At|From|Of|To|Near)\s)[A-Z][a-z]+\s$/.test(before)) return "none";
  return "event";
}

function withoutDemonym(value: PlaceValue): PlaceRef {
  const { demonym: _d, ...place } = value;
  return place;
}

function followedByDetainees(text: string, q: Span, sentence: Span): boolean {
  const after = text.slice(q.end, windowAfter(text, q.end, 3, sentence.end));
  return matchAll(DETAINEE_NOUNS, after).length > 0;
}

function isMediaSource(actor: ActorValue): boolean {
  return actor.kind === "media" || actor.kind === "monitor";
}

interface TimeMark extends Span {
  past: boolean;
}

/** Every time expression of a sentence, marked past (history) or not: dates, "five years ago", "2014". */
function timesOf(text: string, sentence: Span, dates: Array<Annotation<DateValue>>, published: Day | null): TimeMark[] {
  const marks: TimeMark[] = [];
  const body = text.slice(sentence.start, sentence.end);
  for (const m of body.matchAll(YEARS_AGO)) marks.push({ start: sentence.start + m.index!, end: sentence.start + m.index! + m[0].length, past: true });
  for (const d of dates) {
    if (marks.some((x) => x.start < d.end && d.start < x.end)) continue;
    marks.push({ start: d.start, end: d.end, past: isBackgroundDate(d.value, published) });
  }
  if (published) {
    const year = Number(published.slice(0, 4));
    for (const m of body.matchAll(/\b(19[5-9]\d|20\d\d)\b/g)) {
      const start = sentence.start + m.index!;
      if (Number(m[1]) >= year || marks.some((x) => x.start <= start && start < x.end)) continue;
      if (/^\s*(?:-|–)?\s*(?:year-old|per\s|km|kilomet|people|prisoners|inmates)/i.test(text.slice(start + 4, start + 20))) continue;
      marks.push({ start, end: start + 4, past: true });
    }
  }
  return marks;
}

/** "N years ago", "decades ago" (with "this week" folded in: "five years ago this week"). */
const YEARS_AGO = /\b(?:\w+|\d+)\s+(?:years|decades)\s+(?:ago(?:\s+(?:this|last)\s+(?:week|month))?|after|since|on)\b|\banniversary\b/gi;

/** A trigger belongs to the time expression nearest to it; history when that one is past. */
function nearestTimeIsPast(times: TimeMark[], t: Span): boolean {
  let nearest: TimeMark | null = null;
  let distance = Infinity;
  for (const mark of times) {
    const d = distanceTo(t, mark);
    if (d < distance) {
      nearest = mark;
      distance = d;
    }
  }
  return nearest?.past ?? false;
}

function isBackgroundDate(value: DateValue, published: Day | null): boolean {
  if (!published || !value.latest) return false;
  return daysBetween(value.latest, published) > BACKGROUND_DAYS;
}

/** 2. Undated mentions: the window of the last dated mention before them, up to publication. */
function fillUndatedWindows(mentions: Working[], published: Day | null): void {
  // Anchors are per facility (or place): a roundup's second story does not inherit the first's day.
  const anchors = new Map<string, DateWindow>();
  const keyOf = (m: Working) => m.facility?.id ?? m.place?.id ?? m.place?.name ?? "";
  for (const m of mentions) {
    if (m.date) {
      anchors.set(keyOf(m), m.date);
      continue;
    }
    if (!published) continue;
    const anchor = anchors.get(keyOf(m));
    const earliest = anchor && anchor.earliest <= published ? anchor.earliest : shiftDay(published, -UNDATED_LOOKBACK_DAYS);
    m.date = { earliest, latest: published };
  }
}

/** A date in a paragraph's opening dateline: "NIAMEY, July 12 (Sahel Wire) -", "BAMAKO, Aug 19 -". */
function isDatelineDate(text: string, d: Span): boolean {
  const lineStart = text.lastIndexOf("\n", d.start) + 1;
  if (d.start - lineStart > 40) return false;
  return /^[A-Z][A-Za-z .'-]{1,40},\s*$/.test(text.slice(lineStart, d.start)) && /^\s*(?:\(|[-–—])/.test(text.slice(d.end, d.end + 4));
}

function daysBetween(a: Day, b: Day): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

function shiftDay(day: Day, n: number): Day {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function mentionId(docId: string, type: IncidentType, span: Span): string {
  return "men_" + createHash("sha256").update(`${docId}|${type}|${span.start}|${span.end}`).digest("hex").slice(0, 16);
}
