// The review actions the API and the CLI share: each records one decision and writes the
// incidents it changes (as the overlay makes them) in one store transaction, against the merging
// versions of their blocks: a merging step committed meanwhile makes the write stale and it is
// computed again, so a decision never lands on incidents it was not computed for.
import { createHash } from "node:crypto";
import type { Incident } from "../model/incident.ts";
import type { ReviewAction, Store } from "../store/store.ts";
import { INCIDENT_ID_HEX } from "../incidents/constants.ts";
import { editedFields, fieldValue } from "./edits.ts";
import { ledgerOf, survivorOf, type IncidentEdit, type ReviewPayload } from "./ledger.ts";
import { reviewedIncident } from "./overlay.ts";

/** How often a review computed while merging commits is computed again before giving up. */
export const REVIEW_ATTEMPTS = 8;
/** Longest note kept with a decision. */
export const MAX_NOTE = 2000;

/** A review that cannot be applied, with a stable code the API maps to its status. */
export class ReviewError extends Error {
  constructor(
    readonly code: "E_NOT_FOUND" | "E_BAD_BODY" | "E_CONFLICT",
    message: string,
  ) {
    super(message);
  }
}

export interface Reviewer {
  name: string;
}

interface Draft {
  action: ReviewAction;
  incident: string | null;
  document: string | null;
  payload: ReviewPayload;
  note: string | null;
}

async function incidentOrFail(store: Store, id: string): Promise<Incident> {
  const incident = await store.getIncident(id);
  if (!incident) throw new ReviewError("E_NOT_FOUND", `No incident with id '${id}'.`);
  return incident;
}

/**
 * Records `draft` and writes the incidents in `affected` as they are with it. Steps: 1. the
 * ledger with the new decision last; 2. the blocks the incidents live in and their versions;
 * 3. each incident made again; 4. one transaction, retried when merging moved a block.
 */
async function decide(store: Store, by: Reviewer, draft: Draft, affected: string[]): Promise<void> {
  for (let attempt = 0; attempt < REVIEW_ATTEMPTS; attempt++) {
    const decision = { ...draft, payload: JSON.stringify(draft.payload), by: by.name, at: new Date().toISOString() };
    const ledger = ledgerOf([...(await store.reviewDecisions()), { ...decision, id: Number.MAX_SAFE_INTEGER }]); // 1.
    const stored = await store.incidentBlocks(affected); // 2.
    const blocks = [...new Set(stored.values())];
    const versions = await store.blockVersions(blocks);
    const fallback = blocks[0];
    const incidents: Array<{ incident: Incident; block: string }> = [];
    const removed: string[] = [];
    for (const id of new Set(affected)) { // 3.
      const { reviewed, aliases } = await reviewedIncident(store, ledger, id);
      const block = stored.get(id) ?? stored.get(draft.incident ?? "") ?? fallback;
      if (reviewed && block) incidents.push({ incident: reviewed.incident, block });
      else removed.push(id);
      removed.push(...aliases);
    }
    const outcome = await store.writeReview({ decision, basis: blocks.map((block) => ({ block, version: versions.get(block)! })), incidents, removed }); // 4.
    if (outcome.outcome === "done") return;
  }
  throw new ReviewError("E_CONFLICT", "The incident kept changing while the review was applied; try again.");
}

function noteOf(note: unknown, required: boolean): string | null {
  if (note === undefined || note === null) {
    if (required) throw new ReviewError("E_BAD_BODY", "note is required: say why.");
    return null;
  }
  if (typeof note !== "string" || note.length > MAX_NOTE) throw new ReviewError("E_BAD_BODY", `note must be a string of at most ${MAX_NOTE} characters.`);
  if (required && note.trim() === "") throw new ReviewError("E_BAD_BODY", "note is required: say why.");
  return note;
}

/** Confirms an incident as it stands, or rejects it (it is no event at a facility: it leaves every list and export). */
export async function confirmOrReject(store: Store, by: Reviewer, id: string, action: "confirm" | "reject", note: unknown): Promise<void> {
  const incident = await incidentOrFail(store, id);
  // What the reports say now of every corrected field: a confirmation clears their flags.
  const ledger = ledgerOf(await store.reviewDecisions());
  const fields = (ledger.edits.get(id) ?? []).flatMap((e) => editedFields(e.changes));
  const evidence: Record<string, unknown> = {};
  if (fields.length) {
    const { reviewed } = await reviewedIncident(store, ledger, id);
    for (const field of fields) evidence[field] = fieldValue(reviewed?.base ?? incident, field);
  }
  await decide(store, by, { action, incident: id, document: null, payload: { documents: incident.documents, anchors: incident.mentions, evidence }, note: noteOf(note, false) }, [id]);
}

/** Sets fields of an incident; the reports' values then are kept to flag a later contradiction. */
export async function editIncident(store: Store, by: Reviewer, id: string, edit: IncidentEdit, note: unknown): Promise<void> {
  const incident = await incidentOrFail(store, id);
  const { reviewed } = await reviewedIncident(store, ledgerOf(await store.reviewDecisions()), id);
  const evidence: Record<string, unknown> = {};
  for (const field of editedFields(edit)) evidence[field] = fieldValue(reviewed?.base ?? incident, field);
  await decide(store, by, { action: "edit", incident: id, document: null, payload: { changes: edit, evidence, documents: incident.documents, anchors: incident.mentions }, note: noteOf(note, true) }, [id]);
}

/** Merges `absorbed` into `survivor`: one incident from then on, whatever reports join either. */
export async function mergeIncidents(store: Store, by: Reviewer, survivor: string, absorbed: string, note: unknown): Promise<string> {
  if (survivor === absorbed) throw new ReviewError("E_BAD_BODY", "ids must name two different incidents.");
  const [kept] = await Promise.all([incidentOrFail(store, survivor), incidentOrFail(store, absorbed)]);
  await decide(
    store,
    by,
    { action: "merge", incident: survivor, document: null, payload: { absorbed, documents: kept.documents, anchors: kept.mentions }, note: noteOf(note, true) },
    [survivor, absorbed],
  );
  return survivor;
}

/** The id of the incident a split makes: stable for the same split of the same incident. */
export function splitIdOf(from: string, mentions: string[]): string {
  const hash = createHash("sha256").update(`split\u0000${from}\u0000${[...mentions].sort().join("\u0000")}`).digest("hex");
  return `inc_${hash.slice(0, INCIDENT_ID_HEX)}`;
}

/** Moves reports (whole documents, or single mentions) of an incident to a new one; returns its id. */
export async function splitIncident(store: Store, by: Reviewer, id: string, selection: { documents?: string[]; mentions?: string[] }, note: unknown): Promise<string> {
  const incident = await incidentOrFail(store, id);
  const members = await store.mentionsById(incident.mentions);
  const documents = new Set(selection.documents ?? []);
  const mentions = new Set(selection.mentions ?? []);
  for (const d of documents) if (!incident.documents.includes(d)) throw new ReviewError("E_BAD_BODY", `Document '${d}' is not one of incident ${id}'s reports.`);
  for (const m of mentions) if (!incident.mentions.includes(m)) throw new ReviewError("E_BAD_BODY", `Mention '${m}' is not one of incident ${id}'s mentions.`);
  const moved = members.filter((p) => incident.documents.includes(p.mention.document) && (documents.has(p.mention.document) || mentions.has(p.mention.id))).map((p) => p.mention.id);
  if (moved.length === 0) throw new ReviewError("E_BAD_BODY", "Name the documents or mentions to move to the new incident.");
  if (moved.length === incident.mentions.length) throw new ReviewError("E_BAD_BODY", "A split must leave the incident at least one mention.");
  const into = splitIdOf(id, moved);
  await decide(store, by, { action: "split", incident: id, document: null, payload: { into, mentions: moved, documents: incident.documents, anchors: incident.mentions.filter((m) => !moved.includes(m)) }, note: noteOf(note, true) }, [id, into]);
  return into;
}

/** Judges a document not relevant: every incident loses its reports, now and after any re-ingest. */
export async function markNotRelevant(store: Store, by: Reviewer, document: string, note: unknown): Promise<string[]> {
  const doc = await store.getDocument(document);
  if (!doc) throw new ReviewError("E_NOT_FOUND", `No document with id '${document}'.`);
  const incidents = (await store.listIncidents({ document: doc.id, limit: 1000 })).map((i) => i.id);
  await decide(store, by, { action: "not-relevant", incident: null, document: doc.id, payload: {}, note: noteOf(note, true) }, incidents);
  return incidents;
}
