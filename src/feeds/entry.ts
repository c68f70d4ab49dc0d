// One feed entry -> the RawRecord ingest reads. An entry that carries the full story is read
// from the feed; one that carries only a teaser has its linked page fetched and read like any
// scraped HTML page (readability, in ingest's prepare stage).
import { createHash } from "node:crypto";
import type { RawRecord } from "../model/doc.ts";
import { safeFetch, type FetchOptions } from "./fetch.ts";
import type { FeedEntry } from "./parse.ts";

/** Feed content shorter than this (in characters, markup removed) is a teaser, not the story. */
export const MIN_FULL_CONTENT_CHARS = 600;

// Linear: a tag is `<`, anything but `>`, `>`.
const TAG = /<[^>]*>/g;
const LOOKS_LIKE_HTML = /<(p|div|br|article|section|body|html|span|a)\b[^>]*>/i;

/** The entry's identity across polls and feeds: its GUID, else its link. Null when it has neither. */
export function entryKey(entry: FeedEntry): string | null {
  return entry.id ?? entry.url;
}

/** Changes when the outlet revises what the feed says about the entry; an unchanged entry is not read again. */
export function entryFingerprint(entry: FeedEntry): string {
  const said = [entry.url, entry.title, entry.updated ?? entry.published, entry.content ?? entry.summary];
  return createHash("sha256").update(JSON.stringify(said)).digest("hex");
}

/** Decodes a fetched body by its declared charset, UTF-8 when none or unknown; bad bytes become U+FFFD. */
export function decodeBody(body: Buffer, contentType: string | undefined): string {
  const charset = /charset=["']?([\w-]+)/i.exec(contentType ?? "")?.[1];
  try {
    return new TextDecoder(charset ?? "utf-8").decode(body);
  } catch {
    return new TextDecoder("utf-8").decode(body);
  }
}

function bodyFields(content: string): Pick<RawRecord, "text" | "html"> {
  return LOOKS_LIKE_HTML.test(content) ? { text: null, html: content } : { text: content, html: null };
}

/**
 * The record for an entry, stored under the entry's key as document id, so a revised page
 * becomes a new version of the same document. Fetch failures reject (the entry is retried on
 * the next poll).
 */
export async function recordOfEntry(entry: FeedEntry, key: string, feedUrl: string, fetchOpts: FetchOptions): Promise<RawRecord> {
  const link = entry.url ? new URL(entry.url, feedUrl).href : null;
  const base = {
    id: key,
    origin: link ?? key,
    url: link,
    title: entry.title,
    published: (entry.published ?? entry.updated)?.slice(0, 10) ?? null,
  };
  const content = entry.content ?? "";
  if (content.replace(TAG, "").trim().length >= MIN_FULL_CONTENT_CHARS || !link) {
    return { ...base, ...bodyFields(entry.content ?? entry.summary ?? "") };
  }
  const page = await safeFetch(link, fetchOpts);
  const type = String(page.headers["content-type"] ?? "");
  const text = decodeBody(page.body, type);
  // The page names its own headline: the same page reached through two feeds must read the same.
  const fromPage = /^text\/plain/i.test(type) ? { text, html: null } : { text: null, html: text };
  return { ...base, title: fromPage.html ? null : base.title, ...fromPage };
}
