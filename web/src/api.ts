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

export function setReadToken(token: string): void {
  sessionStorage.setItem(READ_TOKEN_KEY, token);
}

export async function getJson<T>(path: string): Promise<T> {
  const token = sessionStorage.getItem(READ_TOKEN_KEY);
  const response = await fetch(path, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    credentials: "same-origin",
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiFailure(response.status, error?.code ?? "E_HTTP", error?.message ?? `HTTP ${response.status}`);
  }
  return body as T;
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
