// From an incident's members to the Incident the store keeps, and a block's incidents built from
// scratch: resolve (resolve.ts), assemble each incident (fields below), then derive figures.
import { createHash } from "node:crypto";
import { isTownNamed } from "../gazetteer/geo.ts";
import type { DateWindow, Day } from "../model/doc.ts";
import type { FacilityRef, Incident, IncidentMention, IncidentStatus, PlaceRef, PlacePrecision } from "../model/incident.ts";
import type { StoredMention } from "../store/store.ts";
import { spanDays, type IncidentAggregate } from "./aggregate.ts";
import { INCIDENT_ID_HEX } from "./constants.ts";
import { dateWindowOf } from "./days.ts";
import { deriveAtLarge } from "./derived.ts";
import { factsOf, inRankOrder } from "./facts.ts";
import { reconcileCounts } from "./reconcile.ts";
import { rolesOf } from "./roles.ts";
import { placeMentions, type Cluster } from "./resolve.ts";

export type PublishedDays = Map<string, Day | null>;

/** Stable id: a later report joining the incident never changes it, nor does the ingest order. */
export function incidentIdOf(earliestMentionId: string): string {
  return `inc_${createHash("sha256").update(earliestMentionId).digest("hex").slice(0, INCIDENT_ID_HEX)}`;
}

/** The id of the incident an aggregate summarises: its earliest member's. */
export function idOfAggregate(aggregate: IncidentAggregate): string {
  return incidentIdOf(aggregate.first.mention);
}

/** Most frequent value by key; ties go to the first seen (mentions are in canonical order). */
function mostFrequent<T>(items: T[], key: (item: T) => string): T | null {
  const tally = new Map<string, { item: T; n: number }>();
  for (const item of items) {
    const k = key(item);
    const entry = tally.get(k) ?? { item, n: 0 };
    entry.n++;
    tally.set(k, entry);
  }
  let best: { item: T; n: number } | null = null;
  for (const entry of tally.values()) if (!best || entry.n > best.n) best = entry;
  return best?.item ?? null;
}

const PRECISION_RANK: Record<PlacePrecision, number> = { facility: 0, town: 1, admin1: 2, country: 3, region: 4 };

/** Most precise place, most frequent among equally precise ones. */
function mostPrecisePlace(places: PlaceRef[]): PlaceRef | null {
  if (places.length === 0) return null;
  const top = places.reduce((best, p) => Math.min(best, PRECISION_RANK[p.precision]), Infinity);
  return mostFrequent(places.filter((p) => PRECISION_RANK[p.precision] === top), (p) => p.id ?? p.name);
}

/**
 * The most frequent facility, among those with a name of their own when any report gives one:
 * "Gada Lowo prison" over "Mekora prison", minted for "the prison in Mekora".
 */
function facilityOf(mentions: IncidentMention[]): FacilityRef | null {
  const refs = mentions.map((m) => m.facility).filter((f): f is FacilityRef => f !== null);
  const named = refs.filter((f) => !isTownNamed(f));
  const chosen = mostFrequent(named.length ? named : refs, (f) => f.id);
  // Prefer a copy that knows its place (a minted slug in one document may lack it).
  return chosen ? refs.find((f) => f.id === chosen.id && f.place) ?? chosen : null;
}

/**
 * The incident's date: the days every report that dates the event agrees on; when they miss each
 * other (by at most DATE_TOLERANCE_DAYS), the days between them, so the window touches every
 * report's. Reports that do not date the event count only when none does; follow-ups never.
 * Null when nothing dates it (the lookback before publication is for matching only).
 */
export function incidentDate(aggregate: IncidentAggregate): DateWindow | null {
  const span = aggregate.firm ?? aggregate.soft; // a lookback window never dates an incident
  return span ? dateWindowOf(spanDays(span)) : null;
}

/** Actors of all mentions, most often named first, ties in order of appearance. */
function actorsOf(mentions: IncidentMention[]): string[] {
  const tally = new Map<string, number>();
  for (const actor of mentions.flatMap((m) => m.actors)) tally.set(actor, (tally.get(actor) ?? 0) + 1);
  return [...tally.entries()].sort((a, b) => b[1] - a[1]).map(([actor]) => actor); // sort is stable
}

/** Assembles an incident from its members (canonical order) and their aggregate, before derived figures. */
export function assembleIncident(mentions: IncidentMention[], aggregate: IncidentAggregate): Incident {
  const documentRank = new Map<string, number>();
  for (const m of mentions) if (!documentRank.has(m.document)) documentRank.set(m.document, documentRank.size);
  const counts = reconcileCounts(mentions.flatMap((m) => m.counts), (doc) => documentRank.get(doc) ?? 0);
  const facility = facilityOf(mentions);
  const status: IncidentStatus = counts.some((c) => c.disputed)
    ? "disputed"
    : mentions.every((m) => m.modality === "planned")
      ? "planned"
      : "occurred";
  return {
    id: idOfAggregate(aggregate),
    type: aggregate.type,
    status,
    unconfirmed: mentions.every((m) => m.unconfirmed),
    facility,
    place: facility?.place ?? mostPrecisePlace(mentions.map((m) => m.place).filter((p): p is PlaceRef => p !== null)),
    destination: mostPrecisePlace(mentions.map((m) => m.destination).filter((p): p is PlaceRef => p !== null)),
    date: incidentDate(aggregate),
    actors: actorsOf(mentions),
    roles: rolesOf(mentions),
    counts,
    documents: [...new Set(mentions.map((m) => m.document))].sort(),
    mentions: mentions.map((m) => m.id),
  };
}

/**
 * Builds the incidents of one or more blocks from scratch (a block is the unit merging works in:
 * an incident never spans blocks). Steps: 1. facts and canonical order per block; 2. resolve
 * (negated mentions never become part of an incident); 3. assemble; 4. derive at_large.
 */
export function buildIncidents(mentions: StoredMention[], published: PublishedDays): Incident[] {
  const byBlock = new Map<string, IncidentMention[]>();
  for (const { mention, block } of mentions) byBlock.get(block)?.push(mention) ?? byBlock.set(block, [mention]);
  const incidents: Incident[] = [];
  for (const block of [...byBlock.keys()].sort()) {
    const facts = inRankOrder(byBlock.get(block)!.map((m) => factsOf(m, published.get(m.document) ?? null))); // 1.
    const members = new Map<Cluster, IncidentMention[]>();
    for (const { facts: f, cluster } of placeMentions(facts, [])) { // 2.
      if (cluster) members.get(cluster)?.push(f.mention) ?? members.set(cluster, [f.mention]);
    }
    // 3. 4. (a loop, not push(...list): a block of thousands of incidents would overflow the stack)
    for (const incident of deriveAtLarge([...members].map(([cluster, list]) => assembleIncident(list, cluster.aggregate)))) incidents.push(incident);
  }
  return incidents;
}
