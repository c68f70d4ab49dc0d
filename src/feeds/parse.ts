// A feed body -> the items it lists. RSS 2.0 and Atom go through @rowanmanning/feed-parser (a
// maintained, lenient parser over fast-xml-parser); JSON Feed is plain JSON with documented field
// names, read here. Everything a feed says is untrusted: values are type-checked, never evaluated.
import { parseFeed } from "@rowanmanning/feed-parser";

/** One entry of a feed, in the shape every format is read into. */
export interface FeedEntry {
  /** GUID / Atom id / JSON Feed id, when the feed gives one. */
  id: string | null;
  /** The item's link: the article page. */
  url: string | null;
  title: string | null;
  /** ISO time of first publication, if given. */
  published: string | null;
  /** ISO time of the last revision, if given. */
  updated: string | null;
  /** Full content (HTML or text) when the feed carries it. */
  content: string | null;
  /** The summary / description, often a teaser. */
  summary: string | null;
}

export class FeedParseError extends Error {
  readonly code = "E_FEED";
  constructor(detail: string) {
    super(`E_FEED ${detail}: not a readable RSS 2.0, Atom or JSON Feed document`);
  }
}

// A JSON Feed starts with an object; XML with a declaration, a comment or an element.
const LOOKS_LIKE_JSON = /^\s*\{/;

/** Reads an RSS 2.0, Atom or JSON Feed body; throws FeedParseError on anything else. */
export function feedEntriesOf(body: string, contentType: string | undefined): FeedEntry[] {
  if (LOOKS_LIKE_JSON.test(body) || /json/i.test(contentType ?? "")) return jsonFeedEntries(body);
  let feed;
  try {
    feed = parseFeed(body);
  } catch (error) {
    throw new FeedParseError((error as Error).message);
  }
  return feed.items.map((item) => ({
    id: text(item.id),
    url: text(item.url),
    title: text(item.title),
    published: isoOf(item.published),
    updated: isoOf(item.updated),
    content: text(item.content),
    summary: text(item.description),
  }));
}

function jsonFeedEntries(body: string): FeedEntry[] {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw new FeedParseError((error as Error).message);
  }
  const feed = value as { version?: unknown; items?: unknown };
  if (typeof feed !== "object" || feed === null || typeof feed.version !== "string" || !feed.version.startsWith("https://jsonfeed.org/version/") || !Array.isArray(feed.items)) {
    throw new FeedParseError("a JSON document without a JSON Feed version and items");
  }
  return feed.items
    .filter((item): item is Record<string, unknown> => typeof item === "object" && item !== null)
    .map((item) => ({
      id: text(item.id),
      url: text(item.url) ?? text(item.external_url),
      title: text(item.title),
      published: isoOf(item.date_published),
      updated: isoOf(item.date_modified),
      content: text(item.content_html) ?? text(item.content_text),
      summary: text(item.summary),
    }));
}

function text(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

function isoOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : typeof value === "string" ? new Date(value) : null;
  return date && Number.isFinite(date.getTime()) ? date.toISOString() : null;
}
