// Stage: places of a sentence go to the nearest event they can place. A place first gets a role:
// where something happened ("event"), a country acting as subject ("Iraq has detained ...":
// places only recaptures and alerts), or nothing at all (an actor's seat, a dateline, a speaker,
// "US-backed"). A transfer's "to X" is its destination.
import type { Annotation, Span } from "../../model/doc.ts";
import type { IncidentType, PlaceRef } from "../../model/incident.ts";
import { precisionRank } from "../../gazetteer/geo.ts";
import { PLACE_ACTOR_NOUNS, PLACE_NOT_AFTER, PLACE_SPEAKER_VERBS } from "../lexicon.ts";
import { clauseAt } from "./clauses.ts";
import { distanceTo, lineStartWithin, nearestMention, type PlaceValue, type SentenceView, type Working } from "./context.ts";

/** A town may be this many characters further from the trigger than a province or country and still win. */
const TOWN_BONUS_CHARS = 20;
/** "Brazil's State Penitentiary of X in the Natal area": a country in the possessive only qualifies what follows; a place named with it wins unless much further off. */
const POSSESSIVE_PENALTY_CHARS = 60;
function possessiveCountry(text: string, p: Annotation<PlaceValue>): boolean {
  return p.value.precision === "country" && /^['’]s\b/.test(text.slice(p.end, p.end + 3));
}

/** A country as subject still places these: "Iraq has detained ..." happened in Iraq. */
const SUBJECT_PLACES_TYPES = new Set<IncidentType>(["recapture", "alert"]);

type PlaceRole = "event" | "subject" | "seat" | "none";
/** "a Paraguayan prison", "a Syrian jail": a demonym naming the facility's country. */
const FACILITY_AFTER_DEMONYM = /^\s+(?:[\w-]+\s+)?(?:prison|jail|gaol|penitentiary|detention|custodial|correctional|camp)\b/i;
/** "near the border with", "bordering", "border posts with": what follows is a neighbour. */
const BORDER_WITH_BEFORE = /\b(?:(?:borders?|frontiers?)(?:\s+(?:posts?|crossings?|crossing\s+points?|areas?|regions?))?\s+with|bordering)\s+$/i;
/** "was attacked", "were freed", "has been stormed": a passive verb after a place. */
const PASSIVE_AFTER = /^\s+(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|un)\b/i;
/** After a town too, these make it the seat of a state rather than where something happened. */
const STATE_AFTER = /^\s+(?:government|regime)\b/i;

export function linkPlaces(s: SentenceView): void {
  if (s.created.length === 0) return; // places go to this sentence's events only
  const text = s.story.text;
  const placeScore = new Map<Working, number>();
  // "to arrest the fleeing inmates in X": a reference to the escape does not take the place of
  // the event told, nor a place outside its own clause ("in that riot, which began after a
  // transfer to a prison near X").
  const told = s.created.filter((c) => !s.story.references.has(c));
  for (const p of s.places) {
    const role = p.value.demonym ? (FACILITY_AFTER_DEMONYM.test(text.slice(p.end, p.end + 40)) ? "event" : "none") : placeRole(text, p);
    if (role === "none") continue;
    const candidates = told.length ? told : s.created.filter((c) => clauseAt(s.clauses(), c.trigger.start) === clauseAt(s.clauses(), p.start));
    // "a prison near the border with Brazil", "security at border crossings with Algeria": the
    // neighbour is a landmark, neither where it happened nor the side put on alert (alert-places.ts
    // finds that side from the forces or the facility).
    if (BORDER_WITH_BEFORE.test(text.slice(Math.max(0, p.start - 40), p.start))) continue;
    const placeable = (role === "subject" ? candidates.filter((c) => SUBJECT_PLACES_TYPES.has(c.type)) : role === "seat" ? candidates.filter((c) => c.type === "alert") : candidates).filter((c) => !elsewhere(c, p.value));
    const m = nearestMention(placeable, p);
    if (!m) continue;
    if (m.type === "transfer" && isDestination(text, s.sentence, p)) {
      if (!m.destination) m.destination = p.value;
    } else {
      // The nearest place wins, a town over a wider area when both are close; the country that
      // acts on an alert beats any other ("Niger closed its border with Nigeria").
      const actsOnAlert = role === "subject" && m.type === "alert";
      const score = actsOnAlert ? -Infinity : distanceTo(m.trigger, p) - (precisionRank(p.value) === 1 ? TOWN_BONUS_CHARS : 0) + (possessiveCountry(text, p) ? POSSESSIVE_PENALTY_CHARS : 0);
      if (!m.place || score < (placeScore.get(m) ?? Infinity)) {
        m.place = p.value;
        m.placeSpan = p;
        placeScore.set(m, score);
      }
    }
    m.evidence.push({ start: p.start, end: p.end, kind: "place", rule: p.rule });
  }
}

/** "Border posts with Ghana were closed after inmates escaped from the X prison": a country other than that of the event's own facility is not where the event happened. */
function elsewhere(m: Working, place: PlaceRef): boolean {
  const country = m.facility?.place?.country;
  return Boolean(country && place.country && place.country !== country && m.type !== "transfer");
}

function isDestination(text: string, sentence: Span, place: Span): boolean {
  const before = text.slice(Math.max(sentence.start, place.start - 30), place.start);
  return /\b(?:to|into|towards|toward)\s+(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,2}$/i.test(before) && !/\bfrom\s+(?:[\w-]+\s+){0,2}$/i.test(before);
}

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
  // "the Niger State Police Command beefed up security": a division's own forces guard that division.
  if (actorNoun && /^[\s-]*$/.test(after.slice(0, actorNoun.index)) && p.value.precision === "admin1") return "seat";
  if (actorNoun && /^[\s-]*$/.test(after.slice(0, actorNoun.index)) && p.value.precision !== "town") return "none";
  // "the Damascus government agreed to release": a capital standing for its state.
  if (STATE_AFTER.test(after)) return "none";
  PLACE_SPEAKER_VERBS.lastIndex = 0;
  const verb = PLACE_SPEAKER_VERBS.exec(after);
  if (verb && /^\s*$/.test(after.slice(0, verb.index))) return "none";
  // "the United States used airstrikes", "Turkey launched": a country as subject is an actor.
  // Not so for a passive verb: "a prison in northern Burkina Faso was attacked" happened there.
  if (p.value.precision === "country" && /^\s+(?:has|have|had|is|was|were|are|will|would|can|could|did|does|[a-z]{2,}(?:s|ed))\b/i.test(after) && !/^\s+(?:is|was)\s+(?:a|an|the|in|on|at|where)\b/.test(after) && !PASSIVE_AFTER.test(after)) {
    return "subject";
  }
  // "ERBIL, Kurdistan Region – ...": the dateline names where the reporter is, not the event.
  const lineStart = lineStartWithin(text, p.start, 39);
  if (lineStart >= 0 && /^[^.]{0,40}?\s[–—-]\s/.test(text.slice(lineStart, lineStart + 60)) && p.start < lineStart + text.slice(lineStart, lineStart + 60).search(/\s[–—-]\s/)) return "none";
  // "DERA ISMAIL KHAN:" and "KABUL (Reuters) -" datelines in capitals.
  if (lineStart >= 0 && /^[A-Z][A-Z .'-]{2,40}(?::|,|\s\()/.test(text.slice(lineStart, lineStart + 60)) && text.slice(lineStart, p.end) === text.slice(lineStart, p.end).toUpperCase()) return "none";
  // A bulk-dataset town right after a capitalised word is a surname ("John Kirby").
  if (p.rule === "gazetteer.place.world-city" && /[A-Z][a-z]+\s$/.test(before) && !/(?:^|[.!?]\s+|\b(?:In|At|From|Of|To|Near)\s)[A-Z][a-z]+\s$/.test(before)) return "none";
  return "event";
}

function withoutDemonym(value: PlaceValue): PlaceRef {
  const { demonym: _d, ...place } = value;
  return place;
}
