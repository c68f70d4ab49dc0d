// The UCDP GED shape (`export --format ucdp`): UCDP's column names and codes for the same
// incidents, so they load beside a GED download. UCDP counts deaths: best/low/high are the
// killed figure (the overall one when a source states it, else the sum of the groups). Each
// column is documented in the README.
import type { Incident, PlacePrecision } from "../model/incident.ts";
import type { DocumentSummary } from "../store/store.ts";
import { countryInfo } from "./countries.ts";
import { LIST_SEPARATOR, outletOf } from "./acled.ts";
import { eventNumber, locationOf, totalsOf } from "./project.ts";

export const UCDP_COLUMNS: readonly string[] = [
  "id", "date_start", "date_end", "date_prec", "where_prec", "where_description", "adm_1", "country",
  "latitude", "longitude", "best", "low", "high", "number_of_sources", "source_article", "source_office",
  "source_date", "source_headline", "event_clarity",
  // escapewatch's own, so a row leads back to its incident
  "escapewatch_id", "type", "status", "reviewed", "reviewed_by", "version",
];

const DAY_MS = 86_400_000;
/** UCDP's date_prec bands: the widest window (in days) each code admits. */
const DATE_PREC_BANDS: Array<[number, 1 | 2 | 3 | 4 | 5]> = [
  [1, 1], // the exact day
  [6, 2], // within 2-6 days
  [7, 3], // the week
  [31, 4], // 8-30 days, or the month
  [366, 5], // more than a month, within a year
];

/** UCDP date_prec: 1 exact day, 2 a 2-6 day window, 3 a week, 4 up to a month, 5 longer. */
export function ucdpDatePrecision(date: Incident["date"]): 1 | 2 | 3 | 4 | 5 {
  if (!date) return 5;
  const days = (Date.parse(date.latest) - Date.parse(date.earliest)) / DAY_MS + 1;
  return DATE_PREC_BANDS.find(([widest]) => days <= widest)?.[1] ?? 5;
}

/** UCDP where_prec: 1 the place itself, 4 the first-order division, 5 a wider region, 6 the country. */
export const WHERE_PRECISION: Record<PlacePrecision, number> = { facility: 1, town: 1, admin1: 4, region: 5, country: 6 };

/** UCDP event_clarity: 1 a single, well-told event (a day or a few, a town or facility); 2 otherwise. */
export function eventClarity(incident: Incident): 1 | 2 {
  const place = locationOf(incident);
  return ucdpDatePrecision(incident.date) <= 2 && place !== null && WHERE_PRECISION[place.precision] === 1 ? 1 : 2;
}

const joined = (values: Array<string | null>) => values.map((v) => v ?? "").join(LIST_SEPARATOR);

/** One incident as a UCDP GED row; `documents` are the summaries of its reports. */
export function ucdpRow(incident: Incident, documents: DocumentSummary[]): Record<string, string | number | null> {
  const where = locationOf(incident);
  const killed = totalsOf(incident, "killed");
  const description = [incident.facility?.name, where?.name !== incident.facility?.name ? where?.name : null].filter(Boolean).join(", ");
  return {
    id: eventNumber(incident.id),
    date_start: incident.date?.earliest ?? null,
    date_end: incident.date?.latest ?? null,
    date_prec: ucdpDatePrecision(incident.date),
    where_prec: where ? WHERE_PRECISION[where.precision] : 6,
    where_description: description || null,
    adm_1: where?.admin1 ?? null,
    country: countryInfo(where?.country)?.name ?? where?.country ?? null,
    latitude: where?.lat ?? null,
    longitude: where?.lon ?? null,
    // UCDP needs a number where a source gives an open figure ("at least 67"): its best.
    best: killed?.best ?? 0,
    low: killed?.low ?? 0,
    high: killed ? (killed.high ?? killed.best) : 0,
    number_of_sources: incident.documents.length,
    source_article: joined(documents.map((d) => d.url ?? d.id)),
    source_office: [...new Set(documents.map((d) => outletOf(d.url)).filter((o): o is string => o !== null))].join(LIST_SEPARATOR),
    source_date: joined(documents.map((d) => d.published)),
    source_headline: joined(documents.map((d) => d.title)),
    event_clarity: eventClarity(incident),
    escapewatch_id: incident.id,
    type: incident.type,
    status: incident.status,
    reviewed: incident.reviewed ? 1 : 0,
    reviewed_by: incident.reviewedBy ?? null,
    version: incident.version ?? null,
  };
}
