// From one block's mentions to incidents: drop negated mentions, cluster, assemble each cluster
// into an Incident (fields below), then add derived figures.
import { createHash } from "node:crypto";
import type { DateWindow } from "../model/doc.ts";
import type { FacilityRef, Incident, IncidentMention, IncidentStatus, PlaceRef, PlacePrecision } from "../model/incident.ts";
import { clusterMentions, type PublishedDays } from "./cluster.ts";
import { INCIDENT_ID_HEX } from "./constants.ts";
import { intersectWindows, windowWidth } from "./days.ts";
import { deriveAtLarge } from "./derived.ts";
import { reconcileCounts } from "./reconcile.ts";

/** Stable id: a later report joining the incident never changes it, nor does the ingest order. */
export function incidentIdOf(earliestMentionId: string): string {
  return `inc_${createHash("sha256").update(earliestMentionId).digest("hex").slice(0, INCIDENT_ID_HEX)}`;
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

function facilityOf(mentions: IncidentMention[]): FacilityRef | null {
  const refs = mentions.map((m) => m.facility).filter((f): f is FacilityRef => f !== null);
  const chosen = mostFrequent(refs, (f) => f.id);
  // Prefer a copy that knows its place (a minted slug in one document may lack it).
  return chosen ? refs.find((f) => f.id === chosen.id && f.place) ?? chosen : null;
}

/**
 * The incident's date: the days every dated report agrees on; when reports conflict (they were
 * merged within DATE_TOLERANCE_DAYS), the tightest single window, i.e. the most precise report.
 * Null when no report dates it (the publication-day proxy is for matching only, not a date).
 */
export function incidentDate(windows: DateWindow[]): DateWindow | null {
  const common = intersectWindows(windows);
  if (common || windows.length === 0) return common;
  return windows.reduce((a, b) => (windowWidth(b) < windowWidth(a) ? b : a));
}

/** Actors of all mentions, most often named first, ties in order of appearance. */
function actorsOf(mentions: IncidentMention[]): string[] {
  const tally = new Map<string, number>();
  for (const actor of mentions.flatMap((m) => m.actors)) tally.set(actor, (tally.get(actor) ?? 0) + 1);
  return [...tally.entries()].sort((a, b) => b[1] - a[1]).map(([actor]) => actor); // sort is stable
}

/** Assembles one cluster (mentions in canonical order) into an incident. */
export function assembleIncident(mentions: IncidentMention[]): Incident {
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
    id: incidentIdOf(mentions[0].id),
    type: mentions[0].type,
    status,
    unconfirmed: mentions.every((m) => m.unconfirmed),
    facility,
    place: facility?.place ?? mostPrecisePlace(mentions.map((m) => m.place).filter((p): p is PlaceRef => p !== null)),
    destination: mostPrecisePlace(mentions.map((m) => m.destination).filter((p): p is PlaceRef => p !== null)),
    date: incidentDate(mentions.map((m) => m.date).filter((d): d is DateWindow => d !== null)),
    actors: actorsOf(mentions),
    counts,
    documents: [...new Set(mentions.map((m) => m.document))].sort(),
    mentions: mentions.map((m) => m.id),
  };
}

/**
 * Builds the incidents of one or more blocks from their mentions.
 * Steps: 1. negated mentions never become incidents; 2. cluster each block separately (a block is
 * the unit the store rebuilds, so an incident never spans blocks); 3. assemble; 4. derive at_large.
 */
export function buildIncidents(mentions: Array<{ mention: IncidentMention; block: string }>, published: PublishedDays): Incident[] {
  const byBlock = new Map<string, IncidentMention[]>();
  for (const { mention, block } of mentions) {
    if (mention.modality === "negated") continue; // 1.
    const list = byBlock.get(block) ?? [];
    list.push(mention);
    byBlock.set(block, list);
  }
  const incidents: Incident[] = [];
  for (const block of [...byBlock.keys()].sort()) {
    const clusters = clusterMentions(byBlock.get(block)!, published); // 2.
    for (const incident of deriveAtLarge(clusters.map(assembleIncident))) incidents.push(incident); // 3. 4.
  }
  return incidents;
}
