// Stages: facilities named in a sentence go to its events.
//   1. Each facility goes to the nearest trigger of its own clause, else of the sentence (not to
//      an alert: alerts hold where forces are); a facility a transfer goes "to" is its destination.
//   2. A sentence's place and facility belong to every event at the facility that names none
//      ("stormed a prison in X, freeing 250").
//   3. "a prison in the northwestern city of X": the town's one curated facility.
import type { Annotation, Span } from "../../model/doc.ts";
import type { FacilityRef, IncidentType, PlaceRef } from "../../model/incident.ts";
import { facilityHeadWords, findFacility } from "../../gazetteer/index.ts";
import { clauseAt } from "./clauses.ts";
import { nearestMention, type SentenceView } from "./context.ts";

/** "to a notorious military detention centre in X", "to the maximum-security prison island of X": where a transfer goes, a few words before the facility. */
const DESTINATION_BEFORE = /\b(?:to|into|towards|toward)\s+(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){0,5}$/i;
const DESTINATION_REACH_CHARS = 50;
/** Events that leave a facility named after "from". */
const DEPARTURES = new Set<IncidentType>(["escape", "release"]);
/** "escaped from the", "broke out of": the facility right after a departure is the one left. */
const FROM_BEFORE = /^\s+(?:from|out\s+of)\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,2}$/i;
const FROM_REACH_CHARS = 40;
/** "broke out of the", "fled": a trigger that ends with its preposition needs none before the facility. */
const BARE_BEFORE = /^\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,2}$/i;

function leftFrom(text: string, trigger: Span, f: Span): boolean {
  const gap = text.slice(trigger.end, f.start);
  return FROM_BEFORE.test(gap) || (/(?:of|from)$/i.test(text.slice(trigger.start, trigger.end)) && BARE_BEFORE.test(gap));
}
/** A transfer told by the side that receives the detainees ("received", "took custody of"). */
const RECEIVED_RULE = "trigger.transfer.received";
/** Between a receiving facility, the subject, and its verb: a few words, no clause break ("the X prison on Monday received"). */
const RECEIVER_GAP = /^\s*(?:[\w'’-]+\s+){0,3}$/;
/** Events that happen at the facility itself and so share a sentence's location (not recaptures: escapees are caught elsewhere). */
const AT_THE_FACILITY = new Set<IncidentType>(["attack", "escape", "riot", "release", "control_change"]);

export function linkFacilities(s: SentenceView): void {
  if (s.created.length === 0) return; // facilities go to this sentence's events only
  const text = s.story.text;
  const candidates = s.created.filter((c) => c.type !== "alert");
  for (const f of s.facilities) {
    if (namedRightAfter(text, f, s.facilities)) continue;
    const transfer = candidates.find((c) => c.type === "transfer" && c.trigger.end <= f.start);
    if (transfer && DESTINATION_BEFORE.test(text.slice(Math.max(transfer.trigger.start, f.start - DESTINATION_REACH_CHARS), f.start))) {
      transfer.destination ??= f.value.place;
      s.story.destinations.add(f);
      continue;
    }
    // "The X prison took custody of 80 inmates from Y": the side that receives is where they go.
    const receiving = candidates.find((c) => c.type === "transfer" && c.trigger.rule.startsWith(RECEIVED_RULE) && f.end <= c.trigger.start && RECEIVER_GAP.test(text.slice(f.end, c.trigger.start)));
    if (receiving) {
      receiving.destination ??= f.value.place;
      s.story.destinations.add(f);
      continue;
    }
    const clause = clauseAt(s.clauses(), f.start);
    // A facility goes to the nearest event that has none yet, unless the text says which event
    // left it: "convicts who escaped from Kamiti prison were arrested" (the escape, not the arrest).
    const open = candidates.filter((c) => !c.facility);
    const left = open.find((c) => DEPARTURES.has(c.type) && c.trigger.end <= f.start && f.start - c.trigger.end <= FROM_REACH_CHARS && leftFrom(text, c.trigger, f));
    if (left) {
      left.facility = f.value;
      left.evidence.push({ start: f.start, end: f.end, kind: "facility", rule: f.rule });
      continue;
    }
    const sameClause = open.filter((c) => clauseAt(s.clauses(), c.trigger.start) === clause);
    const m = nearestMention(sameClause.length ? sameClause : open, f);
    if (m) {
      m.facility = f.value;
      m.evidence.push({ start: f.start, end: f.end, kind: "facility", rule: f.rule });
    }
  }
}

/** "the high-security island prison colony of Nusakambangan": a phrase read as "the prison" back-reference whose own name follows it. */
function namedRightAfter(text: string, f: Annotation<FacilityRef>, facilities: Array<Annotation<FacilityRef>>): boolean {
  if (!f.rule.startsWith(ANAPHOR_RULE)) return false;
  return facilities.some((n) => n !== f && n.start >= f.end && !n.rule.startsWith(ANAPHOR_RULE) && NAME_OF_GAP.test(text.slice(f.end, n.start)));
}
const ANAPHOR_RULE = "gazetteer.facility.anaphor";
/** "colony of", "island of", " of": what joins a facility word to the name it is the facility of. */
const NAME_OF_GAP = /^\s+(?:[\w-]+\s+){0,2}(?:of|at|on)\s+(?:the\s+)?$/i;

export function shareSentenceLocation(s: SentenceView): void {
  const located = s.created.find((m) => (m.facility || m.place) && AT_THE_FACILITY.has(m.type));
  for (const m of s.created) {
    if (m === located || !located || !AT_THE_FACILITY.has(m.type) || m.facility || m.place) continue;
    m.facility = located.facility;
    m.place = located.place;
  }
  // "recaptured ten of the escaped inmates of the Kuje prison", "arrested 12 of the inmates who
  // escaped from the Kuje prison": the escapees came from the facility the escape names.
  const recalled = s.created.find((m) => m.facility && (s.story.references.has(m) || m.type === "escape"));
  for (const m of s.created) {
    if (recalled && m.type === "recapture" && !m.facility && !s.story.references.has(m)) m.facility = recalled.facility;
  }
}

export function facilityOfTown(s: SentenceView): void {
  for (const m of s.created) {
    if (m.facility || !m.place || m.place.precision !== "town" || m.type === "alert") continue;
    const known = facilityInTown(s.story.text, s.sentence, m.place);
    if (known) m.facility = known;
  }
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
