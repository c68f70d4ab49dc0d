// Recogniser of detention facilities the gazetteer lacks, from the shape of their names: a name
// and/or modifiers before a facility word ("the Kakwangura prison", "Kamiti maximum security
// prison", "Ikot Ekpene Custodial Centre"), a facility word before a name or number ("Camp Bucca",
// "Cereso No. 3", "Centro Penitenciario de Tocuyito"), a possessive owner ("Conakry's central
// prison"), or a generic facility placed by the text ("a prison in Ras al-Ayn", "the Medium
// Security Custodial Centre, Abolongo", "the prison in the capital"). Demonyms ("a Syrian
// prison"), compounds ("a Kurdish-run jail") and generic words alone ("the Central Prison") are no
// names; generic facilities with no place are left to the identity stage as references back.
import type { FacilityRef, PlaceRef } from "../model/incident.ts";
import { facilityVocabulary, headAt, isGenericWord, type HeadWord } from "./facility-heads.ts";
import { mintFacility, townNamed } from "./facility-mint.ts";
import { indexPlaces, placeAfter, placeOwning, type PlaceIndex, type Where } from "./facility-where.ts";
import { getLexicon } from "./lexicon.ts";
import { foldName } from "./normalize.ts";
import { getWorldIndex, worldPlaceRef } from "./world.ts";
import { RANK, type Proposal } from "./match.ts";
import type { Story } from "./story.ts";
import { adjacent, type Token } from "./tokens.ts";
import { startsFacilityHead } from "./word-facts.ts";

/** Most words a facility's own name has before its facility word ("Kuje Medium Security"). */
export const MAX_NAME_WORDS = 5;
const RULE = "gazetteer.facility.pattern";
/** "another prison", "other jails": no facility of the story's own. */
const ANOTHER = /\b(?:another|other)\s+(?:[a-z-]+\s+){0,2}$/i;

/** Words that make up a name: capitalised, not a compound's tail, not a standalone "the". */
function isNameWord(t: Token): boolean {
  return (t.case === "title" || t.case === "upper") && !t.compoundSuffix && (t.key !== "" || /^[AaEe]l$/.test(t.text));
}

/** Not a facility's own name: demonyms, actors, countries, and words that start sentences. */
function notAName(t: Token): boolean {
  const { stopFolds } = getLexicon();
  return (t.sentenceStart && stopFolds.has(t.fold)) || namesNoFacility(t.key);
}

/** The key of a demonym, an actor or a country ("Burkina Faso prison" is a country's prison, not a name). */
function namesNoFacility(key: string): boolean {
  return (getLexicon().byKey.get(key) ?? []).some((e) => e.type === "actor" || e.type === "demonym" || e.type === "country");
}

/** Two words of one name: adjacent, around an acronym in brackets ("Mobile Brigade (Brimob) detention center"), or an owner and its facility. */
function inOneName(text: string, a: Token, b: Token): boolean {
  if (adjacent(text, a, b)) return true;
  const gap = text.slice(a.end, b.start);
  // "Conakry's central prison": the owner stands right before the name
  if (a.possessive) return /^['’]s\s$/.test(gap);
  if (gap === ") ") return text.charAt(a.start - 1) === "(" && a.case !== "lower";
  if (gap === " (") return text.charAt(b.end) === ")" && b.case !== "lower";
  return false;
}

/** The words that end a facility's name ("prison", "custodial centre"), lower-cased, longest first. */
export function facilityHeadWords(): string[] {
  headWords ??= [...new Set([...facilityVocabulary().suffix.values()].flat().map((h) => h.phrase.toLowerCase()))].sort((a, b) => b.length - a.length);
  return headWords;
}
let headWords: string[] | null = null;

interface Found {
  start: number;
  end: number;
  value: FacilityRef;
}

/** Proposes facility annotations; `places` are the place proposals already found in the text. */
export function recogniseFacilities(text: string, tokens: Token[], places: Proposal[], story: Story): Proposal[] {
  const vocabulary = facilityVocabulary();
  const index = indexPlaces(places);
  const out: Proposal[] = [];
  for (let h = 0; h < tokens.length; h++) {
    // most words start no facility word: neither list of heads is looked up for them
    if (!startsFacilityHead(tokens[h])) continue;
    const prefix = tokens[h].case !== "lower" ? headAt(text, tokens, h, vocabulary.prefix) : null;
    const found = prefix ? namedAfterPrefix(text, tokens, h, prefix, index, story) : null;
    const suffix = found ? null : headAt(text, tokens, h, vocabulary.suffix);
    const hit = found ?? (suffix ? namedBeforeSuffix(text, tokens, h, suffix, index, story) : null);
    if (hit) out.push({ kind: "facility", rule: RULE, start: hit.start, end: hit.end, value: hit.value, rank: RANK.pattern });
    // "Cereso No. 3 prison in X": the facility word inside a name read from its prefix starts no other
    if (found) while (h + 1 < tokens.length && tokens[h + 1].end <= found.end) h++;
  }
  return out;
}

/** "Camp Bucca", "Cereso No. 3", "Penal de Tocorón". */
function namedAfterPrefix(text: string, tokens: Token[], h: number, head: HeadWord, index: PlaceIndex, story: Story): Found | null {
  const { connectors } = facilityVocabulary();
  let i = h + head.keys.length;
  const connector = connectors.find((c) => c.every((key, k) => tokens[i + k]?.key === key && tokens[i + k].case === "lower" && adjacent(text, tokens[i + k - 1], tokens[i + k])));
  if (head.connector && !connector) return null;
  if (connector) i += connector.length;
  const headEnd = tokens[h + head.keys.length - 1].end;
  const number = head.numbered ? /^\s+(?:(?:No|N[º°o]|Number)\.?\s*|#\s*)?\d{1,3}\b/.exec(text.slice(headEnd, headEnd + 16)) : null;
  const words: Token[] = [];
  for (; !number && i < tokens.length && words.length < MAX_NAME_WORDS - 1; i++) {
    if (!adjacent(text, tokens[i - 1], tokens[i]) || !isNameWord(tokens[i]) || tokens[i - 1].possessive) break;
    words.push(tokens[i]);
  }
  if (!number && (words.length === 0 || words.every(isGenericWord) || words.some(notAName))) return null;
  const nameEnd = number ? headEnd + number[0].length : words[words.length - 1].end;
  let end = nameEnd;
  let next = tokens.findIndex((t) => t.start >= end);
  // "the Cereso No. 3 prison in Nuevo Laredo": a facility word repeated after the name is part of it
  const repeated = next > 0 && adjacent(text, tokens[next - 1], tokens[next]) ? headAt(text, tokens, next, facilityVocabulary().suffix) : null;
  if (repeated) {
    next += repeated.keys.length;
    end = tokens[next - 1].end;
  }
  const where = next > 0 ? placeAfter(text, tokens, next, index, story, false) : null;
  const place = townLevel(where)?.place ?? words.map((w) => index.get(w.start)?.[0]?.value as PlaceRef | undefined).find(isTownLevel) ?? null;
  const name = text.slice(tokens[h].start, end);
  return { start: tokens[h].start, end, value: mintFacility({ name, core: text.slice(number ? tokens[h].start : words[0].start, nameEnd), kind: head.kind, place, story }) };
}

/** "Kakwangura prison", "Conakry's central prison", "a prison in Raqqa", "Custodial Centre, Abolongo". */
function namedBeforeSuffix(text: string, tokens: Token[], h: number, head: HeadWord, index: PlaceIndex, story: Story): Found | null {
  const { modifiers, notName, national } = facilityVocabulary();
  const after = h + head.keys.length;
  const headEnd = tokens[after - 1];
  const headText = text.slice(tokens[h].start, headEnd.end);
  // "Prison Service", "Jail Break": a capitalised facility word followed by more capitals is another name.
  if (headEnd.case === "title" && tokens[after] && adjacent(text, headEnd, tokens[after]) && tokens[after].case === "title" && !index.has(tokens[after].start)) return null;

  // 1. the name backwards: capitalised words and modifiers in any case, up to a possessive owner
  const words: Token[] = [];
  let owner: Token | null = null;
  for (let k = h - 1; k >= 0 && words.length < MAX_NAME_WORDS; k--) {
    const t = tokens[k];
    if (!inOneName(text, t, tokens[k + 1]) || notName.has(t.text)) break;
    if (t.possessive && !modifiers.has(t.fold)) {
      owner = t;
      break;
    }
    if (!isNameWord(t) && !modifiers.has(t.fold)) break;
    words.unshift(t);
  }
  if (tokens[h - 1]?.compoundSuffix && adjacent(text, tokens[h - 1], tokens[h])) return null;
  while (words.length > 0 && notAName(words[0])) words.shift();
  // "the notorious Evin prison": lower-case modifiers before a name are not part of it
  const modified = [...words];
  while (words.length > 0 && words[0].case === "lower") words.shift();
  const core = words.filter((w) => !isGenericWord(w));
  const where = placeAfter(text, tokens, after, index, story, core.length === 0);

  // 2. a named facility: placed at "in Y", else its owner, else the town that is its name, else the dateline
  if (core.length > 0) {
    if (core.some(notAName) || namesNoFacility(core.map((w) => w.key).join(" "))) return null;
    const start = words[0].start;
    const name = text.slice(start, headEnd.end);
    const owned = owner ? placeOwning(owner, index) : null;
    const inName = core.map((w) => index.get(w.start)?.[0]).find((p) => p && p.end <= headEnd.start && isTownLevel(p.value as PlaceRef));
    const coreText = text.slice(core[0].start, core[core.length - 1].end);
    const place = townLevel(where)?.place ?? (inName?.value as PlaceRef | undefined) ?? townLevel(owned)?.place ?? townNamed(coreText, story) ?? townLeading(text, core, story) ?? story.dateline;
    return { start, end: headEnd.end, value: mintFacility({ name, core: coreText, kind: head.kind, place, story }) };
  }

  // 3. a generic facility the text places: "a prison in Raqqa", "Conakry's central prison"; "another
  // prison near Damascus" is only said to be other than the one the story is about
  if (ANOTHER.test(text.slice(Math.max(0, tokens[h].start - 40), tokens[h].start))) return null;
  const generic = modified.length > 0 ? text.slice(modified[0].start, headEnd.end) : headText;
  const owned = owner ? placeOwning(owner, index) : null;
  const comma = !where && words.length > 0 && headEnd.case === "title" ? townAfterComma(text, tokens, after, index) : null;
  const unknown = !where && !owned && !comma ? unknownTownAfter(text, tokens, after, index, story) : null;
  const town = townLevel(where) ?? townLevel(owned) ?? comma ?? unknown;
  if (town) {
    const start = owned && !where ? owner!.start : modified[0]?.start ?? tokens[h].start;
    const end = where && townLevel(where) ? where.end : comma ? comma.end : unknown ? unknown.end : headEnd.end;
    return { start, end, value: mintFacility({ name: `${town.text} ${generic}`, core: town.text, kind: head.kind, place: town.place, story }) };
  }
  // 4. "Haiti's National Penitentiary", "the National Penitentiary": the country's own facility
  const country = owned?.place.precision === "country" ? owned.place : null;
  if (words.some((w) => national.has(w.fold)) && words.every((w) => w.case !== "lower")) {
    const start = words[0].start;
    const countryPlace = country ?? (story.countries[0] ? getLexicon().countries.get(story.countries[0]) ?? null : null);
    if (countryPlace) return { start, end: headEnd.end, value: mintFacility({ name: generic, core: "", kind: head.kind, place: countryPlace, story }) };
  }
  return null;
}

/** "the Medium Security Custodial Centre, Abolongo": a capitalised town right after a comma. */
function townAfterComma(text: string, tokens: Token[], after: number, index: PlaceIndex): Where | null {
  const t = tokens[after];
  if (!t || text.slice(tokens[after - 1].end, t.start) !== ", " || !isNameWord(t) || notAName(t)) return null;
  const known = index.get(t.start)?.[0];
  if (known && isTownLevel(known.value as PlaceRef)) return { place: known.value as PlaceRef, end: known.end, text: text.slice(known.start, known.end) };
  // a town the gazetteer lacks: named, not placed, and only when a comma or full stop ends it
  if (known || !/^[,.;]/.test(text.slice(t.end, t.end + 1))) return null;
  return { place: { name: t.text, admin1: null, country: null, lat: null, lon: null, precision: "town" }, end: t.end, text: t.text };
}

/** Prepositions before a town the gazetteer lacks: "the prison in Yei", "a jail near Koutoukale". */
const AT_UNKNOWN_TOWN = new Set(["in", "at", "near", "outside"]);
/** Most words of a town the gazetteer lacks ("Kajo Keji"). */
const MAX_UNKNOWN_TOWN_WORDS = 3;

/**
 * "the prison in Yei", "raided the prison in Koutoukale": a generic facility placed at a
 * capitalised name the gazetteer lacks, a town named but not located (in the story's country).
 * Months, weekdays, sentence words and names of countries, demonyms or actors are no town.
 */
function unknownTownAfter(text: string, tokens: Token[], after: number, index: PlaceIndex, story: Story): Where | null {
  const preposition = tokens[after];
  if (!preposition || !AT_UNKNOWN_TOWN.has(preposition.text) || !adjacent(text, tokens[after - 1], preposition)) return null;
  const words: Token[] = [];
  for (let i = after + 1; i < tokens.length && words.length < MAX_UNKNOWN_TOWN_WORDS; i++) {
    const t = tokens[i];
    if (!adjacent(text, tokens[i - 1], t) || !isNameWord(t) || t.case !== "title" || t.possessive) break;
    words.push(t);
  }
  if (words.length === 0 || words.some((w) => index.has(w.start) || getLexicon().stopFolds.has(w.fold) || namesNoFacility(w.key))) return null;
  const last = words[words.length - 1];
  // the name ends its phrase: punctuation, a date or a clause follows, not more of a name
  if (!/^(?:[,.;:)]|\s+(?:on|in|at|and|after|before|last|early|late|overnight|during|when|where|which|that|with|from|,))/.test(text.slice(last.end, last.end + 10))) return null;
  const name = text.slice(words[0].start, last.end);
  const country = story.countries[0] ?? null;
  return { place: { name, admin1: null, country, lat: null, lon: null, precision: "town" }, end: last.end, text: name };
}

/** "Kakamega GK Prison", "Sorong Class IIB Penitentiary": a town of the story's countries opens the name, a grade or class follows it. */
function townLeading(text: string, core: Token[], story: Story): PlaceRef | null {
  for (let n = core.length; n >= 1; n--) {
    const name = text.slice(core[0].start, core[n - 1].end);
    const town = (n < core.length ? townNamed(name, story) : null) ?? (story.countries.length === 0 ? townOfOneCountry(name) : null);
    if (town) return town;
  }
  return null;
}

/** A story that names no country: a town whose name is found in one country only ("Kisii"). */
function townOfOneCountry(name: string): PlaceRef | null {
  const candidates = (getWorldIndex().byKey.get(foldName(name)) ?? []).filter((c) => c.kind === "town");
  return candidates.length > 0 && candidates.every((c) => c.country === candidates[0].country) ? worldPlaceRef(candidates[0]) : null;
}

function isTownLevel(place: PlaceRef | null | undefined): place is PlaceRef {
  return Boolean(place && (place.precision === "town" || place.precision === "facility"));
}

function townLevel(where: Where | null): (Where & { place: PlaceRef }) | null {
  return where && isTownLevel(where.place) ? where : null;
}
