// References back to a facility the report named: "the central prison", "the jail", "this
// facility" take the last facility named before them that fits ("the camp" only a camp). Steps:
//  1. find definite generic phrases (determiner, modifiers, facility word) that are not part of a
//     name and head their noun phrase ("the prison system", "the jail term" do not);
//  2. find indefinite ones the gazetteer could not place ("a Paraguayan prison"): a facility named
//     before one of these is no longer what "the prison" means;
//  3. take the last fitting facility before each reference, unless it was brought in as "another
//     prison", or the reference's sentence puts it in another country;
//  4. with no such facility, "the city jail", "the town's prison": the facility of the town the
//     text named last.
import type { Annotation, Span } from "../model/doc.ts";
import type { FacilityRef, PlaceRef } from "../model/incident.ts";
import { facilityVocabulary, familyOf, headAt, type HeadWord } from "./facility-heads.ts";
import { mintFacility } from "./facility-mint.ts";
import { getLexicon } from "./lexicon.ts";
import { adjacent, type Token } from "./tokens.ts";

/** A reference back ("the jail") reaches a facility named at most this many characters before. */
export const ANAPHOR_REACH_CHARS = 3000;
/** Most modifiers between a determiner and the facility word ("the old maximum security prison"). */
const MAX_MODIFIERS = 3;
const RULE = "gazetteer.facility.anaphor";
const LOCAL_RULE = "gazetteer.facility.anaphor.local";

const DEFINITE = new Set(["the", "this", "that", "The", "This", "That", "THE"]);
/** "another prison" says it is not the one the story is about: it blocks nothing. */
const INDEFINITE = new Set(["a", "an", "A", "An"]);
/** Words after a facility word that end its noun phrase ("a Paraguayan prison near the border"). */
const PHRASE_END = /^(?:in|on|at|near|outside|over|and|or|where|which|that|with|from|for|to|after|before|during|when|while|by|was|is|were|are|had|has|housing|holding)$/;
/** "another prison near Damascus": a facility brought in as other than the one the story is about. */
const OTHER_BEFORE = /\b(?:another|other|a\s+different|a\s+second)\s+(?:[\w-]+\s+){0,2}$/i;
const SENTENCE_END = new Set([".", "!", "?", "\n"]);

interface Phrase extends Span {
  head: HeadWord;
  definite: boolean;
  local: boolean;
}

/** Annotations for the references back in `text`; `annotations` are the report's facilities and places. */
export function findAnaphors(text: string, tokens: Token[], annotations: Annotation[]): Annotation[] {
  const named = annotations.filter((a) => a.kind === "facility");
  const towns = annotations.filter((a) => a.kind === "place" && isTownLevel(a.value as PlaceRef));
  const phrases = facilityPhrases(text, tokens).filter((p) => !named.some((a) => a.start < p.end && p.start < a.end));
  const blockers = phrases.filter((p) => !p.definite);
  const out: Annotation[] = [];
  const latestFirst = [...named].reverse();
  for (const p of phrases.filter((q) => q.definite)) {
    // 3.
    const antecedent = latestFirst.find((a) => a.end <= p.start && p.start - a.end <= ANAPHOR_REACH_CHARS && fits(p.head, a.value as FacilityRef));
    const usable = antecedent && !OTHER_BEFORE.test(text.slice(Math.max(0, antecedent.start - 24), antecedent.start)) && !blockers.some((b) => b.start > antecedent.end && b.end <= p.start);
    if (usable && !otherCountryInSentence(text, p, antecedent.value as FacilityRef, towns)) {
      out.push({ kind: "facility", rule: RULE, start: p.start, end: p.end, value: antecedent.value });
      continue;
    }
    // 4.
    if (!p.local || antecedent) continue;
    const town = [...towns].reverse().find((t) => t.end <= p.start && p.start - t.end <= ANAPHOR_REACH_CHARS);
    if (!town) continue;
    const place = town.value as PlaceRef;
    const value = mintFacility({ name: `${text.slice(town.start, town.end)} ${p.head.phrase}`, core: text.slice(town.start, town.end), kind: p.head.kind === "other" ? "prison" : p.head.kind, place, story: { countries: place.country ? [place.country] : [], dateline: null } });
    out.push({ kind: "facility", rule: LOCAL_RULE, start: p.start, end: p.end, value });
  }
  return out;
}

/** 1-2. Determiner, modifiers, facility word, heading its noun phrase. */
function facilityPhrases(text: string, tokens: Token[]): Phrase[] {
  const { anaphor, modifiers, adjectives, notFollowers, local } = facilityVocabulary();
  const { byKey } = getLexicon();
  const out: Phrase[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const definite = DEFINITE.has(tokens[i].text);
    if (!definite && !INDEFINITE.has(tokens[i].text)) continue;
    let h = i + 1;
    let isLocal = false;
    for (; h < tokens.length && h - i <= MAX_MODIFIERS && joined(text, tokens[h - 1], tokens[h]); h++) {
      const t = tokens[h];
      const demonym = !definite && t.case === "title" && (byKey.get(t.key) ?? []).some((e) => e.type === "demonym");
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
    out.push({ start: tokens[i].start, end: last.end, head, definite, local: isLocal });
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

/** The reference's sentence names a town of another country than the facility's ("the prison ... is in the city of X"). */
function otherCountryInSentence(text: string, p: Span, f: FacilityRef, towns: Annotation[]): boolean {
  const country = f.place?.country;
  if (!country) return false;
  let start = p.start;
  while (start > 0 && !SENTENCE_END.has(text.charAt(start - 1))) start--;
  let end = p.end;
  while (end < text.length && !SENTENCE_END.has(text.charAt(end))) end++;
  return towns.some((t) => t.start >= start && t.end <= end && (t.value as PlaceRef).country !== null && (t.value as PlaceRef).country !== country);
}

function isTownLevel(place: PlaceRef): boolean {
  return place.precision === "town" || place.precision === "facility";
}
