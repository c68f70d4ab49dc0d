// What the words of an incident filter stand for. A reader types the spelling they know
// ("Gweiran", "Sinaa prison", "Hassakeh"); the store holds the gazetteer's canonical names and
// ids. These terms are dialect-independent: each store folder turns them into its own query.
import { findFacility } from "../gazetteer/lookup.ts";
import { getLexicon } from "../gazetteer/lexicon.ts";
import { normalizeName } from "../gazetteer/normalize.ts";

/** Alternatives a free-text query matches: any one of them is a hit. */
export interface TextTerms {
  /** Lower-cased fragments of an incident's search text: the query itself and canonical names. */
  fragments: string[];
  /** Facilities the query names by one of their aliases. */
  facilityIds: string[];
  /** ISO2 codes of countries the query names ("Syria", "Syrian Arab Republic"). */
  countries: string[];
}

/** Gazetteer entries whose alias is `query`, however it is spelled or cased. */
function entriesNamed(query: string) {
  const key = normalizeName(query);
  return key ? (getLexicon().byKey.get(key) ?? []) : [];
}

/**
 * Facility ids a facility filter means: the text as given (an id), and the curated facility
 * any of whose aliases it is.
 * @example facilityIdsFor("Sinaa prison") -> ["Sinaa prison", "ghwayran-prison"]
 */
export function facilityIdsFor(query: string): string[] {
  const ids = new Set([query.trim()]);
  const found = findFacility(query);
  if (found) ids.add(found.id);
  return [...ids];
}

/**
 * What a free-text query matches: the text itself, and for every gazetteer entry it is an alias
 * of, that entry's canonical name (and id or country code).
 * @example textTermsFor("Hassakeh").fragments -> ["hassakeh", "hasakah"]
 */
export function textTermsFor(query: string): TextTerms {
  const fragments = new Set([query.trim().toLowerCase()]);
  const facilityIds = new Set<string>();
  const countries = new Set<string>();
  for (const entry of entriesNamed(query)) {
    if (entry.type === "demonym") continue; // "Syrian forces" is not an incident in Syria
    if (entry.type === "facility") facilityIds.add(entry.value.id);
    if (entry.type === "country" && entry.value.country) countries.add(entry.value.country);
    else fragments.add(entry.value.name.toLowerCase());
  }
  return { fragments: [...fragments], facilityIds: [...facilityIds], countries: [...countries] };
}
