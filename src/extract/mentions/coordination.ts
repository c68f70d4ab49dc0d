// Stage: one sentence naming two facilities for one event tells one incident per facility:
// "gunmen stormed the Kuje prison and the Koton Karfe prison, freeing dozens" is two attacks and
// two escapes. Each event at one member of a coordinated list ("A and B", "A, B and C", "A as
// well as B", "A as well as another facility at X") is repeated at the others.
import type { Annotation, Span } from "../../model/doc.ts";
import type { FacilityRef, IncidentType } from "../../model/incident.ts";
import type { PlaceValue, SentenceView, Working } from "./context.ts";
import { mentionId } from "./propose.ts";

/** Events that happen at each facility of the list (not transfers: "from A to B" is one move). */
const SPLIT_TYPES = new Set<IncidentType>(["attack", "escape", "riot", "release", "control_change"]);
/** What joins two members of a list: "and", "as well as", "&", with a determiner or a few words of description. */
const AND_JOIN = /^\s*[—–]?\s*,?\s+(?:and|as\s+well\s+as|&)\s+(?:(?:the|a|an|another|at|in|on|of)\s+){0,2}(?:[\w'’-]+\s+){0,2}$/i;
/** "A, B and C": a comma joins only inside a list that an "and" closes. */
const COMMA_JOIN = /^\s*,\s+(?:the\s+)?$/i;
/** "..., as well as another facility at": a second facility named by where it is. */
const ANOTHER_FACILITY_AT = /^\s*[—–-]?\s*,?\s*(?:and|as\s+well\s+as)\s+(?:another|a\s+second|the\s+other|a)\s+(?:[\w-]+\s+)?(?:facility|prison|jail|detention\s+cent(?:re|er)|camp|penitentiary|lock-?up)\s+(?:at|in|near)\s+(?:the\s+)?$/i;
const MAX_ANOTHER_CHARS = 60;
/** A joining stretch longer than this is a new clause, not a list. */
const MAX_JOIN_CHARS = 40;

export function splitCoordinatedFacilities(s: SentenceView): void {
  const text = s.story.text;
  // "released from Pul-e-Charkhi as well as another facility at Bagram": a second facility known by its place.
  for (const m of [...s.created]) {
    if (!SPLIT_TYPES.has(m.type) || !m.facility) continue;
    const named = s.facilities.find((f) => f.value.id === m.facility!.id);
    const other = named && s.places.find((p) => p.start > named.end && p.start - named.end <= MAX_ANOTHER_CHARS && ANOTHER_FACILITY_AT.test(text.slice(named.end, p.start)));
    if (other && !s.created.some((c) => c.type === m.type && c.place?.name === other.value.name && !c.facility)) {
      s.created.push({ ...atFacility(s, m, other), facility: null, place: other.value });
    }
  }
  const named = apposedNames(text, s.facilities);
  for (const group of facilityLists(text, s.facilities)) {
    const ids = new Set(group.map((f) => f.value.id));
    if (ids.size < 2) continue;
    for (const m of [...s.created]) {
      if (!SPLIT_TYPES.has(m.type) || !m.facility) continue;
      // "a prison on the outskirts of Kabul — Pul-e-Charkhi — as well as ...": the event's facility is the list's first member by another name.
      const alias = named.get(m.facility.id);
      if (!ids.has(m.facility.id) && !(alias && ids.has(alias))) continue;
      // The facility takes its own name.
      if (alias && ids.has(alias)) m.facility = group.find((f) => f.value.id === alias)!.value;
      for (const f of group) {
        if (f.value.id === alias || s.created.some((c) => c.type === m.type && c.facility?.id === f.value.id)) continue;
        s.created.push(atFacility(s, m, f));
      }
    }
  }
}

function atFacility(s: SentenceView, m: Working, f: Annotation<FacilityRef> | Annotation<PlaceValue>): Working {
  return {
    ...m,
    id: mentionId(s.story.doc.id, m.type, m.trigger, f),
    facility: f.value as FacilityRef,
    place: null,
    placeSpan: undefined,
    actors: [...m.actors],
    counts: [],
    evidence: [...m.evidence.filter((e) => e.kind !== "facility" && e.kind !== "place"), { start: f.start, end: f.end, kind: "facility", rule: f.rule }],
  };
}

/** Runs of facilities in the sentence joined as a list. */
function facilityLists(text: string, facilities: Array<Annotation<FacilityRef>>): Array<Array<Annotation<FacilityRef>>> {
  const sorted = [...facilities].sort((a, b) => a.start - b.start);
  const lists: Array<Array<Annotation<FacilityRef>>> = [];
  let run: Array<Annotation<FacilityRef>> = [];
  let closedByAnd = false;
  const close = () => {
    if (run.length > 1 && closedByAnd) lists.push(run);
    run = [];
    closedByAnd = false;
  };
  for (const f of sorted) {
    const last = run[run.length - 1];
    const join = last ? gap(text, last, f) : null;
    if (join !== null && AND_JOIN.test(join)) {
      run.push(f);
      closedByAnd = true;
    } else if (join !== null && COMMA_JOIN.test(join) && !closedByAnd) {
      run.push(f);
    } else {
      close();
      run = [f];
    }
  }
  close();
  return lists;
}

/** "a prison on the outskirts of Kabul — Pul-e-Charkhi —", "the central prison (Kuje)": a facility and its name in apposition, by id. */
function apposedNames(text: string, facilities: Array<Annotation<FacilityRef>>): Map<string, string> {
  const sorted = [...facilities].sort((a, b) => a.start - b.start);
  const named = new Map<string, string>();
  for (let i = 1; i < sorted.length; i++) {
    if (APPOSITION.test(text.slice(sorted[i - 1].end, sorted[i].start)) && sorted[i - 1].value.id !== sorted[i].value.id) named.set(sorted[i - 1].value.id, sorted[i].value.id);
  }
  return named;
}
const APPOSITION = /^\s*[—–(]\s*$/;

function gap(text: string, a: Span, b: Span): string | null {
  return b.start - a.end <= MAX_JOIN_CHARS && b.start >= a.end ? text.slice(a.end, b.start) : null;
}
