// HTML pages: the article through @mozilla/readability over linkedom (no script ever runs:
// linkedom builds a DOM and nothing else), turned into paragraphs separated by blank lines so the
// plain-text cleaner can take over. Hostile markup (pathological nesting) skips the DOM and falls
// back to tag stripping, which is linear in the input.
import type { Day } from "../model/doc.ts";
import { domLibraries } from "./dom-libraries.cjs";
import { parseDay } from "./dates.ts";
import { htmlPieces, htmlTags, RAW_TEXT_ELEMENTS } from "./html-tags.ts";
import metaNames from "./data/html-date-meta.json" with { type: "json" };

/** Deeper nesting than this never occurs in real pages; the DOM path would recurse that deep. */
export const MAX_HTML_DEPTH = 400;

// Elements that never nest (void) or whose end tag pages routinely omit: not counted as depth.
const NON_NESTING = new Set(
  "area base br col embed hr img input link meta param source track wbr p li td th tr dt dd option thead tbody tfoot colgroup optgroup rp rt".split(" "),
);
const BLOCK_TAGS = new Set(
  "address article aside blockquote dd div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tr ul".split(" "),
);
const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", ndash: "–", mdash: "—", hellip: "…",
  lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”", laquo: "«", raquo: "»", copy: "©", reg: "®", deg: "°",
  middot: "·", bull: "•", eacute: "é", egrave: "è", uuml: "ü", ouml: "ö", auml: "ä", ccedil: "ç", shy: "\u00ad",
};

/** Deepest element nesting, from a single linear scan of the tags (comments and code skipped). */
export function htmlNestingDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const tag of htmlTags(html)) {
    if (NON_NESTING.has(tag.name) || tag.selfClosing) continue;
    if (tag.closing) depth = Math.max(0, depth - 1);
    else deepest = Math.max(deepest, ++depth);
  }
  return deepest;
}

function decodeEntities(text: string): string {
  // Most page text holds no entity: one search for "&" spares the pattern's scan.
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** HTML (a fragment or a page) as text: block elements become blank-line paragraph breaks. */
export function htmlToText(html: string): string {
  const parts: string[] = [];
  for (const piece of htmlPieces(html)) {
    if (piece.kind === "text") parts.push(html.slice(piece.start, piece.end));
    else if (piece.tag.name === "br" && !piece.tag.closing) parts.push("\n");
    else if (BLOCK_TAGS.has(piece.tag.name)) parts.push("\n\n");
    else if (RAW_TEXT_ELEMENTS.has(piece.tag.name)) parts.push(" ");
  }
  return decodeEntities(parts.join(""));
}

/** The text of the first <title> element, found by index (a page of unclosed "<title" stays linear). */
function titleTag(html: string): string | null {
  const open = /<title\b/i.exec(html);
  const from = open ? html.indexOf(">", open.index) : -1;
  const close = from < 0 ? -1 : html.slice(from).search(/<\/title\s*>/i);
  const title = close < 0 ? "" : decodeEntities(html.slice(from + 1, from + close)).replace(/\s+/g, " ").trim();
  return title === "" ? null : title;
}

export interface HtmlArticle {
  title: string | null;
  text: string;
  method: "readability" | "tag-strip";
}

export interface ReadHtmlOptions {
  /**
   * Asked with the whole tag-stripped body (title first) before the DOM is built: when it
   * answers false, the tag-stripped page without its furniture is the article and Readability
   * never runs. The ingest path passes the relevance prefilter, so a page that never words
   * detention costs a tag strip, not a DOM.
   */
  worthReading?: (pageText: string) => boolean;
}

/** Page furniture the tag-stripping path drops wholesale. */
const FURNITURE_TAGS = /<(nav|header|footer|aside|form)\b/gi;

/**
 * The markup without <nav>, <header>, <footer>, <aside> and <form> elements (up to the first
 * closing tag of the same name). Found by index: a page of unclosed tags stays linear, because a
 * name whose closing tag was not found once is never searched for again.
 */
export function withoutFurniture(html: string): string {
  const unclosed = new Set<string>();
  const pieces: string[] = [];
  let kept = 0;
  for (const m of html.matchAll(FURNITURE_TAGS)) {
    const name = m[1].toLowerCase();
    if (m.index < kept || unclosed.has(name)) continue;
    const closing = new RegExp(`</${name}\\b`, "gi");
    closing.lastIndex = m.index + m[0].length;
    const close = closing.exec(html);
    const end = close ? html.indexOf(">", close.index) : -1;
    if (end < 0) {
      unclosed.add(name);
      continue;
    }
    pieces.push(html.slice(kept, m.index), " ");
    kept = end + 1;
  }
  pieces.push(html.slice(kept));
  return pieces.join("");
}

/** The part of a page after its <body> tag, or the whole page when it has none. */
function bodyPart(html: string): string {
  const open = /<body\b/i.exec(html);
  const end = open ? html.indexOf(">", open.index) : -1;
  return end < 0 ? html : html.slice(end + 1);
}

/** Title and text of a page by tag stripping, furniture dropped: linear in the page, no DOM. */
function tagStripped(html: string): HtmlArticle {
  return { title: titleTag(html), text: htmlToText(withoutFurniture(bodyPart(html))), method: "tag-strip" };
}

/** Article title and text of an HTML page, paragraphs separated by blank lines. */
export function readHtml(html: string, opts: ReadHtmlOptions = {}): HtmlArticle {
  // The question is asked of the whole body, furniture included: some sites wrap their article
  // in a <form> or an <aside>, and Readability would still find it there.
  if (opts.worthReading) {
    const title = titleTag(html);
    const page = htmlToText(bodyPart(html));
    if (!opts.worthReading(title ? `${title}\n\n${page}` : page)) return tagStripped(html);
  }
  if (htmlNestingDepth(html) <= MAX_HTML_DEPTH) {
    try {
      const { parseHTML, Readability } = domLibraries();
      const { document } = parseHTML(html);
      const article = new Readability(document as unknown as Document).parse();
      const text = article?.content ? htmlToText(article.content) : "";
      if (text.trim() !== "") return { title: article?.title?.trim() || titleTag(html), text, method: "readability" };
    } catch {
      // Readability gives up on some malformed pages; the fallback below still reads them.
    }
  }
  return tagStripped(html);
}

/** Longer tags are not read for attributes: no real <meta> or <time> tag comes near this. */
export const MAX_ATTRIBUTE_TAG_CHARS = 4096;
const ITEMPROP_DATE_PUBLISHED = /\bitemprop\s*=\s*["']?datepublished\b/i;

function attributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of tag.matchAll(/([a-zA-Z_:][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
    attrs.set(m[1].toLowerCase(), decodeEntities(m[2] ?? m[3] ?? m[4] ?? ""));
  }
  return attrs;
}

/**
 * Publication day from the page's markup: <meta> tags (article:published_time, og:pubdate, ...),
 * itemprop="datePublished", JSON-LD "datePublished", then <time datetime>.
 */
export function htmlMetaDay(html: string): Day | null {
  const meta = new Map<string, string>();
  const itemprops: Array<Map<string, string>> = [];
  const times: Array<Map<string, string>> = [];
  for (const tag of htmlTags(html)) {
    // Attributes are read only from tags of a sane length, which keeps their pattern linear.
    if (tag.closing || tag.end - tag.start > MAX_ATTRIBUTE_TAG_CHARS) continue;
    const source = html.slice(tag.start, tag.end);
    if (tag.name === "meta") {
      const attrs = attributes(source);
      const key = (attrs.get("property") ?? attrs.get("name") ?? attrs.get("itemprop") ?? "").toLowerCase();
      const content = attrs.get("content");
      if (key && content && !meta.has(key)) meta.set(key, content);
    }
    if (ITEMPROP_DATE_PUBLISHED.test(source)) itemprops.push(attributes(source));
    if (tag.name === "time") times.push(attributes(source));
  }
  for (const name of metaNames.meta) {
    const day = parseDay(meta.get(name));
    if (day) return day;
  }
  for (const attrs of itemprops) {
    const day = parseDay(attrs.get("content") ?? attrs.get("datetime"));
    if (day) return day;
  }
  const jsonLd = /"datePublished"\s*:\s*"([^"]{4,40})"/.exec(html);
  if (jsonLd && parseDay(jsonLd[1])) return parseDay(jsonLd[1]);
  const time = times.find((a) => a.has("pubdate")) ?? times[0];
  return parseDay(time?.get("datetime"));
}
