// Rows as both stores keep them and the domain values read from them: the SQLite and PostgreSQL
// schemas come from migrations of the same numbers with the same columns, so one mapping serves both.

import type { Doc } from "../model/doc.ts";
import type { Incident, IncidentMention, IncidentType } from "../model/incident.ts";
import { AUTOMATIC_AUTHOR } from "./store.ts";
import type { AlertEntry, DocumentLookup, DocumentState, DocumentSummary, FeedState, FieldChange, IncidentRevision, IncidentState, PlacedMention } from "./store.ts";

export type SummaryRow = Omit<DocumentRow, "text" | "segments" | "annotations" | "published_origin">;

export const SUMMARY_COLUMNS = "id, version, content_hash, url, title, published, relevant, text_length, ingested_at";

export interface DocumentRow {
  id: string;
  version: number;
  content_hash: string;
  url: string | null;
  title: string | null;
  published: string | null;
  published_origin: string | null;
  text: string;
  segments: string;
  annotations: string;
  relevant: number;
  text_length: number;
  ingested_at: string;
}

/** Who writes a set of incident changes: revisions record it. `action` defaults to created/updated/deleted. */
export interface Author {
  by: string;
  at: string;
  note: string | null;
  action?: string;
}

export function automaticAuthor(): Author {
  return { by: AUTOMATIC_AUTHOR, at: new Date().toISOString(), note: null };
}

export interface IncidentRow {
  json: string;
  version: number;
}

/** The stored incident with the version its row holds (incidents written before versions lack it in their JSON). */
export function toIncident(row: IncidentRow): Incident {
  const incident = JSON.parse(row.json) as Incident;
  if (row.version > 0) incident.version = row.version;
  return incident;
}

export interface RevisionRow {
  incident: string;
  version: number;
  at: string;
  by: string;
  action: string;
  changes: string;
  note: string | null;
}

export function toRevision(row: RevisionRow): IncidentRevision {
  return { incident: row.incident, version: row.version, at: row.at, by: row.by, action: row.action, changes: JSON.parse(row.changes) as FieldChange[], note: row.note };
}

export interface PlacementRow {
  incident: string | null;
  published: string | null;
  json: string;
}

export function toPlaced(row: PlacementRow): PlacedMention {
  return { mention: JSON.parse(row.json) as IncidentMention, published: row.published, incident: row.incident };
}

export interface StateRow {
  incident: string;
  block: string;
  type: IncidentType;
  match_start: number | null;
  match_end: number | null;
  date_start: number | null;
  date_end: number | null;
  attached_to: string | null;
  data: string;
}

export function toState(row: StateRow): IncidentState {
  return {
    id: row.incident,
    block: row.block,
    type: row.type,
    match: row.match_start === null || row.match_end === null ? null : { start: row.match_start, end: row.match_end },
    date: row.date_start === null || row.date_end === null ? null : { start: row.date_start, end: row.date_end },
    attachedTo: row.attached_to,
    data: row.data,
  };
}

export interface AlertRow {
  id: number;
  rule: string;
  incident: string;
  change: string;
  payload: string;
  created_at: string;
  next_attempt_at: string | null;
  delivered_at: string | null;
  attempts: number;
}

export function toAlertEntry(row: AlertRow): AlertEntry {
  return {
    id: row.id,
    rule: row.rule,
    incident: row.incident,
    change: row.change,
    payload: row.payload,
    createdAt: row.created_at,
    nextAttemptAt: row.next_attempt_at,
    deliveredAt: row.delivered_at,
    attempts: row.attempts,
  };
}

export interface FeedRow {
  name: string;
  url: string;
  interval_seconds: number;
  etag: string | null;
  last_modified: string | null;
  next_poll_at: string | null;
  last_polled_at: string | null;
  last_ok_at: string | null;
  failures: number;
  last_error: string | null;
  added_at: string;
}

export function toFeedState(row: FeedRow): FeedState {
  return {
    name: row.name,
    url: row.url,
    intervalSeconds: row.interval_seconds,
    etag: row.etag,
    lastModified: row.last_modified,
    nextPollAt: row.next_poll_at,
    lastPolledAt: row.last_polled_at,
    lastOkAt: row.last_ok_at,
    failures: row.failures,
    lastError: row.last_error,
    addedAt: row.added_at,
  };
}

/** The columns of a document row that say what is stored under an id: no text, no annotations. */
export const STATE_COLUMNS = "id, version, content_hash, url, title, published, published_origin";

/** A document row as STATE_COLUMNS select it. */
export type DocumentStateRow = Pick<DocumentRow, "id" | "version" | "content_hash" | "url" | "title" | "published" | "published_origin">;

/** One row of a document lookup: what was found under the id (`id`, `alias`) or the content (`content`, `earlier`). */
export type LookupRow = DocumentStateRow & { found: "id" | "alias" | "content" | "earlier" };

/**
 * The lookup the rows of one lookup statement answer. The id's own document wins over a document
 * the id is an alias of; the document holding the content now over one that held it earlier.
 */
export function toLookup(rows: LookupRow[]): DocumentLookup {
  const found = (kind: LookupRow["found"]) => rows.find((row) => row.found === kind);
  const direct = found("id");
  const row = direct ?? found("alias");
  const content = found("content") ?? found("earlier");
  return {
    byId: row ? { ...stateOf(row), via: direct ? "id" : "alias" } : null,
    byContent: content ? { document: content.id, version: content.version, current: content.found === "content" } : null,
  };
}

export function stateOf(row: DocumentStateRow): DocumentState {
  return {
    id: row.id,
    version: row.version,
    contentHash: row.content_hash,
    url: row.url,
    title: row.title,
    published: row.published,
    publishedOrigin: row.published_origin as DocumentState["publishedOrigin"],
  };
}

export function toSummary(row: SummaryRow): DocumentSummary {
  return {
    id: row.id,
    version: row.version,
    url: row.url,
    title: row.title,
    published: row.published,
    relevant: row.relevant === 1,
    contentHash: row.content_hash,
    length: row.text_length,
    ingestedAt: row.ingested_at,
  };
}

export function nonNegative(value: number | undefined, fallback: number): number {
  return value === undefined || !Number.isFinite(value) ? fallback : Math.max(0, Math.floor(value));
}

export function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A stored document row as the document it holds. */
export function toDoc(row: DocumentRow): Doc {
  return {
    id: row.id,
    contentHash: row.content_hash,
    url: row.url,
    title: row.title,
    published: row.published,
    publishedOrigin: row.published_origin as Doc["publishedOrigin"],
    text: row.text,
    segments: JSON.parse(row.segments),
    annotations: JSON.parse(row.annotations),
  };
}
