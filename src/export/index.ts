// The export formats by name: what `escapewatch export --format` and the HTTP API offer.
import type { Writable } from "node:stream";
import type { IncidentFilter } from "../store/store.ts";
import { exportCsv, exportUcdp } from "./csv.ts";
import { exportGeojson } from "./geojson.ts";
import { exportJson } from "./json.ts";
import { isExportFormat, type ExportFormat } from "./formats.ts";
import type { ExportSource } from "./sink.ts";

export type { ExportSource } from "./sink.ts";
export { isExportFormat, type ExportFormat } from "./formats.ts";

export const EXPORT_FORMATS = {
  json: { write: exportJson, contentType: "application/json; charset=utf-8", extension: "json" },
  csv: { write: exportCsv, contentType: "text/csv; charset=utf-8", extension: "csv" },
  ucdp: { write: exportUcdp, contentType: "text/csv; charset=utf-8", extension: "ucdp.csv" },
  geojson: { write: exportGeojson, contentType: "application/geo+json; charset=utf-8", extension: "geojson" },
} as const satisfies Record<ExportFormat, unknown>;

/** An export error a user can hit, with a stable code. */
export class ExportError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`[${code}] ${message}`);
    this.name = "ExportError";
  }
}

/**
 * Streams the store (or the incidents matching `filter`; its limit and offset are ignored) to
 * `out` in `format`; throws E_EXPORT_FORMAT for an unknown format.
 */
export async function writeExport(source: ExportSource, format: string, out: Writable, filter?: IncidentFilter): Promise<void> {
  if (!isExportFormat(format)) {
    throw new ExportError(
      "E_EXPORT_FORMAT",
      `unknown export format "${format}": use one of ${Object.keys(EXPORT_FORMATS).join(", ")}`,
    );
  }
  await EXPORT_FORMATS[format].write(source, out, filter);
}
