// The CSV export: one row per incident with ACLED's column names where they apply (so ACLED
// tooling and analysts' habits carry over), then escapewatch's own columns: status and every
// quantity as low/best/high. Quoting is csv-stringify's; rows are streamed, never joined.
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { stringify } from "csv-stringify";
import { QUANTITIES, type Incident } from "../model/incident.ts";
import type { ExportSource } from "./sink.ts";
import { GEO_PRECISION, countryName, locationOf, sourcesOf, timePrecision, totalsOf } from "./project.ts";

/** ACLED has no event type for detention facilities; every row carries this one. */
export const CSV_EVENT_TYPE = "Detention facility incident";
/** Joins several values (sources, documents) inside one cell. */
export const CSV_LIST_SEPARATOR = "; ";

const ACLED_COLUMNS = [
  "event_id_cnty",
  "event_date",
  "time_precision",
  "event_type",
  "sub_event_type",
  "actor1",
  "actor2",
  "country",
  "admin1",
  "location",
  "latitude",
  "longitude",
  "geo_precision",
  "source",
  "notes",
  "fatalities",
] as const;

const QUANTITY_COLUMNS = QUANTITIES.flatMap((q) => [`${q}_low`, `${q}_best`, `${q}_high`]);

export const CSV_COLUMNS: readonly string[] = [
  ...ACLED_COLUMNS,
  "iso2",
  "status",
  "unconfirmed",
  "facility_id",
  "facility",
  ...QUANTITY_COLUMNS,
  "documents",
];

type Cell = string | number | null;

/** One incident as a CSV row keyed by column name. */
export function csvRow(incident: Incident): Record<string, Cell> {
  const where = locationOf(incident);
  const firstQuote = incident.counts.flatMap((c) => c.claims)[0]?.quote;
  const row: Record<string, Cell> = {
    event_id_cnty: incident.id,
    // The window's first day: ACLED dates an event to one day and states the doubt separately.
    event_date: incident.date?.earliest ?? null,
    time_precision: timePrecision(incident.date),
    event_type: CSV_EVENT_TYPE,
    sub_event_type: incident.type,
    actor1: incident.actors[0] ?? null,
    actor2: incident.actors[1] ?? null,
    country: countryName(where?.country ?? null),
    admin1: where?.admin1 ?? null,
    location: where?.name ?? null,
    latitude: where?.lat ?? null,
    longitude: where?.lon ?? null,
    geo_precision: where ? GEO_PRECISION[where.precision] : null,
    source: sourcesOf(incident).join(CSV_LIST_SEPARATOR),
    notes: firstQuote ?? incident.facility?.name ?? null,
    fatalities: totalsOf(incident, "killed")?.best ?? 0,
    iso2: where?.country ?? null,
    status: incident.status,
    unconfirmed: incident.unconfirmed ? 1 : 0,
    facility_id: incident.facility?.id ?? null,
    facility: incident.facility?.name ?? null,
    documents: incident.documents.join(CSV_LIST_SEPARATOR),
  };
  for (const quantity of QUANTITIES) {
    const totals = totalsOf(incident, quantity);
    row[`${quantity}_low`] = totals?.low ?? null;
    row[`${quantity}_best`] = totals?.best ?? null;
    row[`${quantity}_high`] = totals?.high ?? null;
  }
  return row;
}

async function* rowsOf(incidents: AsyncIterable<Incident>): AsyncIterable<Record<string, Cell>> {
  for await (const incident of incidents) yield csvRow(incident);
}

/** Writes every incident as CSV (header row always) to `out`, which is left open. */
export async function exportCsv(source: ExportSource, out: Writable): Promise<void> {
  const stringifier = stringify({ header: true, columns: [...CSV_COLUMNS] });
  await pipeline(Readable.from(rowsOf(source.iterateIncidents())), stringifier, out, { end: false });
}
