// The dashboard's only way to the data: the JSON API of the same origin.
import type {
  DocumentPageView,
  DocumentSummaryView,
  DocumentView,
  FacilityView,
  IncidentSummary,
  IncidentView,
} from "../../src/server/views.ts";
import type { FacilityRef } from "../../src/model/incident.ts";
import type { AlertSummary } from "../../src/alerts/route.ts";

export type { DocumentPageView, DocumentSummaryView, DocumentView, FacilityView, IncidentSummary, IncidentView };

export type { AlertSummary };

/** GET /api/alerts: alerts of every rule queued after `since`, newest first. */
export interface AlertList {
  since: string;
  /** The server's time when it read the list. */
  now: string;
  items: AlertSummary[];
}

export interface Page<T> {
  total: number;
  items: T[];
}

/** An API error with the server's stable code. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const READ_TOKEN_KEY = "escapewatch.readToken";
/** The API's page size limit; the dashboard pages through larger sets. */
const PAGE_SIZE = 500;
/** Enough for any realistic dashboard; beyond this, filter first. */
const MAX_INCIDENTS = 20_000;

/**
 * The review page's token (a reader's, reviewer's or admin's, from `escapewatch users add`): kept
 * for this tab only, like the read token, and never put in a URL, where it would land in
 * histories and logs.
 */
const REVIEW_TOKEN_KEY = "escapewatch.reviewToken";

export function setReadToken(token: string): void {
  sessionStorage.setItem(READ_TOKEN_KEY, token);
}

export const reviewToken = () => sessionStorage.getItem(REVIEW_TOKEN_KEY);
export function setReviewToken(token: string | null): void {
  if (token) sessionStorage.setItem(REVIEW_TOKEN_KEY, token);
  else sessionStorage.removeItem(REVIEW_TOKEN_KEY);
}

/** Reads send the read token, else the reviewer's (a person's token also reads). */
export function getJson<T>(path: string): Promise<T> {
  return requestJson<T>("GET", path, undefined, sessionStorage.getItem(READ_TOKEN_KEY) ?? reviewToken());
}

/** A review write (POST, PATCH) with the reviewer's token; the server records who made it. */
export function sendJson<T>(method: "POST" | "PATCH", path: string, body: unknown): Promise<T> {
  return requestJson<T>(method, path, body, reviewToken());
}

async function requestJson<T>(method: string, path: string, body: unknown, token: string | null): Promise<T> {
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "same-origin",
  });
  const parsed = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (parsed as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiFailure(response.status, error?.code ?? "E_HTTP", error?.message ?? `HTTP ${response.status}`);
  }
  return parsed as T;
}

/** The filters the API applies (GET /api/incidents and GET /api/export take the same). */
export interface IncidentQuery {
  type?: string;
  country?: string;
  status?: string;
  facility?: string;
  q?: string;
  since?: string;
  until?: string;
}

export const QUERY_KEYS = ["type", "country", "status", "facility", "q", "since", "until"] as const;

/** The query as URL parameters, empty values left out. */
export function queryParams(query: IncidentQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of QUERY_KEYS) if (query[key]) params.set(key, query[key]!);
  return params;
}

const cache = new Map<string, Promise<IncidentSummary[]>>();
/** Queries remembered: brushing and paging never refetch, and the cache stays small. */
const CACHE_ENTRIES = 4;

/** Every incident matching the query, fetched page by page (remembered for the last few queries). */
export function allIncidents(query: IncidentQuery): Promise<IncidentSummary[]> {
  const key = queryParams(query).toString();
  const known = cache.get(key);
  if (known) return known;
  const loading = fetchAllIncidents(query);
  loading.catch(() => cache.delete(key));
  cache.set(key, loading);
  if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  return loading;
}

async function fetchAllIncidents(query: IncidentQuery): Promise<IncidentSummary[]> {
  const items: IncidentSummary[] = [];
  for (let offset = 0; offset < MAX_INCIDENTS; offset += PAGE_SIZE) {
    const params = queryParams(query);
    params.set("limit", String(PAGE_SIZE));
    params.set("offset", String(offset));
    const page = await getJson<Page<IncidentSummary>>(`/api/incidents?${params}`);
    items.push(...page.items);
    if (page.items.length < PAGE_SIZE || items.length >= page.total) break;
  }
  return items;
}

export const getIncident = (id: string) => getJson<IncidentView>(`/api/incidents/${encodeURIComponent(id)}`);
export const getDocument = (id: string) => getJson<DocumentPageView>(`/api/documents/${encodeURIComponent(id)}`);
export const getFacility = (id: string) => getJson<FacilityView>(`/api/facilities/${encodeURIComponent(id)}`);
export const listDocuments = (offset: number) =>
  getJson<Page<DocumentSummaryView>>(`/api/documents?limit=100&offset=${offset}`);
export const listFacilities = (q?: string) =>
  getJson<Page<{ facility: FacilityRef; incidents: number }>>(`/api/facilities${q ? `?q=${encodeURIComponent(q)}` : ""}`);

/** The export of what `query` selects, in `format` (json, csv, ucdp, geojson). */
export function exportUrl(query: IncidentQuery, format: string): string {
  const params = queryParams(query);
  params.set("format", format);
  return `/api/export?${params}`;
}

/** True when the server's reads need a token: downloads must then go through fetch. */
export const hasReadToken = () => Boolean(sessionStorage.getItem(READ_TOKEN_KEY));

/** Downloads an export with the read token (a plain link cannot send it). */
export async function downloadWithToken(url: string, filename: string): Promise<void> {
  const response = await fetch(url, { headers: { Authorization: `Bearer ${sessionStorage.getItem(READ_TOKEN_KEY)}` } });
  if (!response.ok) throw new ApiFailure(response.status, "E_HTTP", `download failed: HTTP ${response.status}`);
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = href;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(href), 0);
}

// ---------------------------------------------------------------------------------------------
// Review (issue 15): the queue, decisions, corrections and the history they leave.

/** An incident in the review queue: a summary with its evidence and whether a person has reviewed it. */
export type QueueItem = Omit<IncidentSummary, "counts"> & {
  counts: Array<IncidentSummary["counts"][number] | IncidentView["incident"]["counts"][number]>;
  disputed?: boolean;
  reviewed?: boolean;
  /** 0 (one unattributed report) to 1 (several reports and sources, facility and date known). */
  evidence?: number | { documents?: number; claims?: number; sources?: number } | null;
};

/** One revision of an incident: who, when, what changed and why. */
export interface RevisionView {
  version: number;
  at: string;
  by: string | null;
  action: string;
  changes: Array<{ field: string; before: unknown; after: unknown }>;
  note: string | null;
}

const path = (id: string) => encodeURIComponent(id);

/** The first `limit` of the queue, unreviewed, disputed and low-evidence first (the server's order), and how many wait in all. */
export async function getReviewQueue(limit: number): Promise<{ total: number; items: QueueItem[] }> {
  const body = await getJson<QueueItem[] | { total?: number; items: QueueItem[] }>(`/api/review/queue?limit=${limit}`);
  return Array.isArray(body) ? { total: body.length, items: body } : { total: body.total ?? body.items.length, items: body.items };
}
export async function getHistory(id: string): Promise<RevisionView[]> {
  const body = await getJson<RevisionView[] | { revisions: RevisionView[] }>(`/api/incidents/${path(id)}/history`);
  return Array.isArray(body) ? body : body.revisions;
}
export const reviewIncident = (id: string, action: "confirm" | "reject", note?: string) =>
  sendJson<unknown>("POST", `/api/incidents/${path(id)}/review`, note ? { action, note } : { action });
export const patchIncident = (id: string, body: { changes: object; note: string }) => sendJson<unknown>("PATCH", `/api/incidents/${path(id)}`, body);
export const mergeIncidents = (ids: [string, string], note: string) => sendJson<{ id: string }>("POST", "/api/incidents/merge", { ids, note });
export const splitIncident = (id: string, documents: string[], note: string) => sendJson<{ id: string }>("POST", `/api/incidents/${path(id)}/split`, { documents, note });
export const markNotRelevant = (documentId: string, note: string) => sendJson<unknown>("POST", `/api/documents/${path(documentId)}/not-relevant`, { note });
