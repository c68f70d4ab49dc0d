// References back to a facility the report named: "the central prison", "the jail", "this
// facility" take the last facility named before them that fits ("the camp" only a camp). Steps:
//  1. find definite generic phrases (determiner, modifiers, facility word) that are not part of a
//     name and head their noun phrase ("the prison system", "the jail term" do not);
//  2. find indefinite ones the gazetteer could not place ("a Paraguayan prison"): a facility named
//     before one of these is no longer what "the prison" means;
//  3. take the last fitting facility before each reference, unless it was brought in as "another
//     prison", or the reference's sentence puts it in another country;
//  4. with no such facility, one the reference's own clause places ("the prison they fled is
//     located in X"), or for "the city jail", "the town's prison" the facility of the town the
//     text named last;
//  5. an indefinite facility placed only by its country ("a prison in northern Iraq", "a
//     Paraguayan prison") is the report's one facility of that country, if it names only one.
import type { Annotation, Span } from "../model/doc.ts";
import type { FacilityRef, PlaceRef } from "../model/incident.ts";
import { facilityVocabulary, familyOf, headAt, type HeadWord } from "./facility-heads.ts";
import { mintFacility } from "./facility-mint.ts";
import { getLexicon } from "./lexicon.ts";
import { storyOf } from "./story.ts";
import { adjacent, type Token } from "./tokens.ts";

/** A reference back ("the jail") reaches a facility named at most this many characters before. */
export const ANAPHOR_REACH_CHARS = 3000;
/** Most modifiers between a determiner and the facility word ("the old maximum security prison"). */
const MAX_MODIFIERS = 3;
const RULE = "gazetteer.facility.anaphor";
const LOCAL_RULE = "gazetteer.facility.anaphor.local";
const LOCATED_RULE = "gazetteer.facility.anaphor.located";
const FORWARD_RULE = "gazetteer.facility.anaphor.country";
/** "a prison in northern Iraq": the country right after an indefinite facility. */
const IN_COUNTRY = /^\s+(?:in|inside)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}$/;
const COUNTRY_AFTER_CHARS = 40;
/** The one facility of that country must be named this close to the indefinite phrase. */
const FORWARD_REACH_CHARS = 700;
/** A clause placing the facility: "... is located in the city of", ", situated near". */
const LOCATED = /^[^.;!?]{0,40}?\b(?:located|situated|lies|sits|stands)\s+(?:just\s+)?(?:in|near|outside|at)\s+(?:the\s+(?:[a-z-]+\s+){0,2}(?:city|town|village|district|outskirts)\s+of\s+)?$/;
const LOCATED_REACH_CHARS = 90;

const DEFINITE = new Set(["the", "this", "that", "The", "This", "That", "THE"]);
/** "another prison" says it is not the one the story is about: it blocks nothing. */
const INDEFINITE = new Set(["a", "an", "A", "An"]);
const LONGEST_DETERMINER = Math.max(...[...DEFINITE, ...INDEFINITE].map((w) => w.length));
const DETERMINER_INITIALS = new Set([...DEFINITE, ...INDEFINITE].map((w) => w.charCodeAt(0)));
/** Words after a facility word that end its noun phrase ("a Paraguayan prison near the border"). */
const PHRASE_END = /^(?:in|on|at|near|outside|over|and|or|where|which|that|with|from|for|to|after|before|during|when|while|by|was|is|were|are|had|has|housing|holding)$/;
/** "another prison near Damascus": a facility brought in as other than the one the story is about. */
const OTHER_BEFORE = /\b(?:another|other|a\s+different|a\s+second)\s+(?:[\w-]+\s+){0,2}$/i;
const SENTENCE_END = new Set([".", "!", "?", "\n"]);
/** A sentence is looked at this far on either side of a reference (bounded on run-on text). */
const MAX_SENTENCE_CHARS = 400;

interface Phrase extends Span {
  head: HeadWord;
  definite: boolean;
  local: boolean;
  /** The country of a demonym inside an indefinite phrase ("a Paraguayan prison"). */
  country: string | null;
}

/** Annotations for the references back in `text`; `annotations` are the report's facilities and places, in order. */
export function findAnaphors(text: string, tokens: Token[], annotations: Annotation[]): Annotation[] {
  const phrases = facilityPhrases(text, tokens);
  if (phrases.length === 0) return [];
  const named = annotations.filter((a) => a.kind === "facility");
  const towns = annotations.filter((a) => a.kind === "place" && isTownLevel(a.value as PlaceRef));
  const out: Annotation[] = [];
  // One sweep in reading order: the last facility of each family, the last town, the last blocker.
  const last = new Map<string, Annotation>();
  let lastAny: Annotation | null = null;
  let lastTown: Annotation | null = null;
  let lastBlockerEnd = -1;
  let n = 0;
  let t = 0;
  for (const p of phrases) {
    for (; n < named.length && named[n].end <= p.start; n++) {
      const f = named[n].value as FacilityRef;
      // "another prison near X" is no antecedent
      if (f.kind === "police_station" || OTHER_BEFORE.test(text.slice(Math.max(0, named[n].start - 24), named[n].start))) continue;
      last.set(familyOf(f.kind), named[n]);
      lastAny = named[n];
    }
    for (; t < towns.length && towns[t].end <= p.start; t++) lastTown = towns[t];
    if (n < named.length && named[n].start < p.end) continue; // inside a name
    if (!p.definite) {
      lastBlockerEnd = p.end;
      continue;
    }
    // 3.
    const antecedent = p.head.kind === "other" ? lastAny : last.get(familyOf(p.head.kind)) ?? null;
    const reachable = antecedent && p.start - antecedent.end <= ANAPHOR_REACH_CHARS;
    if (reachable && lastBlockerEnd <= antecedent.end && !otherCountryInSentence(text, p, antecedent.value as FacilityRef, towns, t)) {
      out.push({ kind: "facility", rule: RULE, start: p.start, end: p.end, value: antecedent.value });
      continue;
    }
    // 4. "the prison they fled is located in X"; "the city jail" after "the town of X"
    const located = locatedIn(text, p, towns, t);
    const town = located ?? (p.local && !antecedent && lastTown && p.start - lastTown.end <= ANAPHOR_REACH_CHARS ? lastTown : null);
    if (!town) continue;
    const place = town.value as PlaceRef;
    const townText = text.slice(town.start, town.end);
    const value = mintFacility({ name: `${townText} ${p.head.phrase}`, core: townText, kind: p.head.kind === "other" ? "prison" : p.head.kind, place, story: storyOf(place.country ? [place.country] : []) });
    const minted: Annotation = { kind: "facility", rule: located ? LOCATED_RULE : LOCAL_RULE, start: p.start, end: p.end, value };
    out.push(minted);
    // the facility just placed is what the next reference means
    last.set(familyOf(value.kind), minted);
    lastAny = minted;
  }
  return [...out, ...forwardReferences(text, phrases, annotations, [...named, ...out])];
}

/**
 * 5. "a prison in northern Iraq", "a Paraguayan prison": an indefinite facility placed only by
 * its country is the report's one facility of that country and kind, when it names just one.
 */
function forwardReferences(text: string, phrases: Phrase[], annotations: Annotation[], facilities: Annotation[]): Annotation[] {
  const idsOf = new Map<string, Map<string, FacilityRef>>();
  const startsOf = new Map<string, number[]>();
  for (const f of [...facilities].sort((a, b) => a.start - b.start)) {
    const value = f.value as FacilityRef;
    const key = `${value.place?.country}|${familyOf(value.kind)}`;
    const ids = idsOf.get(key) ?? new Map<string, FacilityRef>();
    ids.set(value.id, value);
    idsOf.set(key, ids);
    const starts = startsOf.get(value.id);
    if (starts) starts.push(f.start);
    else startsOf.set(value.id, [f.start]);
  }
  const places = annotations.filter((a) => a.kind === "place");
  const named = [...facilities].sort((a, b) => a.start - b.start);
  const out: Annotation[] = [];
  let i = 0;
  let n = 0;
  for (const p of phrases) {
    for (; n < named.length && named[n].end <= p.start; n++);
    if (p.definite || (n < named.length && named[n].start < p.end)) continue;
    for (; i < places.length && places[i].start < p.end; i++);
    const after = places[i];
    const country = p.country ?? (after && after.start - p.end <= COUNTRY_AFTER_CHARS && IN_COUNTRY.test(text.slice(p.end, after.start)) ? (after.value as PlaceRef).country : null);
    if (!country || p.head.kind === "other") continue;
    const ids = idsOf.get(`${country}|${familyOf(p.head.kind)}`);
    if (ids?.size !== 1) continue;
    const value = [...ids.values()][0];
    // a facility the report names far away is its background, not this one
    if (nearestDistance(startsOf.get(value.id)!, p.start) <= FORWARD_REACH_CHARS) out.push({ kind: "facility", rule: FORWARD_RULE, start: p.start, end: p.end, value });
  }
  return out;
}

/** Distance from `at` to the nearest of the sorted `starts` (binary search: runs per phrase). */
function nearestDistance(starts: number[], at: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] < at) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo < starts.length ? starts[lo] - at : Infinity, lo > 0 ? at - starts[lo - 1] : Infinity);
}

/** The town a reference's own clause puts it in ("The prison, located in X", "the jail ... is situated near X"). */
function locatedIn(text: string, p: Span, towns: Annotation[], next: number): Annotation | null {
  for (let i = next; i < towns.length && towns[i].start - p.end <= LOCATED_REACH_CHARS; i++) {
    if (towns[i].start < p.end) continue;
    if (LOCATED.test(text.slice(p.end, towns[i].start))) return towns[i];
  }
  return null;
}

/** 1-2. Determiner, modifiers, facility word, heading its noun phrase. */
function facilityPhrases(text: string, tokens: Token[]): Phrase[] {
  const { anaphor, modifiers, adjectives, notFollowers, local } = facilityVocabulary();
  const { byKey } = getLexicon();
  const out: Phrase[] = [];
  for (let i = 0; i < tokens.length; i++) {
    // the length and first letter, read off the token and the text, spare most words the look-up
    if (tokens[i].end - tokens[i].start > LONGEST_DETERMINER || !DETERMINER_INITIALS.has(text.charCodeAt(tokens[i].start))) continue;
    const definite = DEFINITE.has(tokens[i].text);
    if (!definite && !INDEFINITE.has(tokens[i].text)) continue;
    let h = i + 1;
    let isLocal = false;
    let country: string | null = null;
    for (; h < tokens.length && h - i <= MAX_MODIFIERS && joined(text, tokens[h - 1], tokens[h]); h++) {
      const t = tokens[h];
      const demonym = !definite && t.case === "title" ? (byKey.get(t.key) ?? []).find((e) => e.type === "demonym") : undefined;
      if (demonym) country = demonym.value.country;
      if (t.case === "lower" && local.has(t.fold)) isLocal = true;
      else if (!(t.case === "lower" && (modifiers.has(t.fold) || adjectives.has(t.fold))) && !demonym) break;
    }
    if (!tokens[h] || tokens[h].case !== "lower" || !joined(text, tokens[h - 1], tokens[h])) continue;
    const head = headAt(text, tokens, h, anaphor);
    if (!head) continue;
    const last = tokens[h + head.keys.length - 1];
    const next = tokens[h + head.keys.length];
    const followed = next && adjacent(text, last, next) && !last.possessive;
    // "the prison system", "the jail term"; "the prison in Kabul" is a facility named by its town
    if (followed && (notFollowers.has(next.fold) || (definite && /^(?:in|of|at|near|outside)$/.test(next.text)))) continue;
    if (!definite && followed && !PHRASE_END.test(next.text)) continue;
    out.push({ start: tokens[i].start, end: last.end, head, definite, local: isLocal, country });
    i = h + head.keys.length - 1;
  }
  return out;
}

/** Two words of one noun phrase: adjacent, or a possessive and its noun ("the town's prison"). */
function joined(text: string, a: Token, b: Token): boolean {
  return adjacent(text, a, b) || (a.possessive && /^['’]s\s$/.test(text.slice(a.end, b.start)));
}

/** "the facility" fits any custody; "the camp" only a camp; "the jail" any custody but a camp. */
function fits(head: HeadWord, f: FacilityRef): boolean {
  if (f.kind === "police_station") return false;
  if (head.kind === "other") return true;
  return familyOf(head.kind) === familyOf(f.kind);
}

/**
 * The reference's sentence names a town of another country than the facility's ("the prison ...
 * is in the city of X"); `next` is the index of the first town after the reference's start.
 */
function otherCountryInSentence(text: string, p: Span, f: FacilityRef, towns: Annotation[], next: number): boolean {
  const country = f.place?.country;
  if (!country) return false;
  const floor = Math.max(0, p.start - MAX_SENTENCE_CHARS);
  let start = p.start;
  while (start > floor && !SENTENCE_END.has(text.charAt(start - 1))) start--;
  const ceiling = Math.min(text.length, p.end + MAX_SENTENCE_CHARS);
  let end = p.end;
  while (end < ceiling && !SENTENCE_END.has(text.charAt(end))) end++;
  const differs = (a: Annotation) => {
    const c = (a.value as PlaceRef).country;
    return c !== null && c !== country;
  };
  for (let i = next - 1; i >= 0 && towns[i].start >= start; i--) if (differs(towns[i])) return true;
  for (let i = next; i < towns.length && towns[i].end <= end; i++) if (towns[i].start >= p.end && differs(towns[i])) return true;
  return false;
}

function isTownLevel(place: PlaceRef): boolean {
  return place.precision === "town" || place.precision === "facility";
}
