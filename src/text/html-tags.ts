// A linear scan of HTML tags, for the few places that read markup without a DOM (nesting depth,
// tag stripping, date meta tags). Regexes such as /<[^>]*>/ or /<!--[\s\S]*?-->/ restart their
// search at every "<" and rescan to the end of the input when no ">" or "-->" follows, so 256 KB
// of "<a" took half a minute. Here every search for a terminator remembers its answer: once no
// ">" follows a position, none follows any later one, and the scan stops. Each character is
// looked at a bounded number of times, whatever the markup.

/** Elements whose content is code, never article text; dropped with their content. */
export const RAW_TEXT_ELEMENTS: ReadonlySet<string> = new Set(["script", "style", "noscript", "template", "svg", "iframe"]);

export interface HtmlTag {
  /** Offset of "<". */
  start: number;
  /** Offset just after ">". */
  end: number;
  /** Lower-cased element name. */
  name: string;
  closing: boolean;
  /** Written as `<br/>`. */
  selfClosing: boolean;
}

/** What the scan finds: a tag, or a stretch of text between tags (comments and code excluded). */
export type HtmlPiece = { kind: "tag"; tag: HtmlTag } | { kind: "text"; start: number; end: number };

const NAME_START = /[A-Za-z]/;
const NAME = /[A-Za-z][A-Za-z0-9-]*/y;

/** The next position of `needle` at or after `from`, remembering a miss so it is never searched again. */
class Finder {
  private found = -2; // -2: not searched yet; -1: absent from here on
  constructor(
    private readonly html: string,
    private readonly needle: string,
  ) {}

  next(from: number): number {
    if (this.found === -1) return -1;
    if (this.found < from) this.found = this.html.indexOf(this.needle, from);
    return this.found;
  }
}

/** The end of a raw-text element's content (`</script >`), case-insensitive; -1 when it never closes. */
class CloserFinder {
  private readonly pattern: RegExp;
  private found: { start: number; end: number } | null | undefined;
  constructor(
    private readonly html: string,
    name: string,
  ) {
    this.pattern = new RegExp(`</${name}\\s*>`, "gi");
  }

  next(from: number): { start: number; end: number } | null {
    if (this.found === null) return null;
    if (this.found === undefined || this.found.start < from) {
      this.pattern.lastIndex = from;
      const m = this.pattern.exec(this.html);
      this.found = m ? { start: m.index, end: m.index + m[0].length } : null;
    }
    return this.found;
  }
}

/**
 * Every tag and text stretch of `html`, in order. Comments, `<!doctype>` and `<?…?>` are skipped;
 * raw-text elements (script, style, …) are listed as their two tags without their content.
 * A "<" that does not start a tag, or a tag that never ends, is text.
 * Example: `<p>A &amp; B</p>` -> tag p, text "A &amp; B", tag /p.
 * An array rather than a generator: every caller reads all of it, and resuming a generator for
 * each piece cost a third of reading a page.
 */
export function htmlPieces(html: string): HtmlPiece[] {
  const pieces: HtmlPiece[] = [];
  const tagEnd = new Finder(html, ">");
  const commentEnd = new Finder(html, "-->");
  const closers = new Map<string, CloserFinder>();
  let textFrom = 0;
  let i = html.indexOf("<");
  const text = (end: number) => {
    if (end > textFrom) pieces.push({ kind: "text", start: textFrom, end });
  };
  while (i !== -1 && i < html.length - 1) {
    const next = html[i + 1];
    // 1. Comments run to "-->" (to the end of the page when it never comes, as in browsers).
    if (html.startsWith("<!--", i)) {
      text(i);
      const close = commentEnd.next(i + 4);
      textFrom = close === -1 ? html.length : close + 3;
      i = html.indexOf("<", textFrom);
      continue;
    }
    const closing = next === "/";
    const nameAt = closing ? i + 2 : i + 1;
    const declaration = next === "!" || next === "?";
    if (!declaration && !NAME_START.test(html[nameAt] ?? "")) {
      i = html.indexOf("<", i + 1); // "<" in prose: "a < b", "<5 km"
      continue;
    }
    const gt = tagEnd.next(i + 1);
    if (gt === -1) break; // no ">" anywhere after: the rest is text
    text(i);
    textFrom = gt + 1;
    if (declaration) {
      i = html.indexOf("<", textFrom);
      continue;
    }
    NAME.lastIndex = nameAt;
    const name = NAME.exec(html)![0].toLowerCase();
    const tag: HtmlTag = { start: i, end: gt + 1, name, closing, selfClosing: html[gt - 1] === "/" };
    pieces.push({ kind: "tag", tag });
    // 2. Code elements: skip their content up to the closing tag, when there is one.
    if (!closing && !tag.selfClosing && RAW_TEXT_ELEMENTS.has(name)) {
      let closer = closers.get(name);
      if (!closer) closers.set(name, (closer = new CloserFinder(html, name)));
      const close = closer.next(textFrom);
      if (close) {
        pieces.push({ kind: "tag", tag: { start: close.start, end: close.end, name, closing: true, selfClosing: false } });
        textFrom = close.end;
      }
    }
    i = html.indexOf("<", textFrom);
  }
  text(html.length);
  return pieces;
}

/** Every tag of `html`, in order (see htmlPieces). */
export function htmlTags(html: string): HtmlTag[] {
  const tags: HtmlTag[] = [];
  for (const piece of htmlPieces(html)) if (piece.kind === "tag") tags.push(piece.tag);
  return tags;
}
