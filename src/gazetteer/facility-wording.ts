// Where a text words a detention facility at all: a facility head word ("prison", "custodial
// centres", "Camp") or the name of a curated facility ("Ghwayran", "al-Hol camp"). A cheap scan
// for callers that only need to know whether, and where, facilities come up (the relevance
// prefilter), without resolving which facility is meant (matchGazetteer does that).
import type { Span } from "../model/doc.ts";
import type { FacilityKind } from "../model/incident.ts";
import { factorAlternatives, matchesOf } from "../text/alternation.ts";
import { loadFacilities, loadFacilityHeads } from "./data.ts";

export interface FacilityWording extends Span {
  kind: FacilityKind;
  /** A curated facility's name, not only a head word. */
  named: boolean;
}

interface Wording {
  /** Head words and the names with no head word in them: one scan finds every page that has any. */
  firstPass: RegExp;
  /** Names with a head word inside ("al-Hol camp"): read only on pages the first pass found. */
  namesWithHeads: RegExp;
  kindOf: Map<string, { kind: FacilityKind; named: boolean; acronym: boolean }>;
}

/** Shorter bare names ("Roj") are too often ordinary words or people's names to stand alone. */
const BARE_NAME_MIN_LETTERS = 4;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Spacing, hyphens and apostrophes vary between outlets: "al Hol", "al-Hol", "Sina’a". */
const looseSource = (phrase: string) => escapeRegExp(phrase).replace(/[-\s]+/g, "[-\\s]+").replace(/['’]/g, "['’]?");
const foldWording = (s: string) => s.toLowerCase().replace(/[-\s]+/g, " ").replace(/['’]/g, "");
/** "prison" -> "prisons?", "penitentiary" -> "penitentiar(?:y|ies)": heads are counted nouns. */
const pluralSource = (phrase: string) => (/[^aeiou]y$/i.test(phrase) ? `${looseSource(phrase.slice(0, -1))}(?:y|ies)` : `${looseSource(phrase)}s?`);
const singular = (word: string) => word.replace(/ies$/, "y").replace(/s$/, "");
const byLength = (a: string, b: string) => b.length - a.length;

let compiled: Wording | null = null;
function wording(): Wording {
  if (compiled) return compiled;
  const { heads } = loadFacilityHeads();
  const kindOf: Wording["kindOf"] = new Map();
  for (const head of heads) kindOf.set(foldWording(head.phrase), { kind: head.kind, named: false, acronym: false });
  const headPattern = new RegExp(`\\b(?:${heads.map((h) => h.phrase.toLowerCase()).sort(byLength).map(escapeRegExp).join("|")})s?\\b`, "i");
  const bare: string[] = [];
  const withHeads: string[] = [];
  // A camp is named without its head word as often as with it ("al-Hol"); a prison's bare name
  // is usually its town's, so only camps get their bare names.
  const campHeads = new RegExp(`\\s+(?:${heads.filter((h) => h.kind === "camp" && h.position === "suffix").map((h) => looseSource(h.phrase)).join("|")})$`, "i");
  for (const facility of loadFacilities()) {
    const bareCampNames = facility.aliases.map((a) => a.replace(campHeads, "")).filter((a) => a.replace(/[^A-Za-z]/g, "").length >= BARE_NAME_MIN_LETTERS);
    for (const name of new Set([facility.name, ...facility.aliases, ...bareCampNames])) {
      // A head word stays a head word even if some facility were called just "Central Prison".
      const key = foldWording(name);
      if (kindOf.get(key)?.named === false) continue;
      kindOf.set(key, { kind: facility.kind, named: true, acronym: /^[A-Z]{2,6}$/.test(name) });
      // A name with a head word in it is found by that head word; only a camp's name says more
      // than its head word does (a camp is certain only when named). Scanning every prison's full
      // name as well cost a quarter of an incident report's whole path.
      if (!headPattern.test(name)) bare.push(name);
      else if (facility.kind === "camp") withHeads.push(name);
    }
  }
  const headSources = [...new Set(heads.map((h) => h.phrase.toLowerCase()))].sort(byLength).map(pluralSource);
  compiled = {
    // Written as tries: every word of every page is read against them.
    firstPass: new RegExp(`\\b(?:${factorAlternatives([...bare.sort(byLength).map(looseSource), ...headSources])})\\b`, "gi"),
    namesWithHeads: new RegExp(`\\b(?:${factorAlternatives(withHeads.sort(byLength).map(looseSource))})\\b`, "gi"),
    kindOf,
  };
  return compiled;
}

/** What one matched stretch is: a name, a head word (singular or plural), or nothing (acronym in lower case). */
function wordingOf(matched: string, start: number): FacilityWording | null {
  const folded = foldWording(matched);
  const known = wording().kindOf.get(folded) ?? wording().kindOf.get(folded.split(" ").map(singular).join(" "));
  if (!known || (known.acronym && matched !== matched.toUpperCase())) return null;
  return { start, end: start + matched.length, kind: known.kind, named: known.named };
}

/**
 * Every stretch of `text` that words a detention facility, in text order; names win over the
 * head words inside them.
 * @example facilityWordingIn("They fled al-Hol camp.") -> [{ start: 10, end: 21, kind: "camp", named: true }]
 */
export function facilityWordingIn(text: string): FacilityWording[] {
  const { firstPass, namesWithHeads } = wording();
  const found: FacilityWording[] = [];
  for (const m of matchesOf(firstPass, text)) {
    const w = wordingOf(m[0], m.index);
    if (w) found.push(w);
  }
  if (found.length === 0 || !found.some((w) => !w.named)) return found;
  const names: FacilityWording[] = [];
  for (const m of matchesOf(namesWithHeads, text)) {
    const w = wordingOf(m[0], m.index);
    if (w) names.push(w);
  }
  if (names.length === 0) return found;
  // Both lists are in text order: one sweep drops the head words that lie inside a name.
  const merged: FacilityWording[] = [];
  let n = 0;
  for (const w of found) {
    while (n < names.length && names[n].end <= w.start) merged.push(names[n++]);
    const inside = n < names.length && names[n].start <= w.start && w.end <= names[n].end;
    if (!inside) merged.push(w);
  }
  while (n < names.length) merged.push(names[n++]);
  return merged.sort((a, b) => a.start - b.start);
}
