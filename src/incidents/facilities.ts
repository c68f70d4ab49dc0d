// A facility over time: who held it, how many it held, who escaped and was recaptured, and every
// incident there, each figure with its claims. Read-only over the Store.
import type { DateWindow, Day } from "../model/doc.ts";
import { INCIDENT_TYPES, type Claim, type FacilityRef, type Incident, type IncidentType, type QuantityName, type SourceFigure } from "../model/incident.ts";
import type { Store } from "../store/store.ts";
import { facilityIdsFor } from "../store/filter-terms.ts";
import { nameKey } from "./places.ts";

/** Why we believe a force held the facility from some day. */
export interface HolderEvidence {
  /** control_change: an incident in which it took the facility; statement: "the SDF-run prison". */
  basis: "control_change" | "statement";
  day: Day | null;
  incident?: string;
  document: string;
  start?: number;
  end?: number;
  rule?: string;
}

/** One stretch of time during which one force held the facility. */
export interface HolderPeriod {
  holder: string;
  /** First day the evidence places this holder there; null when undated. */
  from: Day | null;
  /** The first day of the next holder's period, null while current (or unknown). */
  until: Day | null;
  evidence: HolderEvidence[];
}

/** One reconciled figure of one incident, with the claims behind it. */
export interface FacilityFigure {
  incident: string;
  type: IncidentType;
  date: DateWindow | null;
  quantity: QuantityName;
  low: number;
  best: number;
  high: number | null;
  disputed: boolean;
  derived: boolean;
  claims: Claim[];
  disagreement?: SourceFigure[];
  /** When derived: the incidents it was computed from. */
  derivedFrom?: string[];
  /** When best stands for a vague amount ("thousands"). */
  vague?: boolean;
}

export interface FacilityHistory {
  facility: FacilityRef;
  /** Other facilities the query also matched (the view shows the one with most incidents). */
  alsoMatched: FacilityRef[];
  holders: HolderPeriod[];
  /** `held` counts: how many it held, over time. */
  population: FacilityFigure[];
  /** escaped / recaptured / at_large, over time. */
  movements: FacilityFigure[];
  /** Every incident at the facility, oldest first (undated last), same-day ones in type order. */
  incidents: Incident[];
}

const MOVEMENT_QUANTITIES: QuantityName[] = ["escaped", "recaptured", "at_large"];

/** Every facility the store knows, with its incident count, most incidents first. */
export async function listFacilities(store: Store): Promise<Array<{ facility: FacilityRef; incidents: number }>> {
  return store.listFacilities();
}

/**
 * Facilities matching an id or a name: the exact id, else a facility any of whose gazetteer
 * aliases it is ("Gweiran", "Sinaa prison"), else the exact name ("Ghwayran" finds "Ghwayran
 * prison" only if no facility is named exactly so), else every name containing it.
 */
export async function findFacilities(store: Store, nameOrId: string): Promise<FacilityRef[]> {
  const all = await store.listFacilities(); // most incidents first
  const byId = all.filter((f) => f.facility.id === nameOrId);
  if (byId.length) return byId.map((f) => f.facility);
  const aliasIds = facilityIdsFor(nameOrId);
  const byAlias = all.filter((f) => aliasIds.includes(f.facility.id));
  if (byAlias.length) return byAlias.map((f) => f.facility);
  const query = nameKey(nameOrId);
  if (!query) return [];
  const exact = all.filter((f) => nameKey(f.facility.name) === query);
  if (exact.length) return exact.map((f) => f.facility);
  return all.filter((f) => ` ${nameKey(f.facility.name)} `.includes(` ${query} `) || f.facility.id.includes(nameOrId.toLowerCase())).map((f) => f.facility);
}

const byDate = (a: { date: DateWindow | null }, b: { date: DateWindow | null }) =>
  (a.date?.earliest ?? "9999").localeCompare(b.date?.earliest ?? "9999");

/** Time-ordered evidence folded into periods; a control change's new holder is the actor that is not the current one. */
function holderPeriods(events: Array<{ day: Day | null; holders: string[]; evidence: HolderEvidence }>): HolderPeriod[] {
  const periods: HolderPeriod[] = [];
  const ordered = [...events].sort((a, b) => (a.day ?? "9999").localeCompare(b.day ?? "9999"));
  for (const event of ordered) {
    const current = periods.at(-1);
    const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
    // Incident actors carry no roles: in a control change the force that is not already holding
    // the facility is the one that took it (the first named when no holder is known yet).
    const holder = event.holders.find((h) => !current || !same(h, current.holder)) ?? event.holders[0];
    if (!holder) continue;
    if (current && same(current.holder, holder)) {
      current.evidence.push(event.evidence);
      continue;
    }
    if (current) current.until = event.day;
    periods.push({ holder, from: event.day, until: null, evidence: [event.evidence] });
  }
  return periods;
}

function takersOf(incident: Incident): string[] {
  const initiators = (incident.roles ?? []).filter((r) => r.role === "initiator").map((r) => r.actor);
  return initiators.length ? initiators : incident.actors;
}

function figuresOf(incidents: Incident[], quantities: QuantityName[]): FacilityFigure[] {
  return incidents.flatMap((incident) =>
    incident.counts
      .filter((c) => quantities.includes(c.quantity))
      .map((c) => ({
        incident: incident.id,
        type: incident.type,
        date: incident.date,
        quantity: c.quantity,
        low: c.low,
        best: c.best,
        high: c.high,
        disputed: c.disputed ?? false,
        derived: c.derived ?? false,
        claims: c.claims,
        ...(c.disagreement ? { disagreement: c.disagreement } : {}),
        ...(c.derivedFrom ? { derivedFrom: c.derivedFrom } : {}),
        ...(c.vague ? { vague: true } : {}),
      })),
  );
}

/** The history of the facility best matching `nameOrId`, or null when none matches. */
export async function facilityHistory(store: Store, nameOrId: string): Promise<FacilityHistory | null> {
  const [facility, ...alsoMatched] = await findFacilities(store, nameOrId);
  if (!facility) return null;
  // Every incident there, not a first page: a busy prison has hundreds.
  const incidents: Incident[] = [];
  for await (const incident of store.iterateIncidents({ facility: facility.id })) if (incident.facility?.id === facility.id) incidents.push(incident);
  incidents.sort((a, b) => byDate(a, b) || INCIDENT_TYPES.indexOf(a.type) - INCIDENT_TYPES.indexOf(b.type) || a.id.localeCompare(b.id));
  const holdings = await store.holdingsOf(facility.id);
  const published = await store.publishedDays([...new Set(holdings.map((h) => h.document))]);

  const events = [
    ...incidents
      .filter((i) => i.type === "control_change" && i.status !== "planned")
      .map((i) => ({
        day: i.date?.earliest ?? null,
        // The force that took it, when reports name one; else every actor, in order of mention.
        holders: takersOf(i),
        evidence: { basis: "control_change" as const, day: i.date?.earliest ?? null, incident: i.id, document: i.documents[0] },
      })),
    ...holdings.map((h) => {
      // "The SDF-run prison" holds as of the day it was written, unless the text dates it.
      const day = h.since?.earliest ?? published.get(h.document) ?? null;
      return { day, holders: [h.holder], evidence: { basis: "statement" as const, day, document: h.document, start: h.start, end: h.end, rule: h.rule } };
    }),
  ];
  return {
    facility,
    alsoMatched,
    holders: holderPeriods(events),
    population: figuresOf(incidents, ["held"]),
    movements: figuresOf(incidents, MOVEMENT_QUANTITIES),
    incidents,
  };
}
