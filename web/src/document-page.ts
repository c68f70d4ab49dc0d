// A document: its cleaned text rebuilt from text nodes and <mark> elements, one mark per stretch
// covered by extracted spans (hover shows kind and rule), and the `hl` range emphasised.
import { getDocument, listDocuments, type DocumentPageView, type DocumentView } from "./api.ts";
import { el, externalLink, replace } from "./dom.ts";
import { TYPE_STYLE, QUANTITY_LABEL, dateLabel, formatRange } from "./incidents.ts";

/** Sentences frame everything; marking them would paint the whole text. */
const UNMARKED_KINDS = new Set(["sentence"]);

interface Piece {
  start: number;
  end: number;
  covering: DocumentView["annotations"];
  highlighted: boolean;
  relevant: boolean;
}

/**
 * Splits [0, text.length) at every span boundary so that each piece is covered by a fixed set of
 * annotations; overlapping and nested spans need no special casing.
 */
export function pieces(doc: Pick<DocumentView, "text" | "annotations" | "segments">, hl: { start: number; end: number } | null): Piece[] {
  const length = doc.text.length;
  const marked = doc.annotations.filter((a) => !UNMARKED_KINDS.has(a.kind) && a.start < a.end && a.end <= length);
  const cuts = new Set<number>([0, length]);
  for (const span of [...marked, ...doc.segments, ...(hl ? [hl] : [])]) {
    cuts.add(Math.max(0, Math.min(length, span.start)));
    cuts.add(Math.max(0, Math.min(length, span.end)));
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const result: Piece[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const [start, end] = [sorted[i], sorted[i + 1]];
    result.push({
      start,
      end,
      covering: marked.filter((a) => a.start <= start && a.end >= end),
      highlighted: hl !== null && hl.start <= start && hl.end >= end,
      relevant: doc.segments.length === 0 || doc.segments.some((s) => s.relevant && s.start <= start && s.end >= end),
    });
  }
  return result;
}

function parseHighlight(value: string | null, length: number): { start: number; end: number } | null {
  const match = value ? /^(\d+)-(\d+)$/.exec(value) : null;
  if (!match) return null;
  const [start, end] = [Number(match[1]), Number(match[2])];
  return start < end && end <= length ? { start, end } : null;
}

export async function renderDocument(root: HTMLElement, id: string, params: URLSearchParams): Promise<void> {
  const doc = await getDocument(id);
  const hl = parseHighlight(params.get("hl"), doc.text.length);
  const body = el("div", { class: "doc-text" });
  let firstHighlight: HTMLElement | null = null;
  for (const piece of pieces(doc, hl)) {
    const text = doc.text.slice(piece.start, piece.end);
    let node: Node = document.createTextNode(text);
    if (piece.covering.length > 0) {
      // The innermost (shortest) span names the color; the title lists every span here.
      const inner = [...piece.covering].sort((a, b) => a.end - a.start - (b.end - b.start))[0];
      node = el(
        "mark",
        { class: `ann kind-${inner.kind}`, title: piece.covering.map((a) => `${a.kind} · ${a.rule}`).join("\n"), "data-kind": inner.kind },
        node,
      );
    }
    if (!piece.relevant) node = el("span", { class: "off-topic" }, node);
    if (piece.highlighted) {
      // The hl range is contiguous: one wrapper around all its pieces, so it reads as one box.
      if (!firstHighlight) {
        firstHighlight = el("span", { class: "hl", id: "hl" });
        body.append(firstHighlight);
      }
      firstHighlight.append(node);
    } else body.append(node);
  }
  const kinds = new Map<string, number>();
  for (const a of doc.annotations) if (!UNMARKED_KINDS.has(a.kind)) kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + 1);
  replace(
    root,
    el(
      "article",
      { class: "document" },
      el("h1", {}, doc.title ?? doc.id),
      el(
        "p",
        { class: "meta" },
        doc.published ? `Published ${doc.published}` : "Undated",
        doc.publishedOrigin ? ` (from ${doc.publishedOrigin})` : "",
        " · ",
        doc.relevant ? "relevant" : el("span", { class: "badge irrelevant" }, "not about a detention facility"),
        " · id ",
        el("code", {}, doc.id),
        doc.url ? " · " : null,
        doc.url ? externalLink(doc.url, "original") : null,
        doc.url ? el("span", { class: "muted url" }, ` ${doc.url}`) : null,
      ),
      fedSection(doc),
      el("h2", {}, "Text"),
      el(
        "ul",
        { class: "legend kinds" },
        ...[...kinds].map(([kind, n]) => el("li", {}, el("mark", { class: `ann kind-${kind}` }, kind), ` ${n}`)),
        el("li", { class: "muted" }, "hover a highlight for its kind and rule"),
      ),
      body,
    ),
  );
  (firstHighlight as HTMLElement | null)?.scrollIntoView({ block: "center" });
}

/** The incidents this report fed and the claims it gave each, every claim linked to its sentence. */
function fedSection(doc: DocumentPageView): HTMLElement {
  if (!doc.fed.length) return el("section", { class: "fed" }, el("h2", {}, "Incidents"), el("p", { class: "muted" }, "This report fed no incident."));
  return el(
    "section",
    { class: "fed" },
    el("h2", {}, `Incidents this report fed (${doc.fed.length})`),
    el(
      "ul",
      {},
      ...doc.fed.map(({ incident, claims }) =>
        el(
          "li",
          { "data-incident": incident.id },
          el("span", { class: `badge type-${incident.type}` }, TYPE_STYLE[incident.type]?.label ?? incident.type),
          " ",
          el("a", { href: `#/incidents/${encodeURIComponent(incident.id)}` }, `${incident.facility?.name ?? incident.place?.name ?? "unknown place"}, ${dateLabel(incident.date)}`),
          ` · ${incident.documents.length} report${incident.documents.length === 1 ? "" : "s"} in all`,
          claims.length
            ? el(
                "ul",
                { class: "fed-claims" },
                ...claims.map((claim) =>
                  el(
                    "li",
                    {},
                    el("a", { href: `#/documents/${encodeURIComponent(doc.id)}?hl=${claim.start}-${claim.end}`, class: "fed-claim" }, `${QUANTITY_LABEL[claim.quantity] ?? claim.quantity}${claim.group ? ` (${claim.group.replace("_", " ")})` : ""}: ${formatRange(claim.low, undefined, claim.high)}`),
                    ` — ${claim.source ?? "unattributed"}`,
                  ),
                ),
              )
            : el("p", { class: "muted" }, "No figure from this report."),
        ),
      ),
    ),
  );
}

export async function renderDocumentList(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const offset = Math.max(0, Number(params.get("offset") ?? 0) || 0);
  const page = await listDocuments(offset);
  replace(
    root,
    el("h1", {}, `Documents (${page.total})`),
    el(
      "table",
      { class: "documents" },
      el("thead", {}, el("tr", {}, el("th", {}, "Published"), el("th", {}, "Title"), el("th", {}, "Relevant"))),
      el(
        "tbody",
        {},
        ...page.items.map((d) =>
          el(
            "tr",
            {},
            el("td", {}, d.published ?? "undated"),
            el("td", {}, el("a", { href: `#/documents/${encodeURIComponent(d.id)}` }, d.title ?? d.id)),
            el("td", {}, d.relevant ? "yes" : "no"),
          ),
        ),
      ),
    ),
    offset > 0 ? el("a", { href: `#/documents?offset=${Math.max(0, offset - 100)}` }, "← previous") : null,
    " ",
    offset + page.items.length < page.total ? el("a", { href: `#/documents?offset=${offset + 100}` }, "next →") : null,
  );
}
