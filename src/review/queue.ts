// The review queue: incidents nobody has reviewed, and reviewed ones that need another look (a
// report arrived since the review, or a corrected field the reports now contradict), those most
// likely wrong first. Disputed figures come first (sources disagree: a person must decide), then
// the thinnest evidence (one report, no named source, no facility or date), then the newest.
import type { Count, Incident } from "../model/incident.ts";
import type { Store } from "../store/store.ts";

/** How much each kind of support adds to an incident's evidence score (they sum to 1). */
export const EVIDENCE_WEIGHTS = { documents: 0.4, sources: 0.3, facility: 0.15, date: 0.15 } as const;
/** Reports and named sources beyond these add nothing: three reports are as good as thirty for the queue. */
export const ENOUGH_DOCUMENTS = 3;
export const ENOUGH_SOURCES = 2;
export const DEFAULT_QUEUE_SIZE = 50;
export const MAX_QUEUE_SIZE = 500;

/** An unreviewed incident as the queue shows it: the claims with it, so a reviewer sees the sentences. */
export interface QueueItem {
  id: string;
  type: Incident["type"];
  status: Incident["status"];
  facility: Incident["facility"];
  place: Incident["place"];
  date: Incident["date"];
  documents: string[];
  counts: Count[];
  disputed: boolean;
  /** 0 (one unattributed report, nothing placed or dated) to 1 (several reports and sources, facility and date known). */
  evidence: number;
  reviewed: boolean;
  /** For a reviewed incident back in the queue: the reports new since the review and the flagged fields. */
  review: Incident["review"] | null;
  version: number | null;
}

/** The evidence score of an incident (see EVIDENCE_WEIGHTS). */
export function evidenceScore(incident: Incident): number {
  const sources = new Set(incident.counts.flatMap((c) => c.claims.map((claim) => claim.source)).filter((s): s is string => s !== null));
  const score =
    EVIDENCE_WEIGHTS.documents * (Math.min(incident.documents.length, ENOUGH_DOCUMENTS) / ENOUGH_DOCUMENTS) +
    EVIDENCE_WEIGHTS.sources * (Math.min(sources.size, ENOUGH_SOURCES) / ENOUGH_SOURCES) +
    EVIDENCE_WEIGHTS.facility * (incident.facility ? 1 : 0) +
    EVIDENCE_WEIGHTS.date * (incident.date ? 1 : 0);
  return Math.round(score * 100) / 100;
}

const isDisputed = (incident: Incident) => incident.status === "disputed" || incident.counts.some((c) => c.disputed);

export function queueItem(incident: Incident): QueueItem {
  return {
    id: incident.id,
    type: incident.type,
    status: incident.status,
    facility: incident.facility,
    place: incident.place,
    date: incident.date,
    documents: incident.documents,
    counts: incident.counts,
    disputed: isDisputed(incident),
    evidence: evidenceScore(incident),
    reviewed: incident.reviewed === true,
    review: incident.review ?? null,
    version: incident.version ?? null,
  };
}

/** Disputed first, then the weakest evidence, then the newest, then by id (a stable order). */
export function compareQueueItems(a: QueueItem, b: QueueItem): number {
  if (a.disputed !== b.disputed) return a.disputed ? -1 : 1;
  if (a.evidence !== b.evidence) return a.evidence - b.evidence;
  const da = a.date?.earliest ?? "";
  const db = b.date?.earliest ?? "";
  if (da !== db) return da < db ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** True when a reviewed incident needs another look: new reports since its review, or a flagged field. */
export function needsAnotherLook(incident: Incident): boolean {
  return incident.review !== undefined && (incident.review.newDocuments.length > 0 || incident.review.flagged.length > 0);
}

/**
 * The first `limit` queued incidents in queue order, and how many are queued. Streams every
 * unreviewed incident and every reviewed one once, keeping only the best `limit` in memory.
 */
export async function reviewQueue(store: Store, limit: number): Promise<{ total: number; items: QueueItem[] }> {
  const kept: QueueItem[] = [];
  let total = 0;
  const queued = async function* () {
    yield* store.iterateIncidents({ reviewed: false });
    for await (const incident of store.iterateIncidents({ reviewed: true })) if (needsAnotherLook(incident)) yield incident;
  };
  for await (const incident of queued()) {
    total++;
    const item = queueItem(incident);
    // Insert in order; drop the tail beyond `limit` (limit is small, so this stays cheap).
    let i = kept.length;
    while (i > 0 && compareQueueItems(item, kept[i - 1]) < 0) i--;
    if (i < limit) {
      kept.splice(i, 0, item);
      if (kept.length > limit) kept.pop();
    }
  }
  return { total, items: kept };
}
