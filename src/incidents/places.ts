// Where a mention happened, reduced to comparable keys: facility id, town, admin1, country.
// Two mentions are at the same site when their most precise shared level agrees and no level
// contradicts (two different facilities, or two different towns, are never the same site).
import { admin1CodeOf, isTownLevel, isTownNamed, sameFacility } from "../gazetteer/geo.ts";
import type { FacilityKind, FacilityRef, PlaceRef } from "../model/incident.ts";
import { distinctFacilityNames, sameFacilityName } from "./facility-names.ts";

/** What a mention or an incident says about where it happened. */
export interface Located {
  facility: FacilityRef | null;
  place: PlaceRef | null;
}

/** How precisely two sites agree: a larger number is a stronger match. */
export const SITE_MATCH = { country: 0, admin1: 1, town: 2, facility: 3 } as const;
export type SiteMatch = (typeof SITE_MATCH)[keyof typeof SITE_MATCH];

const LEADING_ARTICLE = /^(al|el|ar|as|ash|ad|the)[\s-]+/;

/** Comparable form of a name: "Al-Ḥasakah" -> "hasakah". */
export function nameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’‘`ʿʾ]/g, "")
    .replace(LEADING_ARTICLE, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** The place a site is in: the facility's own place first (it is gazetteer knowledge), else the text's. */
export function siteOf(x: Located): PlaceRef | null {
  return x.facility?.place ?? x.place;
}


/** Key of the town a site is in, or null when only a region or country is known. */
export function townKey(x: Located): string | null {
  const place = siteOf(x);
  if (!place || !isTownLevel(place)) return null;
  return place.id ? `id:${place.id}` : `name:${nameKey(place.name)}`;
}

function townName(x: Located): string | null {
  const place = siteOf(x);
  return place && isTownLevel(place) ? nameKey(place.name) : null;
}

export function admin1Key(x: Located): string | null {
  const place = siteOf(x);
  // One code whatever the spelling: "Federal Capital Territory" and "FCT" are both "NG.11".
  const code = place ? admin1CodeOf(place) : null;
  if (code) return code;
  if (place?.admin1) return nameKey(place.admin1);
  // A place given at admin1 precision is its own admin1 ("Hasakah governorate").
  return place?.precision === "admin1" ? nameKey(place.name) : null;
}

export function countryOf(x: Located): string | null {
  return x.facility?.place?.country ?? x.place?.country ?? null;
}

/** True when nothing known about the two sites' places contradicts (towns, else admin1, else country). */
function placesAgree(a: Located, b: Located): boolean {
  const [townA, townB] = [townKey(a), townKey(b)];
  if (townA && townB) return townA === townB || townName(a) === townName(b);
  const [adminA, adminB] = [admin1Key(a), admin1Key(b)];
  if (adminA && adminB) return adminA === adminB;
  const [countryA, countryB] = [countryOf(a), countryOf(b)];
  return !countryA || !countryB || countryA === countryB;
}

/** Kinds of facility that a report naming only "the prison in X" could mean: police cells and camps are apart. */
const CUSTODY: Record<FacilityKind, string> = { prison: "custody", jail: "custody", detention_centre: "custody", other: "custody", camp: "camp", police_station: "police" };

/**
 * True when `generic` is a facility named only by its town ("Beni prison", minted for "the prison
 * in Beni") at `other`'s town, of a kind `other` could be: it names no facility of its own, so,
 * like a report naming only the town, it may be any facility of its kind there.
 */
function anyOfItsTown(generic: Located, other: Located): boolean {
  if (!isTownNamed(generic.facility!) || CUSTODY[generic.facility!.kind] !== CUSTODY[other.facility!.kind]) return false;
  const [townA, townB] = [townKey(generic), townKey(other)];
  return townA !== null && townB !== null && (townA === townB || townName(generic) === townName(other));
}

/**
 * How two sites match, or null when they contradict.
 * Steps: 1. two facilities must be the same facility: one id, a town-named facility inside the
 * other's name, or one name told two ways ("X District Jail", "X Central Jail") at places that
 * agree, and never two names that say they are two (two security levels, a women's prison); a
 * facility named only by its town matches any of its kind in that town, as the town would; 2. two known towns must be the same town (by gazetteer id, else by name, so "Ras al-Ayn
 * prison" and "in Ras al-Ayn" agree); 3. a vaguer site matches a precise one inside it (same
 * admin1, else same country).
 */
export function matchSites(a: Located, b: Located): SiteMatch | null {
  // 1.
  if (a.facility && b.facility) {
    if (a.facility.id === b.facility.id || (sameFacilityName(a.facility, b.facility) && placesAgree(a, b))) return SITE_MATCH.facility;
    if (distinctFacilityNames(a.facility, b.facility)) return null;
    if (sameFacility(a.facility, b.facility, "corpus")) return SITE_MATCH.town;
    return anyOfItsTown(a, b) || anyOfItsTown(b, a) ? SITE_MATCH.town : null;
  }
  // 2.
  const townA = townKey(a);
  const townB = townKey(b);
  if (townA && townB) {
    if (townA === townB || townName(a) === townName(b)) return SITE_MATCH.town;
    return null;
  }
  // A facility the gazetteer has no place for: its name often carries the town ("Ras al-Ayn prison").
  const lone = a.facility && !a.facility.place ? a : b.facility && !b.facility.place ? b : null;
  const other = lone === a ? b : a;
  const otherTown = lone ? townName(other) : null;
  if (lone && otherTown && ` ${nameKey(lone.facility!.name)} `.includes(` ${otherTown} `)) return SITE_MATCH.town;
  // 3.
  const countryA = countryOf(a);
  const countryB = countryOf(b);
  if (countryA && countryB && countryA !== countryB) return null;
  const adminA = admin1Key(a);
  const adminB = admin1Key(b);
  if (adminA && adminB) return adminA === adminB ? SITE_MATCH.admin1 : null;
  return countryA && countryA === countryB ? SITE_MATCH.country : null;
}
