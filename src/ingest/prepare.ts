// One raw record -> one cleaned, dated, segmented Doc. Pure: no store, no I/O, so the benchmark,
// the `extract` command, the HTTP API and the fuzz tests all prepare documents the same way.
import { hash } from "node:crypto";
import type { DateOrigin, Day, Doc, RawRecord } from "../model/doc.ts";
import { cleanText, PARAGRAPH_SEPARATOR } from "../text/clean.ts";
import { datelineDay, yearHintFromUrl } from "../text/dateline.ts";
import { htmlMetaDay, readHtml } from "../text/html.ts";
import { segmentsOf } from "../text/segment.ts";
import { mayConcernDetention } from "../text/relevance.ts";
import { repeatKey } from "../text/normalize.ts";
import { IngestError } from "./errors.ts";

export interface PrepareOptions {
  /** `--published`: the day to use when neither metadata nor the page names one. */
  fallbackPublished?: Day | null;
}

/** sha256 hex of the cleaned text: the document's storage key. */
export function contentHashOf(text: string): string {
  // The one-shot hash skips the Hash object a streaming digest needs (UTF-8, as before).
  return hash("sha256", text, "hex");
}

/** The page body as plain text plus the title the markup gives, if any. */
function bodyOf(raw: RawRecord): { body: string; title: string | null } {
  if (raw.text !== null && raw.text.trim() !== "") return { body: raw.text, title: raw.title };
  if (raw.html === null || raw.html.trim() === "") throw new IngestError("E_NO_TEXT");
  // A page that never words detention is read by tag stripping: Readability's DOM would only
  // polish a story that extraction never reads.
  const article = readHtml(raw.html, { worthReading: mayConcernDetention });
  const title = raw.title ?? article.title;
  // Readability lifts the headline out of the article; put it back as the first paragraph.
  const hasTitle = title !== null && repeatKey(article.text.slice(0, title.length * 2)).includes(repeatKey(title));
  // Joined rather than concatenated: a flat string, which the cleaner reads character by character
  // faster than the rope a concatenation makes.
  return { body: title && !hasTitle ? [title, PARAGRAPH_SEPARATOR, article.text].join("") : article.text, title };
}

/** Publication day and where it came from, most trusted source first. */
function publicationOf(raw: RawRecord, body: string, cleaned: string, fallback: Day | null): { day: Day | null; origin: DateOrigin | null } {
  if (raw.published) return { day: raw.published, origin: "metadata" };
  // Date lines are cleaned away, so read the page as scraped; an agency dateline opens the first
  // paragraph, which a caption-heavy page pushes far down, so read the cleaned text too.
  const yearHint = yearHintFromUrl(raw.url);
  const dateline = datelineDay(body, yearHint) ?? datelineDay(cleaned, yearHint);
  if (dateline) return { day: dateline, origin: "dateline" };
  const meta = raw.html ? htmlMetaDay(raw.html) : null;
  if (meta) return { day: meta, origin: "html-meta" };
  return fallback ? { day: fallback, origin: "cli" } : { day: null, origin: null };
}

/**
 * Cleans, dates and segments one record (throws IngestError E_NO_TEXT when no story is left).
 * Annotations start empty: extraction fills them.
 */
export function prepareDocument(raw: RawRecord, opts: PrepareOptions = {}): Doc {
  const { body, title } = bodyOf(raw);
  const clean = cleanText(body, title);
  if (clean.text === "") throw new IngestError("E_NO_TEXT", "nothing is left after removing page boilerplate");
  const { day, origin } = publicationOf(raw, body, clean.text, opts.fallbackPublished ?? null);
  return {
    id: raw.id,
    contentHash: contentHashOf(clean.text),
    url: raw.url,
    title: title ?? clean.headline,
    published: day,
    publishedOrigin: origin,
    text: clean.text,
    segments: segmentsOf(clean),
    annotations: [],
  };
}
