// Scraper records (JSON objects) and files as RawRecords. Field names come from
// data/record-fields.json so a new scraper's dialect is a data change. Records are read as users
// produce them: any case of a field name, nested CMS fields, paragraph arrays, inline HTML in a
// text field, and the fullest of the bodies a record carries.
import { createHash } from "node:crypto";
import type { RawRecord } from "../model/doc.ts";
import { htmlToText } from "../text/html.ts";
import { IngestError, type IngestWarning } from "./errors.ts";
import { readRecordDate, type NumericDateEvidence } from "./record-dates.ts";
import fields from "./data/record-fields.json" with { type: "json" };

/** Characters of the url hash that name a record lacking an id. */
export const URL_HASH_CHARS = 12;
/** A plain-text body shorter than this share of an HTML body's text is a summary, not the story. */
export const FULL_BODY_SHARE = 0.5;
/** Paragraph arrays are read this many levels deep ([{ "content": ["..."] }]); deeper is not prose. */
const MAX_PARAGRAPH_DEPTH = 4;

const LOOKS_LIKE_URL = /^https?:\/\//i;
/** A whole page in a text field: read like an HTML file (readability). */
const WHOLE_PAGE = /<(?:html|body|head)\b/i;
/** An HTML element tag; `[^<>]*` stops at the next "<", so the search is linear. */
const INLINE_TAG =
  /<\/?(?:a|abbr|article|aside|audio|b|base|blockquote|body|br|button|center|cite|code|dd|div|dl|dt|em|embed|figcaption|figure|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|li|link|main|mark|math|meta|nav|noscript|object|ol|p|picture|pre|q|s|script|section|select|small|source|span|strong|style|sub|sup|svg|table|tbody|td|textarea|th|thead|time|tr|u|ul|video)\b[^<>]*>/i;

/** Where a record sits in its file, for naming records that lack an id. */
export interface RecordPlace {
  origin: string;
  /** The file name without extension. */
  stem: string;
  /** Position in an array or line number in JSON Lines; null for a lone object. */
  index: number | null;
}

/** What a record is read with besides itself. */
export interface RecordContext {
  /** The numeric dates of the record's file, which settle "03/04/2025"; null for a lone record. */
  dates: NumericDateEvidence | null;
  /** Told about a field that was there but could not be used (the record is still read). */
  warn?: (warning: IngestWarning) => void;
}

const LONE: RecordContext = { dates: null };

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A field by name, any case; "content.rendered" reads a nested field. */
export function fieldValue(record: JsonObject, name: string): unknown {
  let value: unknown = record;
  for (const part of name.split(".")) {
    if (!isObject(value)) return undefined;
    if (part in value) value = value[part];
    else {
      const lower = part.toLowerCase();
      const key = Object.keys(value).find((k) => k.toLowerCase() === lower);
      value = key === undefined ? undefined : value[key];
    }
  }
  return value;
}

function firstString(record: JsonObject, names: string[], accept: (s: string) => boolean = () => true): { value: string; field: string } | null {
  for (const field of names) {
    const value = fieldValue(record, field);
    if (typeof value === "number" && Number.isFinite(value)) return { value: String(value), field };
    if (typeof value === "string" && value.trim() !== "" && accept(value.trim())) return { value, field };
  }
  return null;
}

/** A text field's prose: a string, or paragraphs in an array (strings, or objects with a text field). */
function proseOf(value: unknown, depth = 0): string | null {
  if (typeof value === "string") return value;
  if (depth >= MAX_PARAGRAPH_DEPTH) return null;
  if (Array.isArray(value)) {
    const paragraphs = value.map((item) => proseOf(item, depth + 1)).filter((p): p is string => p !== null && p.trim() !== "");
    return paragraphs.length ? paragraphs.join("\n\n") : null;
  }
  if (isObject(value)) {
    for (const name of fields.text) {
      const prose = proseOf(fieldValue(value, name), depth + 1);
      if (prose !== null && prose.trim() !== "") return prose;
    }
  }
  return null;
}

interface Body {
  kind: "text" | "html";
  value: string;
  /** Characters of text it holds, markup aside: what "fullest" compares. */
  length: number;
}

/** Every body the record carries: text fields (inline HTML stripped) and html fields. */
function bodiesOf(record: JsonObject): Body[] {
  const bodies: Body[] = [];
  const asHtml = (value: string) => bodies.push({ kind: "html", value, length: htmlToText(value).trim().length });
  for (const name of fields.text) {
    const prose = proseOf(fieldValue(record, name));
    if (prose === null || prose.trim() === "") continue;
    if (WHOLE_PAGE.test(prose)) asHtml(prose);
    else {
      const text = INLINE_TAG.test(prose) ? htmlToText(prose) : prose;
      if (text.trim() !== "") bodies.push({ kind: "text", value: text, length: text.trim().length });
    }
  }
  for (const name of fields.html) {
    const value = fieldValue(record, name);
    if (typeof value === "string" && value.trim() !== "") asHtml(value);
  }
  return bodies;
}

/**
 * The fullest body: the longest text, unless an HTML body holds much more text (then the text is
 * a description or a teaser). Scraped text beats the same story as a page: it is already clean.
 */
function fullestBody(bodies: Body[]): Body | null {
  const longest = (kind: Body["kind"]) => bodies.filter((b) => b.kind === kind).reduce<Body | null>((best, b) => (!best || b.length > best.length ? b : best), null);
  const text = longest("text");
  const html = longest("html");
  if (html && html.length > 0 && (!text || text.length < FULL_BODY_SHARE * html.length)) return html;
  return text ?? html;
}

/**
 * The records a parsed JSON file holds: an array of them, one object, or an object wrapping them
 * (`{"articles": [...]}`, a JSON-LD `@graph` whose article nodes are the records).
 */
export function recordsInJson(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (!isObject(value) || bodiesOf(value).length) return [value];
  for (const name of fields.containers) {
    const inner = fieldValue(value, name);
    if (!Array.isArray(inner) || !inner.some(isObject)) continue;
    // A linked-data graph also holds the page, the site and the breadcrumbs: only articles are records.
    return name === "@graph" ? inner.filter((node) => isObject(node) && bodiesOf(node).length) : inner;
  }
  return [value];
}

/** The publication day from the first date field that reads as one; the others are reported. */
function publishedOf(record: JsonObject, place: RecordPlace, context: RecordContext): string | null {
  const refused: string[] = [];
  let ambiguous = false;
  for (const field of fields.published) {
    const value = fieldValue(record, field);
    if (value === undefined || value === null || value === "") continue;
    const read = readRecordDate(value, context.dates);
    if ("day" in read) return read.day;
    ambiguous ||= read.refused === "ambiguous";
    refused.push(`${field}: ${read.detail}`);
  }
  if (refused.length) {
    context.warn?.({
      origin: place.origin,
      code: ambiguous ? "W_DATE_AMBIGUOUS" : "W_DATE_UNREADABLE",
      message: `${refused.join("; ")}; the record is stored without this date (write dates as YYYY-MM-DD)`,
    });
  }
  return null;
}

/**
 * A JSON object as a RawRecord. Ids: the record's own, else a short hash of its url, else the
 * file stem plus its position, so re-runs over the same files give the same ids.
 * Example: {"maintext": "...", "date_publish": "2022-01-21 10:00:00", "url": "https://..."}.
 */
export function recordFromJson(value: unknown, place: RecordPlace, context: RecordContext = LONE): RawRecord {
  if (!isObject(value)) throw new IngestError("E_JSON", "the record is not a JSON object");
  const body = fullestBody(bodiesOf(value));
  if (body === null) throw new IngestError("E_NO_TEXT");
  const url = firstString(value, fields.url, (s) => LOOKS_LIKE_URL.test(s))?.value.trim() ?? null;
  const ownId = firstString(value, fields.id)?.value.trim();
  const id =
    ownId ??
    (url ? `${place.stem}-${createHash("sha256").update(url).digest("hex").slice(0, URL_HASH_CHARS)}` : null) ??
    (place.index === null ? place.stem : `${place.stem}-${place.index}`);
  const title = firstString(value, fields.title);
  const titleText = title && fields.renderedHtml.includes(title.field) ? htmlToText(title.value).replace(/\s+/g, " ") : title?.value;
  return {
    id,
    origin: place.origin,
    url,
    title: titleText?.trim() || null,
    published: publishedOf(value, place, context),
    text: body.kind === "text" ? body.value : null,
    html: body.kind === "html" ? body.value : null,
  };
}

/**
 * False when the record's date would be refused as ambiguous now but the rest of its file might
 * still settle it: the reader then comes back to the record once the whole file has been seen.
 */
export function datesSettled(value: unknown, evidence: NumericDateEvidence): boolean {
  if (!isObject(value) || evidence.order !== "none") return true;
  for (const field of fields.published) {
    const raw = fieldValue(value, field);
    if (raw === undefined || raw === null || raw === "") continue;
    const read = readRecordDate(raw, evidence);
    if ("day" in read) return true;
    if (read.refused === "ambiguous") return false;
  }
  return true;
}

/** Every publication date field of a record, for the file's numeric-date evidence. */
export function observeDates(value: unknown, evidence: NumericDateEvidence): void {
  if (!isObject(value)) return;
  for (const field of fields.published) evidence.observe(fieldValue(value, field));
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
