// The dashboard's only way to the data: the JSON API of the same origin.
import type {
  DocumentSummaryView,
  DocumentView,
  FacilityView,
  IncidentSummary,
  IncidentView,
} from "../../src/server/views.ts";
import type { FacilityRef } from "../../src/model/incident.ts";

export type { DocumentSummaryView, DocumentView, FacilityView, IncidentSummary, IncidentView };

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

export interface IncidentQuery {
  type?: string;
  country?: string;
  q?: string;
}

/** Every incident matching the query, fetched page by page. */
export async function allIncidents(query: IncidentQuery): Promise<IncidentSummary[]> {
  const items: IncidentSummary[] = [];
  for (let offset = 0; offset < MAX_INCIDENTS; offset += PAGE_SIZE) {
    const params = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String(offset) });
    for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
    const page = await getJson<Page<IncidentSummary>>(`/api/incidents?${params}`);
    items.push(...page.items);
    if (page.items.length < PAGE_SIZE || items.length >= page.total) break;
  }
  return items;
}

export const getIncident = (id: string) => getJson<IncidentView>(`/api/incidents/${encodeURIComponent(id)}`);
export const getDocument = (id: string) => getJson<DocumentView>(`/api/documents/${encodeURIComponent(id)}`);
export const getFacility = (id: string) => getJson<FacilityView>(`/api/facilities/${encodeURIComponent(id)}`);
export const listDocuments = (offset: number) =>
  getJson<Page<DocumentSummaryView>>(`/api/documents?limit=100&offset=${offset}`);
export const listFacilities = () => getJson<Page<{ facility: FacilityRef; incidents: number }>>(`/api/facilities`);
