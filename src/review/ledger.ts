// The review decisions people made, read into the lookups the overlay (overlay.ts) applies on
// top of automatic merging. Decisions are keyed by stable ids: incidents by the id merging gives
// them (that of their earliest report), mentions by their own id (a hash of document, type and
// trigger offsets), documents by theirs. Later decisions win over earlier ones.
import type { IncidentStatus, IncidentType } from "../model/incident.ts";
import type { ReviewDecision } from "../store/store.ts";

/** A count's figures as a reviewer sets them. */
export interface CountEdit {
  best?: number;
  low?: number;
  high?: number | null;
}

/** The fields `PATCH /api/incidents/:id` may set (field names as the API takes them). */
export interface IncidentEdit {
  type?: IncidentType;
  facility_id?: string;
  facility_name?: string;
  place?: string;
  date_start?: string;
  date_end?: string;
  status?: IncidentStatus;
  actors?: string[];
  counts?: Record<string, CountEdit>;
}

/** What each action keeps in its decision's payload. */
export interface ReviewPayload {
  /** The incident's documents when the decision was made: those joining later are new since. */
  documents?: string[];
  /** edit: the fields set. */
  changes?: IncidentEdit;
  /** edit: what the reports said of each edited field then (overlay.ts flags a later difference); confirm: the same, now. */
  evidence?: Record<string, unknown>;
  /** merge: the incident folded into the decision's incident. */
  absorbed?: string;
  /** split: the new incident and the mentions moved to it. */
  into?: string;
  mentions?: string[];
  /**
   * The incident's mentions when the decision was made. Merging names an incident after its
   * earliest report, so a report published earlier that arrives later renames it: the decision
   * then follows these mentions to the incident merging now keeps them in.
   */
  anchors?: string[];
}

/** The last decision on an incident that makes it reviewed. */
export interface LatestReview {
  by: string;
  at: string;
  action: string;
  documents: string[];
}

export interface Ledger {
  /** True when nobody decided anything: the overlay is skipped. */
  empty: boolean;
  /** Incident merged away -> the incident it was merged into. */
  into: Map<string, string>;
  /** Mention split off -> the incident made for it. */
  splitOf: Map<string, string>;
  /** Incidents made by a split -> the incident they were split from. */
  splitUnits: Map<string, string>;
  notRelevant: Set<string>;
  edits: Map<string, Array<{ changes: IncidentEdit; evidence: Record<string, unknown> }>>;
  rejected: Set<string>;
  latest: Map<string, LatestReview>;
  /** Decided incident -> its mentions at the latest decision (see ReviewPayload.anchors). */
  anchors: Map<string, string[]>;
  /** Mention -> the decided incident it anchors. */
  anchorOwner: Map<string, string>;
}

export function payloadOf(decision: Pick<ReviewDecision, "payload">): ReviewPayload {
  return JSON.parse(decision.payload) as ReviewPayload;
}

/** The ledger of `decisions`, applied oldest first. */
export function ledgerOf(decisions: Array<Omit<ReviewDecision, "id">>): Ledger {
  const ledger: Ledger = {
    empty: decisions.length === 0,
    into: new Map(),
    splitOf: new Map(),
    splitUnits: new Map(),
    notRelevant: new Set(),
    edits: new Map(),
    rejected: new Set(),
    latest: new Map(),
    anchors: new Map(),
    anchorOwner: new Map(),
  };
  for (const d of decisions) {
    const payload = payloadOf(d);
    const reviewed = (id: string, documents = payload.documents ?? []) => ledger.latest.set(id, { by: d.by, at: d.at, action: d.action, documents });
    const id = d.incident;
    if (id && payload.anchors?.length) {
      ledger.anchors.set(id, payload.anchors);
      for (const mention of payload.anchors) ledger.anchorOwner.set(mention, id);
    }
    switch (d.action) {
      case "confirm":
        if (!id) break;
        reviewed(id);
        // Confirming after a flag says the corrected fields were looked at again: what the
        // reports say now is the new baseline a later contradiction is measured against.
        for (const edit of ledger.edits.get(id) ?? []) {
          for (const field of Object.keys(edit.evidence)) if (payload.evidence && field in payload.evidence) edit.evidence[field] = payload.evidence[field];
        }
        break;
      case "reject":
        if (id) ledger.rejected.add(id);
        break;
      case "edit":
        if (!id) break;
        ledger.edits.get(id)?.push({ changes: payload.changes ?? {}, evidence: payload.evidence ?? {} }) ??
          ledger.edits.set(id, [{ changes: payload.changes ?? {}, evidence: payload.evidence ?? {} }]);
        reviewed(id);
        break;
      case "merge":
        if (id && payload.absorbed && payload.absorbed !== id) {
          ledger.into.set(payload.absorbed, id);
          reviewed(id);
        }
        break;
      case "split":
        if (id && payload.into) {
          ledger.splitUnits.set(payload.into, id);
          for (const mention of payload.mentions ?? []) ledger.splitOf.set(mention, payload.into);
          reviewed(id);
          reviewed(payload.into, []);
        }
        break;
      case "not-relevant":
        if (d.document) ledger.notRelevant.add(d.document);
        break;
    }
  }
  return ledger;
}

/** The incident `id` shows as: itself, or the incident it was (transitively) merged into. */
export function survivorOf(ledger: Ledger, id: string): string {
  let current = id;
  const seen = new Set<string>();
  while (ledger.into.has(current) && !seen.has(current)) {
    seen.add(current);
    current = ledger.into.get(current)!;
  }
  return current;
}

/** The incidents (automatic or split off) whose reports make up the reviewed incident `id`. */
export function sourcesOf(ledger: Ledger, id: string): string[] {
  const sources = [id];
  for (const absorbed of ledger.into.keys()) if (absorbed !== id && survivorOf(ledger, absorbed) === id) sources.push(absorbed);
  return sources;
}

/** True when some decision names the incident itself (not only its reports). */
export function isDecided(ledger: Ledger, id: string): boolean {
  return ledger.latest.has(id) || ledger.rejected.has(id) || ledger.into.has(id) || ledger.splitUnits.has(id) || ledger.edits.has(id) || [...ledger.into.values()].includes(id);
}
