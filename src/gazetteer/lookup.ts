// Direct lookups by name or id, for the stages that hold a name and want the gazetteer's entry.
import type { FacilityKind, FacilityRef, PlaceRef } from "../model/incident.ts";
import { facilityVocabulary, familyOf, type FacilityFamily } from "./facility-heads.ts";
import { facilityRefOf, getLexicon, placeRefOf } from "./lexicon.ts";
import { foldName, normalizeName } from "./normalize.ts";
import { admin1Name as worldAdmin1Name, getWorldIndex, inFocusCountry, worldPlaceRef, type WorldPlace } from "./world.ts";

export interface FacilityQuery {
  /** ISO2 code: among facilities sharing a name ("National Penitentiary"), the one of this country. */
  country?: string | null;
  /** Only facilities of this kind's family, also for the bare-name search (a camp is never a prison). */
  kind?: FacilityKind;
}

/**
 * The curated facility a name or alias means, or null. A bare name also finds the facility named
 * after it with a facility word ("Kuje" -> Kuje prison, "Suleja" -> Suleja prison).
 * @example findFacility("Gweiran")?.id === "ghwayran-prison"
 */
export function findFacility(nameOrAlias: string, query: FacilityQuery = {}): FacilityRef | null {
  const cacheKey = `${nameOrAlias}|${query.country ?? ""}|${query.kind ?? ""}`;
  let found = foundFacilities.get(cacheKey);
  if (found === undefined) {
    if (foundFacilities.size >= FOUND_CACHE_LIMIT) foundFacilities.clear();
    found = searchFacility(nameOrAlias, query);
    foundFacilities.set(cacheKey, found);
  }
  return found;
}

/** Names recur across reports; their look-ups are kept (a bounded cache). */
const FOUND_CACHE_LIMIT = 10_000;
const foundFacilities = new Map<string, FacilityRef | null>();

function searchFacility(nameOrAlias: string, query: FacilityQuery): FacilityRef | null {
  const { byKey } = getLexicon();
  const key = normalizeName(nameOrAlias);
  if (key === "") return null;
  const family = query.kind ? familyOf(query.kind) : null;
  for (const candidate of [key, ...headKeysOf(family).map((h) => `${key} ${h}`)]) {
    const entries = (byKey.get(candidate) ?? []).filter((e) => e.type === "facility" && (!family || familyOf((e.value as FacilityRef).kind) === family));
    const entry = entries.find((e) => (e.value as FacilityRef).place?.country === query.country) ?? entries[0];
    if (entry) return entry.value as FacilityRef;
  }
  return null;
}

/** Keys of the facility words ("custodial centre" -> "custudial centra"), of one family or all. */
function headKeysOf(family: FacilityFamily | null): string[] {
  const cacheKey = family ?? "all";
  let keys = headKeys.get(cacheKey);
  if (!keys) {
    keys = [...new Set([...facilityVocabulary().suffix.values()].flat().filter((h) => !family || familyOf(h.kind) === family).map((h) => h.keys.join(" ")))];
    headKeys.set(cacheKey, keys);
  }
  return keys;
}
const headKeys = new Map<string, string[]>();

/**
 * The place a name means: curated places and countries first (phonetic keys), then the bulk
 * towns and admin1 divisions (folded keys). `countryHint` (ISO2) settles ambiguous names.
 * @example findPlace("Sere Kaniye")?.id === "ras-al-ayn"
 */
export function findPlace(name: string, countryHint?: string): PlaceRef | null {
  const { byKey, capitals } = getLexicon();
  const curated = (byKey.get(normalizeName(name)) ?? []).filter((e) => e.type === "place" || e.type === "country");
  const hinted = curated.find((e) => (e.value as PlaceRef).country === countryHint);
  if (hinted ?? curated[0]) return (hinted ?? curated[0]).value as PlaceRef;

  const fold = foldName(name);
  const candidates = getWorldIndex().byKey.get(fold) ?? [];
  if (candidates.length === 0) return null;
  const pick = (list: WorldPlace[]): PlaceRef => worldPlaceRef(list.find((c) => c.kind === "town") ?? list[0]);
  const inHint = candidates.filter((c) => c.country === countryHint);
  if (inHint.length > 0) return pick(inHint);
  const capital = candidates.find((c) => c.kind === "town" && capitals.get(c.country)?.has(fold));
  if (capital) return worldPlaceRef(capital);
  if (candidates.every((c) => c.country === candidates[0].country)) return pick(candidates);
  return inFocusCountry(candidates);
}

/** A place by the id a PlaceRef carries: curated slug, "country:SY", or a bulk "city:…"/"admin1:…" id. */
export function placeById(id: string): PlaceRef | null {
  const { places, countries } = getLexicon();
  const curated = places.get(id);
  if (curated) return placeRefOf(curated);
  if (id.startsWith("country:")) return countries.get(id.slice("country:".length)) ?? null;
  const bulk = /^(city|admin1):([A-Z]{2})\.([^:]*):(.+)$/.exec(id);
  if (!bulk) return null;
  const [, kind, country, admin1Code, slug] = bulk;
  const wanted = kind === "city" ? "town" : "admin1";
  for (const [key, list] of getWorldIndex().byKey) {
    if (key.replace(/[^a-z0-9]+/g, "-") !== slug) continue;
    const hit = list.find((p) => p.kind === wanted && p.country === country && p.admin1Code === admin1Code);
    if (hit) return worldPlaceRef(hit);
  }
  return null;
}

/** A curated facility by id ("ghwayran-prison"). */
export function facilityById(id: string): FacilityRef | null {
  const { facilities, places } = getLexicon();
  const f = facilities.get(id);
  return f ? facilityRefOf(f, places) : null;
}

/** Common English name of a country: countryName("SY") === "Syria". */
export function countryName(iso2: string): string | null {
  return getLexicon().countries.get(iso2.toUpperCase())?.name ?? null;
}

/** Name of a first-level division from its GeoNames code: admin1Name("SY", "01") === "Al-Hasakah". */
export function admin1Name(country: string, code: string): string | null {
  return worldAdmin1Name(country.toUpperCase(), code);
}
