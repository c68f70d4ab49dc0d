// The export formats' names, apart from their writers: the command line lists and checks them at
// start, before (and without) loading the writers and their CSV library.

/** Every format `escapewatch export --format` and GET /api/export offer, in the order they are listed. */
export const EXPORT_FORMAT_NAMES = ["json", "csv", "ucdp", "geojson"] as const;

export type ExportFormat = (typeof EXPORT_FORMAT_NAMES)[number];

export function isExportFormat(name: string): name is ExportFormat {
  return (EXPORT_FORMAT_NAMES as readonly string[]).includes(name);
}
