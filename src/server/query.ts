// Query-string parsing for list endpoints: every parameter validated, bad input answered with a
// 400 that names the parameter instead of being silently ignored.
import { INCIDENT_TYPES, type IncidentStatus, type IncidentType } from "../model/incident.ts";
import { EXPORT_FORMATS, isExportFormat, type ExportFormat } from "../export/index.ts";
import type { IncidentFilter } from "../store/store.ts";
import { isDay } from "../incidents/days.ts";
import { ApiError } from "./errors.ts";

export const DEFAULT_PAGE_SIZE = 50;
/** Larger pages must be fetched with offset: keeps one response bounded in memory and time. */
export const MAX_PAGE_SIZE = 500;
export const MAX_TEXT_QUERY = 200;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const COUNTRY = /^[A-Za-z]{2}$/;
export const INCIDENT_STATUSES: readonly IncidentStatus[] = ["occurred", "planned", "disputed"];

type Query = Record<string, string | undefined>;

/** limit/offset from the query; limit over MAX_PAGE_SIZE is E_PAGE_TOO_LARGE. */
export function parsePage(query: Query): { limit: number; offset: number } {
  const limit = parseCount(query.limit, "limit", DEFAULT_PAGE_SIZE);
  if (limit < 1) throw new ApiError("E_BAD_QUERY", "limit must be at least 1.");
  if (limit > MAX_PAGE_SIZE) {
    throw new ApiError("E_PAGE_TOO_LARGE", `limit must be at most ${MAX_PAGE_SIZE}; page through results with offset.`);
  }
  return { limit, offset: parseCount(query.offset, "offset", 0) };
}

/** The store filter for GET /api/incidents. */
export function parseIncidentFilter(query: Query): IncidentFilter {
  return { ...parsePage(query), ...parseConditions(query) };
}

/** The format and filter for GET /api/export: the filters of GET /api/incidents, no paging. */
export function parseExportQuery(query: Query): { format: ExportFormat; filter: IncidentFilter } {
  const format = nonEmpty(query.format) ?? "json";
  if (!isExportFormat(format)) throw new ApiError("E_BAD_QUERY", `format must be one of: ${Object.keys(EXPORT_FORMATS).join(", ")}.`);
  return { format, filter: parseConditions(query) };
}

/** The filter conditions shared by the list and the export: type, country, facility, since, until, q, status, document, reviewed. */
function parseConditions(query: Query): IncidentFilter {
  const filter: IncidentFilter = {};
  const type = nonEmpty(query.type);
  if (type !== undefined) {
    if (!(INCIDENT_TYPES as readonly string[]).includes(type)) {
      throw new ApiError("E_BAD_QUERY", `type must be one of: ${INCIDENT_TYPES.join(", ")}.`);
    }
    filter.type = type as IncidentType;
  }
  const country = nonEmpty(query.country);
  if (country !== undefined) {
    if (!COUNTRY.test(country)) throw new ApiError("E_BAD_QUERY", "country must be an ISO 3166-1 alpha-2 code, e.g. SY.");
    filter.country = country.toUpperCase();
  }
  const facility = nonEmpty(query.facility);
  if (facility !== undefined) filter.facility = facility;
  for (const name of ["since", "until"] as const) {
    const day = nonEmpty(query[name]);
    if (day === undefined) continue;
    if (!DAY.test(day) || !isDay(day)) throw new ApiError("E_BAD_QUERY", `${name} must be a calendar day as YYYY-MM-DD.`);
    filter[name] = day;
  }
  const text = nonEmpty(query.q);
  if (text !== undefined) {
    if (text.length > MAX_TEXT_QUERY) throw new ApiError("E_BAD_QUERY", `q must be at most ${MAX_TEXT_QUERY} characters.`);
    filter.text = text;
  }
  const status = nonEmpty(query.status);
  if (status !== undefined) {
    if (!(INCIDENT_STATUSES as readonly string[]).includes(status)) {
      throw new ApiError("E_BAD_QUERY", `status must be one of: ${INCIDENT_STATUSES.join(", ")}.`);
    }
    filter.status = status as IncidentStatus;
  }
  const document = nonEmpty(query.document);
  if (document !== undefined) filter.document = document;
  const reviewed = nonEmpty(query.reviewed);
  if (reviewed !== undefined) {
    if (reviewed !== "true" && reviewed !== "false") throw new ApiError("E_BAD_QUERY", "reviewed must be true or false.");
    filter.reviewed = reviewed === "true";
  }
  return filter;
}

export function parseCount(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  if (!/^\d{1,9}$/.test(value)) throw new ApiError("E_BAD_QUERY", `${name} must be a non-negative integer.`);
  return Number(value);
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
