// `escapewatch export`: streams the store, or the incidents matching the same filters as
// `incidents`, as JSON (the scorer's contract), CSV (ACLED's columns), UCDP GED's columns or
// GeoJSON, to standard output or a file.
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { finished } from "node:stream/promises";
import type { ExportSource } from "../../export/index.ts";
import { EXPORT_FORMAT_NAMES, isExportFormat } from "../../export/formats.ts";
import type { IncidentFilter } from "../../store/store.ts";
import { existingStoreFrom } from "../options.ts";
import { UsageError, filterFrom, filterOptions, type FilterOptions } from "./incidents.ts";
import type { RegisterCommand } from "./index.ts";

/** Exit status for a command line that cannot be run as given. */
export const USAGE_ERROR = 2;

export const register: RegisterCommand = (program, exit) => {
  filterOptions(
    program
      .command("export")
      .description("Write the documents and incidents (all, or those matching the filters) as json, csv (ACLED), ucdp (UCDP GED) or geojson")
      .requiredOption("--format <format>", `one of ${EXPORT_FORMAT_NAMES.join(", ")}`),
  )
    .option("--db <path>", "database file or postgres:// URL (default: $ESCAPEWATCH_DB or ./escapewatch.db)")
    .option("--out <file>", "write to this file instead of standard output")
    .action(async (opts: FilterOptions & { format: string; db?: string; out?: string }) => {
      // Checked before the store opens, so a typo never creates an empty database.
      if (!isExportFormat(opts.format)) {
        console.error(
          `escapewatch: [E_EXPORT_FORMAT] unknown export format "${opts.format}": ` +
            `use --format ${EXPORT_FORMAT_NAMES.join(", --format ")}`,
        );
        exit(USAGE_ERROR);
        return;
      }
      let filter: IncidentFilter;
      try {
        filter = filterFrom(opts);
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        console.error(`escapewatch export: ${error.message}`);
        exit(USAGE_ERROR);
        return;
      }
      const store = await existingStoreFrom(opts.db);
      try {
        if (opts.out) await exportToFile(store, opts.format, opts.out, filter);
        else await exportToStdout(store, opts.format, filter);
      } finally {
        await store.close();
      }
    });
};

/** Writes beside the target and renames at the end: a failed export never leaves half a file. */
async function exportToFile(store: ExportSource, format: string, path: string, filter: IncidentFilter): Promise<void> {
  const { writeExport } = await import("../../export/index.ts");
  const partial = `${path}.partial`;
  const out = createWriteStream(partial, { encoding: "utf8" });
  try {
    await writeExport(store, format, out, filter);
    out.end();
    await finished(out);
    await rename(partial, path);
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

async function exportToStdout(store: ExportSource, format: string, filter: IncidentFilter): Promise<void> {
  const { writeExport } = await import("../../export/index.ts");
  // A reader that stops early (`| head`) is not an error of the export.
  process.stdout.once("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
  await writeExport(store, format, process.stdout, filter);
}
