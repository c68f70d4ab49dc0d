// GET /api/export?format=json|csv|ucdp|geojson&<the filters of GET /api/incidents>: the same
// streamed exports as `escapewatch export`, so a large selection downloads in constant memory.
import { PassThrough, Readable } from "node:stream";
import type { Context } from "hono";
import { EXPORT_FORMATS, writeExport } from "../export/index.ts";
import type { Store } from "../store/store.ts";
import { parseExportQuery } from "./query.ts";

/** The download's file name stem; the format adds its extension. */
export const EXPORT_FILE_STEM = "escapewatch-incidents";

/** Streams the filtered export; a bad format or filter is a 400 before any byte is sent. */
export function exportResponse(c: Context, store: Store): Response {
  const { format, filter } = parseExportQuery(c.req.query());
  const out = new PassThrough();
  writeExport(store, format, out, filter).then(
    () => out.end(),
    (error: unknown) => {
      // Headers are gone: the only honest signal left is a broken stream, and the log.
      if (!out.destroyed) console.error(error);
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    },
  );
  const { contentType, extension } = EXPORT_FORMATS[format];
  return c.body(Readable.toWeb(out) as ReadableStream, 200, {
    "Content-Type": contentType,
    "Content-Disposition": `attachment; filename="${EXPORT_FILE_STEM}.${extension}"`,
  });
}
