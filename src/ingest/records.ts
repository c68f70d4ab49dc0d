// Scraper records (JSON objects) and files as RawRecords. Field names come from
// data/record-fields.json so a new scraper's dialect is a data change.
import { createHash } from "node:crypto";
import type { RawRecord } from "../model/doc.ts";
import { parseDay } from "../text/dates.ts";
import { IngestError } from "./errors.ts";
import fields from "./data/record-fields.json" with { type: "json" };

/** Characters of the url hash that name a record lacking an id. */
export const URL_HASH_CHARS = 12;

// Text fields that carry markup go through the HTML reader instead.
const LOOKS_LIKE_HTML = /<(p|div|br|article|section|body|html)\b[^>]*>/i;
const LOOKS_LIKE_URL = /^https?:\/\//i;

function firstString(record: Record<string, unknown>, names: string[], accept: (s: string) => boolean = () => true): string | null {
  for (const name of names) {
    const value = record[name];
    if (typeof value === "number" && Number.isFinite(value)) return String(value);
    if (typeof value === "string" && value.trim() !== "" && accept(value.trim())) return value;
  }
  return null;
}

/** Where a record sits in its file, for naming records that lack an id. */
export interface RecordPlace {
  origin: string;
  /** The file name without extension. */
  stem: string;
  /** Position in an array or line number in JSON Lines; null for a lone object. */
  index: number | null;
}

/**
 * A JSON object as a RawRecord. Ids: the record's own, else a short hash of its url, else the
 * file stem plus its position, so re-runs over the same files give the same ids.
 * Example: {"maintext": "...", "date_publish": "2022-01-21 10:00:00", "url": "https://..."}.
 */
export function recordFromJson(value: unknown, place: RecordPlace): RawRecord {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new IngestError("E_JSON", "the record is not a JSON object");
  }
  const record = value as Record<string, unknown>;
  const url = firstString(record, fields.url, (s) => LOOKS_LIKE_URL.test(s))?.trim() ?? null;
  const body = firstString(record, fields.text);
  const html = firstString(record, fields.html) ?? (body !== null && LOOKS_LIKE_HTML.test(body) ? body : null);
  const text = html === body ? null : body;
  if (text === null && html === null) throw new IngestError("E_NO_TEXT");
  const ownId = firstString(record, fields.id)?.trim();
  const id =
    ownId ??
    (url ? `${place.stem}-${createHash("sha256").update(url).digest("hex").slice(0, URL_HASH_CHARS)}` : null) ??
    (place.index === null ? place.stem : `${place.stem}-${place.index}`);
  return {
    id,
    origin: place.origin,
    url,
    title: firstString(record, fields.title)?.trim() ?? null,
    published: fields.published.map((name) => parseDay(record[name])).find((d) => d !== null) ?? null,
    text,
    html,
  };
}

/** A .txt or .html file as a RawRecord named after the file. */
export function recordFromFile(path: string, stem: string, content: string, kind: "text" | "html"): RawRecord {
  return {
    id: stem,
    origin: path,
    url: null,
    title: null,
    published: null,
    text: kind === "text" ? content : null,
    html: kind === "html" ? content : null,
  };
}
