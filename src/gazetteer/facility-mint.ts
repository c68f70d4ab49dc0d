// A facility reference for a name found in the text: the gazetteer's own entry when it has one
// (by the full name, else by the name without its modifiers and facility word: "Suleja
// Correctional Facility" is the curated Suleja prison), else a minted one whose id is stable
// across spellings and reports: the name's core, the kind of custody and the country
// ("Kamiti Maximum Security Prison" and "Kamiti jail" in Kenya are both "kamiti-prison-ke").
import type { FacilityKind, FacilityRef, PlaceRef } from "../model/incident.ts";
import { idHeadOf } from "./facility-heads.ts";
import { isTownLevel, kilometres, NEARBY_KM } from "./geo.ts";
import { getLexicon } from "./lexicon.ts";
import { findFacility } from "./lookup.ts";
import { foldName, normalizeName, slugOf } from "./normalize.ts";
import type { Story } from "./story.ts";
import { getWorldIndex, worldPlaceRef, type WorldPlace } from "./world.ts";

export interface MintRequest {
  /** The name as the text writes it ("Kamiti maximum security prison"). */
  name: string;
  /** The name without modifiers and facility word ("Kamiti"), or the town of a generic facility; "" when there is neither. */
  core: string;
  kind: FacilityKind;
  place: PlaceRef | null;
  story: Story;
}

/** The facility a recognised name stands for. */
export function mintFacility(r: MintRequest): FacilityRef {
  const country = r.place?.country ?? r.story.countries[0] ?? null;
  const curated = findFacility(r.name, { country }) ?? (r.core ? findFacility(r.core, { country, kind: r.kind }) : null);
  if (curated && !isNamesake(curated, r)) return curated;
  const key = r.core ? `${normalizeName(r.core)} ${idHeadOf(r.kind)}` : normalizeName(r.name);
  const id = slugOf(country ? `${key} ${country.toLowerCase()}` : key);
  // a facility with no town is at least in its country, so that reports of it meet in one country
  const place = r.place && !r.place.country && country ? { ...r.place, country } : r.place ?? (country ? getLexicon().countries.get(country) ?? null : null);
  return { id, name: r.name, kind: r.kind, place };
}

/**
 * A curated facility of another country than the one the text places the name in, or, in a story
 * about other countries, one whose name is generic or a place of the story's own ("San Pedro").
 */
function isNamesake(curated: FacilityRef, r: MintRequest): boolean {
  const country = curated.place?.country;
  if (!country) return false;
  if (r.place?.country && r.place.country !== country) return true;
  // "Cereso No. 3 in Nuevo Laredo" is not the Cereso No. 3 of Ciudad Juárez
  if (r.place && farApart(r.place, curated.place!)) return true;
  if (r.place?.country) return false;
  const foreign = r.story.countries.length > 0 && !r.story.rank.has(country);
  return foreign && (r.core === "" || townNamed(r.core, r.story, true) !== null);
}

/** A town the text puts a facility in this far from a curated facility of that name means another facility. */
export const NAMESAKE_KM = 3 * NEARBY_KM;

/** Two town-level points further apart than NAMESAKE_KM. */
export function farApart(a: PlaceRef, b: PlaceRef): boolean {
  if (!isTownLevel(a) || !isTownLevel(b) || a.lat === null || a.lon === null || b.lat === null || b.lon === null) return false;
  return kilometres(a.lat, a.lon, b.lat, b.lon) > NAMESAKE_KM;
}

/**
 * Words in a facility's name that are also a town of the story's countries ("Kamiti", "Nouna");
 * `anyKind` also admits a first-level division ("San Pedro" of Paraguay).
 */
export function townNamed(core: string, story: Story, anyKind = false): PlaceRef | null {
  let town: WorldPlace | null = null;
  for (const c of getWorldIndex().byKey.get(foldName(core)) ?? []) {
    const rank = story.rank.get(c.country);
    if (rank !== undefined && (anyKind || c.kind === "town") && (!town || rank < story.rank.get(town.country)!)) town = c;
  }
  if (town) return worldPlaceRef(town);
  // a curated town of the story's country ("Hama", "Raqqa")
  const curated = (getLexicon().byKey.get(normalizeName(core)) ?? []).find((e) => e.type === "place" && story.rank.has(e.value.country ?? ""));
  return curated ? (curated.value as PlaceRef) : null;
}
