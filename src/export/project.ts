// Views of an Incident that more than one export format needs: where it happened, its totals per
// quantity, its sources, how precise its date is.
import { createRequire } from "node:module";
import type { DateWindow } from "../model/doc.ts";
import type { Incident, PlacePrecision, PlaceRef, QuantityName } from "../model/incident.ts";

/** A date window up to this many days wide is "within a week" (ACLED time_precision 2). */
export const WEEK_DAYS = 7;
const DAY_MS = 86_400_000;

/** ACLED's time_precision: 1 exact day, 2 within a week, 3 wider or unknown. */
export function timePrecision(date: DateWindow | null): 1 | 2 | 3 {
  if (!date) return 3;
  if (date.earliest === date.latest) return 1;
  const days = (Date.parse(date.latest) - Date.parse(date.earliest)) / DAY_MS;
  return days <= WEEK_DAYS ? 2 : 3;
}

/** ACLED's geo_precision: 1 the town or facility itself, 2 its province, 3 only the country. */
export const GEO_PRECISION: Record<PlacePrecision, 1 | 2 | 3> = {
  facility: 1,
  town: 1,
  admin1: 2,
  country: 3,
  region: 3,
};

function hasCoordinates(place: PlaceRef | null | undefined): place is PlaceRef & { lat: number; lon: number } {
  return Boolean(place) && Number.isFinite(place!.lat) && Number.isFinite(place!.lon);
}

/**
 * Where the incident happened, for maps and location columns: the facility's place (the most
 * precise point) else the incident's place; a place with coordinates wins over one without.
 */
export function locationOf(incident: Incident): PlaceRef | null {
  const candidates = [incident.facility?.place, incident.place];
  return candidates.find(hasCoordinates) ?? candidates.find((p): p is PlaceRef => Boolean(p)) ?? null;
}

/** [lon, lat] of `locationOf`, or null. */
export function coordinatesOf(incident: Incident): [number, number] | null {
  const place = locationOf(incident);
  return hasCoordinates(place) ? [place.lon, place.lat] : null;
}

export interface Totals {
  low: number;
  best: number;
  /** null = open-ended. */
  high: number | null;
}

/**
 * Sum over the counts of one quantity: killed counts come one per group (guards, attackers,
 * detainees), and those are different people, so they add up. null when nothing was counted.
 */
export function totalsOf(incident: Incident, quantity: QuantityName): Totals | null {
  const counts = incident.counts.filter((c) => c.quantity === quantity);
  if (counts.length === 0) return null;
  return counts.reduce<Totals>(
    (sum, c) => ({
      low: sum.low + c.low,
      best: sum.best + c.best,
      high: sum.high === null || c.high === null ? null : sum.high + c.high,
    }),
    { low: 0, best: 0, high: 0 },
  );
}

/** Distinct named sources over every claim, in first-seen order. */
export function sourcesOf(incident: Incident): string[] {
  const sources = incident.counts.flatMap((c) => c.claims.map((claim) => claim.source));
  return [...new Set(sources.filter((s): s is string => Boolean(s)))];
}

const require = createRequire(import.meta.url);
const COUNTRY_NAMES = new Map(
  (require("world-countries") as Array<{ cca2: string; name: { common: string } }>).map((c) => [c.cca2, c.name.common]),
);

/** "SY" -> "Syria"; an unknown code is returned as it is. */
export function countryName(code: string | null): string | null {
  return code ? (COUNTRY_NAMES.get(code.toUpperCase()) ?? code) : null;
}
