// Geography over gazetteer references: distances, canonical first-level divisions, and whether two
// facility names mean one facility. Used by within-report merging (extract/merge.ts) and by
// cross-report merging (incidents/), so both agree on what "the same place" is.
import type { FacilityRef, PlaceRef } from "../model/incident.ts";
import { nameCore } from "./facility-heads.ts";
import { getLexicon } from "./lexicon.ts";
import { getWorldIndex, type WorldPlace } from "./world.ts";

/** A town or generic facility this close to a named facility is taken to be where that facility is. */
export const NEARBY_KM = 50;
/** Grid cell of the nearest-town index, in degrees. */
const CELL_DEGREES = 1;

/** Most precise first: a facility's own point, a town, a province, a region, a country. */
const PRECISION_RANK: Record<string, number> = { facility: 0, town: 1, admin1: 2, region: 3, country: 4 };

/** 0 for a facility's point up to 4 for a country; lower is more precise. */
export function precisionRank(place: PlaceRef): number {
  return PRECISION_RANK[place.precision] ?? 5;
}

/** A facility's point or a town: precise enough to be where something happened. */
export function isTownLevel(place: PlaceRef): boolean {
  return precisionRank(place) <= 1;
}

/** Great-circle distance in kilometres. */
export function kilometres(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/**
 * "Abuja jail", "Freetown prison", "Jakarta police prison": a town and a kind of facility, not a
 * proper name. A facility the gazetteer knows has a name of its own even when it is its town's.
 */
export function isTownNamed(f: FacilityRef): boolean {
  if (getLexicon().facilities.has(f.id)) return false;
  const town = f.place?.name?.toLowerCase();
  if (!town || !f.name.toLowerCase().startsWith(town)) return false;
  const rest = f.name.slice(town.length).trim();
  return rest !== "" && nameCore(rest).length === 0;
}

/** Two town-level places of one country within NEARBY_KM of each other. */
export function nearbyTown(a: PlaceRef, b: PlaceRef): boolean {
  if (a.country !== b.country || a.lat === null || a.lon === null || b.lat === null || b.lon === null) return false;
  if (!isTownLevel(a) || !isTownLevel(b)) return false;
  return kilometres(a.lat, a.lon, b.lat, b.lon) <= NEARBY_KM;
}

/**
 * One facility named two ways. Everywhere: the same id, or a facility named only by its town
 * whose town is in the other's name ("Sorong prison", "Sorong Class IIB Penitentiary"). Within
 * one report also a town-named facility beside a named one in or near that town ("the Abuja
 * jail", "Kuje Custodial Centre", 35 km apart): a report about one breakout names one facility,
 * while across reports a town may hold several. Camps never match prisons, and two facilities the
 * gazetteer knows are never one ("Croix-des-Bouquets prison" is not the National Penitentiary).
 */
export function sameFacility(a: FacilityRef, b: FacilityRef, scope: "report" | "corpus"): boolean {
  if (a.id === b.id) return true;
  if ((a.kind === "camp") !== (b.kind === "camp")) return false;
  const { facilities } = getLexicon();
  if (facilities.has(a.id) && facilities.has(b.id)) return false;
  const [generic, named] = isTownNamed(a) ? [a, b] : isTownNamed(b) ? [b, a] : [null, null];
  if (!generic || !named) return false;
  const town = generic.place!.name.toLowerCase();
  if (named.name.toLowerCase().includes(town)) return true;
  if (scope === "corpus") return false;
  return named.place?.name?.toLowerCase() === town || Boolean(named.place && nearbyTown(generic.place!, named.place));
}

let grid: Map<string, WorldPlace[]> | null = null;

function cellOf(lat: number, lon: number): string {
  return `${Math.floor(lat / CELL_DEGREES)}|${Math.floor(lon / CELL_DEGREES)}`;
}

function townGrid(): Map<string, WorldPlace[]> {
  if (grid) return grid;
  grid = new Map();
  const seen = new Set<WorldPlace>();
  for (const places of getWorldIndex().byKey.values()) {
    for (const p of places) {
      if (p.kind !== "town" || seen.has(p) || Number.isNaN(p.lat)) continue;
      seen.add(p);
      const key = cellOf(p.lat, p.lon);
      const cell = grid.get(key);
      if (cell) cell.push(p);
      else grid.set(key, [p]);
    }
  }
  return grid;
}

/**
 * The GeoNames first-level division of a place as "CC.code" ("SY.01"), whatever spelling the
 * curated data or the text used for it: from the id of a bulk place, else from the nearest town
 * of the same country. Null when the place has no coordinates or is wider than a town.
 */
export function admin1CodeOf(place: PlaceRef): string | null {
  const fromId = /^(?:city|admin1):([A-Z]{2}\.[^:]+):/.exec(place.id ?? "")?.[1];
  if (fromId) return fromId;
  if (!isTownLevel(place) || place.lat === null || place.lon === null || !place.country) return null;
  const key = `${place.country}|${place.lat}|${place.lon}`;
  let code = admin1Codes.get(key);
  if (code === undefined) {
    code = nearestTownAdmin1(place.country, place.lat, place.lon);
    admin1Codes.set(key, code);
  }
  return code;
}

/** Places recur (the same facility in every report of it): their nearest-town lookups are kept. */
const admin1Codes = new Map<string, string | null>();

function nearestTownAdmin1(country: string, lat: number, lon: number): string | null {
  const place = { country, lat, lon };
  let best: WorldPlace | null = null;
  let bestKm = Infinity;
  const [cy, cx] = [Math.floor(place.lat / CELL_DEGREES), Math.floor(place.lon / CELL_DEGREES)];
  for (let dy = -1; dy <= 1; dy++) {
    for (let dx = -1; dx <= 1; dx++) {
      for (const t of townGrid().get(`${cy + dy}|${cx + dx}`) ?? []) {
        if (t.country !== place.country) continue;
        const km = kilometres(place.lat, place.lon, t.lat, t.lon);
        if (km < bestKm) {
          best = t;
          bestKm = km;
        }
      }
    }
  }
  return best ? `${best.country}.${best.admin1Code}` : null;
}
