// Salience: which facility "the prison" and "the inmates" refer to. A trigger naming no facility
// takes the one the text named last, within a few sentences; further back, the story's thread
// (the facility of its last event) beats a facility named in passing.
import type { Annotation, Span } from "../../model/doc.ts";
import type { FacilityRef, IncidentType, PlaceRef } from "../../model/incident.ts";
import { firstStartingAtOrAfter, type Story } from "./context.ts";

/** A facility named this many sentences back is still what "the prison" refers to. */
const SALIENCE_SENTENCES = 40;
/** Sentences within which the last named facility is the one "the prison" refers to. */
const RECENT_SENTENCES = 6;
/** "ISIS members escaped" is an escape from custody when a facility was named this recently. */
export const CUSTODY_SALIENCE_SENTENCES = 6;
/** Types whose mentions inherit the salient facility when they name none. */
const INHERITS_FACILITY = new Set<IncidentType>(["escape", "release", "riot", "attack", "recapture", "control_change", "transfer"]);

/** The last facility named within `reach` sentences before `before`, not counting where transfers went. */
export function salientFacility(story: Story, sentences: Span[], index: number, before: number, reach: number): Annotation<FacilityRef> | undefined {
  const floor = sentences[Math.max(0, index - reach)].start;
  const facilities = story.entities.facilities;
  // Facilities come in text order, so the search walks back from `before` and stops at `floor`.
  for (let i = firstStartingAtOrAfter(facilities, before) - 1; i >= 0; i--) {
    const f = facilities[i];
    if (f.start < floor) break;
    // A police station is named as an actor far more often than as where detainees are held.
    if (f.end <= before && f.value.kind !== "police_station" && !story.destinations.has(f) && !inHistory(story, sentences, f)) return f;
  }
  return undefined;
}

/** "founded inside a São Paulo prison in the 1990s": a facility named in history is not what "the prison" means now. */
function inHistory(story: Story, sentences: Span[], f: Span): boolean {
  if (story.historySentences.size === 0) return false;
  const i = firstStartingAtOrAfter(sentences, f.start + 1) - 1; // the sentence starting at or before f
  return i >= 0 && story.historySentences.has(i) && f.end <= sentences[i].end;
}

/** Story stage, in reading order: mentions naming no facility inherit the salient one. */
export function inheritSalientFacility(story: Story): void {
  const { sentences } = story;
  let lastEventFacility: FacilityRef | null = null;
  for (const m of story.mentions) {
    // A planned transfer speaks of detainees in general, not of the prison just named.
    if (!m.facility && INHERITS_FACILITY.has(m.type) && !(m.type === "transfer" && m.modality === "planned")) {
      const recent = salientFacility(story, sentences, m.sentence, m.trigger.start, RECENT_SENTENCES);
      const salient = recent ?? salientFacility(story, sentences, m.sentence, m.trigger.start, SALIENCE_SENTENCES);
      // A lead that names no facility ("21 prisoners escaped jail ... ten had been recaptured")
      // speaks of the one the story names a few paragraphs on.
      // Only for a mention placed nowhere, which would otherwise be lost.
      const ahead: Annotation<FacilityRef> | undefined = recent || lastEventFacility || salient || m.place ? undefined : facilityAhead(story, m.sentence, m.trigger.end);
      const value: FacilityRef | null = recent?.value ?? lastEventFacility ?? salient?.value ?? ahead?.value ?? null;
      // Escapees are recaptured anywhere, even across a border: where they were caught says
      // nothing about the facility they fled.
      if (value && (m.type === "recapture" || placeAgrees(value, m.place))) {
        m.facility = value;
        const evidence = recent ?? salient ?? ahead;
        if (evidence && evidence.value.id === value.id) m.evidence.push({ start: evidence.start, end: evidence.end, kind: "facility", rule: "facility.salient" });
      }
    }
    if (m.facility && !m.place) m.place = m.facility.place;
    if (m.facility && m.type !== "alert") lastEventFacility = m.facility;
  }
}

/** Sentences ahead within which the first facility the story names is the one its lead speaks of. */
const AHEAD_SENTENCES = 4;

/** The first facility named after `after`, within a few sentences, not where a transfer went nor in history. */
function facilityAhead(story: Story, index: number, after: number): Annotation<FacilityRef> | undefined {
  const { sentences } = story;
  const ceiling = sentences[Math.min(sentences.length - 1, index + AHEAD_SENTENCES)].end;
  const facilities = story.entities.facilities;
  for (let i = firstStartingAtOrAfter(facilities, after); i < facilities.length && facilities[i].start < ceiling; i++) {
    const f = facilities[i];
    if (f.value.kind !== "police_station" && !story.destinations.has(f) && !inHistory(story, sentences, f)) return f;
  }
  return undefined;
}

function placeAgrees(facility: FacilityRef, place: PlaceRef | null): boolean {
  if (!place || !facility.place) return true;
  // a facility known only by its country agrees with any place in that country
  if (place.precision === "country" || place.precision === "region" || facility.place.precision === "country") return !place.country || place.country === facility.place.country;
  if (place.precision === "admin1") return !place.admin1 || !facility.place.admin1 || place.admin1 === facility.place.admin1 || place.country === facility.place.country;
  return place.id === facility.place.id || place.name === facility.place.name || place.admin1 === facility.place.admin1;
}
