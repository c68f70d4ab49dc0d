// Turns a POSTed JSON report into the RawRecord the ingest pipeline takes, through the ingest
// module's own normaliser (same field names as files: escapewatch, news-please, trafilatura).
import { createHash } from "node:crypto";
import type { RawRecord } from "../model/doc.ts";
import { IngestError, type IngestWarning } from "../ingest/errors.ts";
import { recordFromJson } from "../ingest/records.ts";
import { ApiError } from "./errors.ts";

const ORIGIN = "POST /api/documents";
const BODY_HASH_CHARS = 12;

/**
 * The RawRecord for a JSON body, e.g. `{ "title": "...", "maintext": "...", "date_publish": "2025-04-20 10:00:00" }`.
 * A body without id or url is named after a hash of itself, so re-posting it is idempotent.
 * Throws E_BAD_BODY when the body is not an object or carries neither text nor html.
 */
export function recordFromBody(body: unknown, text?: string, warn?: (warning: IngestWarning) => void): RawRecord {
  const stem = "post-" + createHash("sha256").update(text ?? JSON.stringify(body) ?? "").digest("hex").slice(0, BODY_HASH_CHARS);
  try {
    return recordFromJson(body, { origin: ORIGIN, stem, index: null }, { dates: null, warn });
  } catch (error) {
    if (error instanceof IngestError) throw new ApiError("E_BAD_BODY", `${error.code}: ${error.message}`);
    throw error;
  }
}
