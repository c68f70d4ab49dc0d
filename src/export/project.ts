// Views of an Incident that more than one export format needs: where it happened, its totals per
// quantity, its sources, how precise its date is.
import { createHash } from "node:crypto";
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
 * The figure for one quantity: the overall count (no casualty group) when a source states one,
 * else the sum of the group counts (guards, attackers, detainees are different people, so they
 * add up). "67 killed, among them 28 attackers and 7 guards" is 67, not 102. null when nothing
 * was counted.
 */
export function totalsOf(incident: Incident, quantity: QuantityName): Totals | null {
  const counts = incident.counts.filter((c) => c.quantity === quantity);
  if (counts.length === 0) return null;
  const overall = counts.find((c) => c.group === null);
  if (overall) return { low: overall.low, best: overall.best, high: overall.high };
  return counts.reduce<Totals>(
    (sum, c) => ({
      low: sum.low + c.low,
      best: sum.best + c.best,
      high: sum.high === null || c.high === null ? null : sum.high + c.high,
    }),
    { low: 0, best: 0, high: 0 },
  );
}

/** True when the figure `totalsOf` gives rests on a vague amount ("thousands"). */
export function totalsAreVague(incident: Incident, quantity: QuantityName): boolean {
  const counts = incident.counts.filter((c) => c.quantity === quantity);
  const overall = counts.find((c) => c.group === null);
  return overall ? Boolean(overall.vague) : counts.some((c) => c.vague);
}

/** Distinct named sources over every claim, in first-seen order. */
export function sourcesOf(incident: Incident): string[] {
  const sources = incident.counts.flatMap((c) => c.claims.map((claim) => claim.source));
  return [...new Set(sources.filter((s): s is string => Boolean(s)))];
}

/** The window's first day: ACLED and UCDP date an event to a day and state the doubt apart. */
export function eventDay(incident: Incident): string | null {
  return incident.date?.earliest ?? null;
}

/** A stable number for an incident id (ACLED's event_id_cnty, UCDP's id): 40 bits of its hash. */
export function eventNumber(incidentId: string): number {
  return parseInt(createHash("sha256").update(incidentId).digest("hex").slice(0, EVENT_NUMBER_HEX), 16);
}
/** Hex digits of the hash in an event number: 40 bits keep 100,000 incidents free of collisions (p < 0.5 %). */
const EVENT_NUMBER_HEX = 10;
