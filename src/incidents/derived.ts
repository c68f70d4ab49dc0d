// Derived figures: how many escapees are still at large, computed from an escape and the
// recaptures that follow it at the same site. Interval arithmetic keeps the uncertainty honest:
//   low  = max(0, escaped.low  - recaptured.high)   (open recaptured.high -> 0)
//   high = escaped.high - recaptured.low            (open escaped.high    -> open), never below 0
//   best = max(0, escaped.best - recaptured.best), kept inside [low, high]
// The figure is marked derived, carries no claims and names the incidents it came from; it is
// added only when no source claimed an at_large figure itself (a source's count beats our sum).
//
// Derivation reads a small summary of each escape and recapture (a Movement), so it can be redone
// for the few escapes a change touches without reading the rest of the block (attachments.ts).
import type { Count, Incident } from "../model/incident.ts";
import { DATE_TOLERANCE_DAYS, RECAPTURE_WINDOW_DAYS } from "./constants.ts";
import { dayRangeOf, type DayRange } from "./days.ts";
import { compareText } from "./facts.ts";
import { matchSites, SITE_MATCH, type Located } from "./places.ts";

export interface Estimate {
  low: number;
  best: number;
  high: number | null;
}

/** What derivation reads of an escape or a recapture. */
export interface Movement {
  id: string;
  type: "escape" | "recapture";
  date: DayRange | null;
  site: Located;
  /** The escaped (escape) or recaptured (recapture) figure; null when the incident has none. */
  figure: Estimate | null;
  /** An escape whose sources state an at_large figure themselves: nothing is derived for it. */
  claimsAtLarge: boolean;
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

function countOf(incident: Incident, quantity: Count["quantity"], claimedOnly = false): Count | undefined {
  const counts = claimedOnly ? incident.counts.filter((c) => !c.derived) : incident.counts;
  return counts.find((c) => c.quantity === quantity && c.group === null) ?? counts.find((c) => c.quantity === quantity);
}

/** The movement an escape or recapture incident stands for; null for other types. */
export function movementOf(incident: Incident): Movement | null {
  if (incident.type !== "escape" && incident.type !== "recapture") return null;
  const figure = countOf(incident, incident.type === "escape" ? "escaped" : "recaptured", true);
  return {
    id: incident.id,
    type: incident.type,
    date: incident.date ? dayRangeOf(incident.date) : null,
    site: { facility: incident.facility, place: incident.place },
    figure: figure ? { low: figure.low, best: figure.best, high: figure.high } : null,
    claimsAtLarge: countOf(incident, "at_large", true) !== undefined,
  };
}

/** True when a recapture on day `caught` can follow `escape`: from the escape's start (give or take the tolerance) to RECAPTURE_WINDOW_DAYS after its end. */
export function recaptureFollows(escape: DayRange, caught: number): boolean {
  return caught >= escape.start - DATE_TOLERANCE_DAYS && caught <= escape.end + RECAPTURE_WINDOW_DAYS;
}

/**
 * The escape a recapture belongs to: same facility or town, starting no later than the recapture
 * (give or take DATE_TOLERANCE_DAYS) and ending at most RECAPTURE_WINDOW_DAYS before it; the
 * nearest preceding such escape when there are several. Only escapes and recaptures with a figure
 * and a date take part.
 */
export function escapeOfRecapture(recapture: Movement, escapes: Movement[]): Movement | null {
  if (!recapture.date || !recapture.figure) return null;
  const caught = recapture.date.start;
  const fits = escapes.filter((e) => {
    if (e.type !== "escape" || !e.date || !e.figure || !recaptureFollows(e.date, caught)) return false;
    const site = matchSites(e.site, recapture.site);
    return site !== null && site >= SITE_MATCH.town;
  });
  fits.sort((a, b) => b.date!.start - a.date!.start || compareText(a.id, b.id));
  return fits[0] ?? null;
}

/** The derived at_large count of an escape with the recaptures attached to it; null when none is due. */
export function derivedAtLarge(escape: Movement, recaptures: Movement[]): Count | null {
  if (!escape.figure || escape.claimsAtLarge || recaptures.length === 0) return null;
  const ordered = [...recaptures].sort((a, b) => (a.date?.start ?? 0) - (b.date?.start ?? 0) || compareText(a.id, b.id));
  return {
    quantity: "at_large",
    group: null,
    claims: [],
    ...atLarge(escape.figure, sumEstimates(ordered.map((r) => r.figure!))),
    derived: true,
    derivedFrom: [escape.id, ...ordered.map((r) => r.id)],
  };
}

/** The incident with `derived` as its only derived count (none when null). */
export function withDerivedCount(incident: Incident, derived: Count | null): Incident {
  const counts = incident.counts.filter((c) => !c.derived);
  return { ...incident, counts: derived ? [...counts, derived] : counts };
}

/** Adds a derived at_large count to each escape that has recaptures attached and no claimed at_large. */
export function deriveAtLarge(incidents: Incident[]): Incident[] {
  const movements = new Map(incidents.map((i) => [i.id, movementOf(i)] as const));
  const escapes = [...movements.values()].filter((m): m is Movement => m?.type === "escape");
  const attached = new Map<string, Movement[]>();
  for (const movement of movements.values()) {
    if (movement?.type !== "recapture") continue;
    const escape = escapeOfRecapture(movement, escapes);
    if (escape) attached.set(escape.id, [...(attached.get(escape.id) ?? []), movement]);
  }
  return incidents.map((incident) => {
    const movement = movements.get(incident.id);
    if (movement?.type !== "escape") return incident;
    return withDerivedCount(incident, derivedAtLarge(movement, attached.get(incident.id) ?? []));
  });
}
