// Derived figures: how many escapees are still at large, computed from an escape and the
// recaptures that follow it at the same site. Interval arithmetic keeps the uncertainty honest:
//   low  = max(0, escaped.low  - recaptured.high)   (open recaptured.high -> 0)
//   high = escaped.high - recaptured.low            (open escaped.high    -> open), never below 0
//   best = max(0, escaped.best - recaptured.best), kept inside [low, high]
// The figure is marked derived, carries no claims and names the incidents it came from; it is
// added only when no source claimed an at_large figure itself (a source's count beats our sum).
import type { Count, Incident } from "../model/incident.ts";
import { DATE_TOLERANCE_DAYS, RECAPTURE_WINDOW_DAYS } from "./constants.ts";
import { dayNumber } from "./days.ts";
import { matchSites, SITE_MATCH } from "./places.ts";

export interface Estimate {
  low: number;
  best: number;
  high: number | null;
}

/** escaped - recaptured over ranges, never below zero. */
export function atLarge(escaped: Estimate, recaptured: Estimate): Estimate {
  const low = recaptured.high === null ? 0 : Math.max(0, escaped.low - recaptured.high);
  const high = escaped.high === null ? null : Math.max(0, escaped.high - recaptured.low);
  const best = Math.min(Math.max(escaped.best - recaptured.best, low), high ?? Number.POSITIVE_INFINITY);
  return { low, best, high };
}

/** Sum of several ranges (several recapture incidents after one escape). */
export function sumEstimates(estimates: Estimate[]): Estimate {
  return {
    low: estimates.reduce((s, e) => s + e.low, 0),
    best: estimates.reduce((s, e) => s + e.best, 0),
    high: estimates.some((e) => e.high === null) ? null : estimates.reduce((s, e) => s + (e.high as number), 0),
  };
}

function countOf(incident: Incident, quantity: Count["quantity"]): Count | undefined {
  return incident.counts.find((c) => c.quantity === quantity && c.group === null) ?? incident.counts.find((c) => c.quantity === quantity);
}

/**
 * The escape a recapture belongs to: same facility or town, starting no later than the recapture
 * (give or take DATE_TOLERANCE_DAYS) and ending at most RECAPTURE_WINDOW_DAYS before it; the
 * nearest preceding such escape when there are several.
 */
export function escapeOfRecapture(recapture: Incident, escapes: Incident[]): Incident | null {
  if (!recapture.date) return null;
  const caught = dayNumber(recapture.date.earliest);
  const fits = escapes.filter((e) => {
    if (!e.date) return false;
    const site = matchSites(e, recapture);
    if (site === null || site < SITE_MATCH.town) return false;
    return caught >= dayNumber(e.date.earliest) - DATE_TOLERANCE_DAYS && caught <= dayNumber(e.date.latest) + RECAPTURE_WINDOW_DAYS;
  });
  fits.sort((a, b) => b.date!.earliest.localeCompare(a.date!.earliest) || a.id.localeCompare(b.id));
  return fits[0] ?? null;
}

/** Adds a derived at_large count to each escape that has recaptures attached and no claimed at_large. */
export function deriveAtLarge(incidents: Incident[]): Incident[] {
  const escapes = incidents.filter((i) => i.type === "escape" && countOf(i, "escaped"));
  const attached = new Map<string, Incident[]>();
  for (const recapture of incidents.filter((i) => i.type === "recapture" && countOf(i, "recaptured"))) {
    const escape = escapeOfRecapture(recapture, escapes);
    if (escape) attached.set(escape.id, [...(attached.get(escape.id) ?? []), recapture]);
  }
  return incidents.map((incident) => {
    const recaptures = attached.get(incident.id);
    if (!recaptures || countOf(incident, "at_large")) return incident;
    const escaped = countOf(incident, "escaped")!;
    const recaptured = sumEstimates(recaptures.map((r) => countOf(r, "recaptured")!));
    const derived: Count = {
      quantity: "at_large",
      group: null,
      claims: [],
      ...atLarge(escaped, recaptured),
      derived: true,
      derivedFrom: [incident.id, ...recaptures.map((r) => r.id)],
    };
    return { ...incident, counts: [...incident.counts, derived] };
  });
}
