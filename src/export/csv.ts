// The two tabular exports: `csv` (ACLED's columns, then escapewatch's; acled.ts) and `ucdp`
// (UCDP GED's; ucdp.ts). Quoting is csv-stringify's; rows are streamed, never joined: an incident
// is read, its reports' summaries looked up, its row written, and the next one read.
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { stringify } from "csv-stringify";
import type { Incident } from "../model/incident.ts";
import type { DocumentSummary, IncidentFilter } from "../store/store.ts";
import type { ExportSource } from "./sink.ts";
import { CSV_COLUMNS, acledRow } from "./acled.ts";
import { UCDP_COLUMNS, ucdpRow } from "./ucdp.ts";

export { CSV_COLUMNS } from "./acled.ts";

type Row = Record<string, string | number | null>;
type RowOf = (incident: Incident, documents: DocumentSummary[]) => Row;

async function* rowsOf(source: ExportSource, rowOf: RowOf, filter?: IncidentFilter): AsyncIterable<Row> {
  for await (const incident of source.iterateIncidents(filter)) {
    yield rowOf(incident, await source.documentSummaries(incident.documents));
  }
}

async function exportTable(source: ExportSource, out: Writable, columns: readonly string[], rowOf: RowOf, filter?: IncidentFilter): Promise<void> {
  const stringifier = stringify({ header: true, columns: [...columns] });
  await pipeline(Readable.from(rowsOf(source, rowOf, filter)), stringifier, out, { end: false });
}

/** Writes the incidents as ACLED-shaped CSV (header row always) to `out`, which is left open. */
export function exportCsv(source: ExportSource, out: Writable, filter?: IncidentFilter): Promise<void> {
  return exportTable(source, out, CSV_COLUMNS, acledRow, filter);
}

/** Writes the incidents as UCDP GED-shaped CSV to `out`, which is left open. */
export function exportUcdp(source: ExportSource, out: Writable, filter?: IncidentFilter): Promise<void> {
  return exportTable(source, out, UCDP_COLUMNS, ucdpRow, filter);
}
