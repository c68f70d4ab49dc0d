// An incident: its counts as low/best/high, a "disputed" badge, and every claim side by side
// with its source, quote and a link to the sentence in its document.
import { getIncident } from "./api.ts";
import { el, externalLink, replace } from "./dom.ts";
import { TYPE_STYLE, dateLabel, formatRange, isDisputed, QUANTITY_LABEL } from "./incidents.ts";
import type { Claim, Count, PlaceRef } from "../../src/model/incident.ts";

export async function renderIncident(root: HTMLElement, id: string): Promise<void> {
  const { incident, documents } = await getIncident(id);
  const titles = new Map(documents.map((d) => [d.id, d.title ?? d.id]));
  replace(
    root,
    el(
      "article",
      { class: "incident" },
      el(
        "h1",
        {},
        el("span", { class: `badge type-${incident.type}` }, TYPE_STYLE[incident.type]?.label ?? incident.type),
        " ",
        incident.facility?.name ?? incident.place?.name ?? "Unknown place",
        isDisputed(incident) ? el("span", { class: "badge disputed", title: "sources disagree on a figure" }, "disputed") : null,
        incident.unconfirmed ? el("span", { class: "badge unconfirmed" }, "unconfirmed") : null,
        incident.status === "planned" ? el("span", { class: "badge planned" }, "planned") : null,
      ),
      el(
        "dl",
        { class: "facts" },
        el("dt", {}, "Date"),
        el("dd", {}, dateLabel(incident.date)),
        el("dt", {}, "Facility"),
        el(
          "dd",
          {},
          incident.facility
            ? el("a", { href: `#/facilities/${encodeURIComponent(incident.facility.id)}` }, `${incident.facility.name} (${incident.facility.kind})`)
            : "—",
        ),
        el("dt", {}, "Place"),
        el("dd", {}, placeLabel(incident.place)),
        incident.destination ? el("dt", {}, "Destination") : null,
        incident.destination ? el("dd", {}, placeLabel(incident.destination)) : null,
        el("dt", {}, "Actors"),
        el("dd", {}, incident.actors.length ? incident.actors.join(", ") : "—"),
        el("dt", {}, "Status"),
        el("dd", {}, incident.status),
      ),
      el("h2", {}, "Counts"),
      incident.counts.length ? el("div", { class: "counts" }, ...incident.counts.map((c) => countBlock(c, titles))) : el("p", { class: "muted" }, "No figures reported."),
      el("h2", {}, `Reports (${documents.length})`),
      el(
        "ul",
        { class: "documents" },
        ...documents.map((d) =>
          el(
            "li",
            {},
            el("a", { href: `#/documents/${encodeURIComponent(d.id)}` }, d.title ?? d.id),
            " ",
            el("span", { class: "muted" }, d.published ?? "undated"),
            " ",
            d.url ? externalLink(d.url, "source") : null,
          ),
        ),
      ),
    ),
  );
}

function countBlock(count: Count, titles: Map<string, string>): HTMLElement {
  const name = (QUANTITY_LABEL[count.quantity] ?? count.quantity) + (count.group ? ` (${count.group.replace("_", " ")})` : "");
  return el(
    "section",
    { class: "count", "data-quantity": count.quantity },
    el(
      "h3",
      {},
      name,
      ": ",
      el("strong", {}, count.best.toLocaleString("en")),
      el("span", { class: "range" }, ` low ${count.low.toLocaleString("en")} · best ${count.best.toLocaleString("en")} · high ${count.high === null ? "open" : count.high.toLocaleString("en")}`),
      count.disputed ? el("span", { class: "badge disputed" }, "disputed") : null,
      count.derived ? el("span", { class: "badge derived", title: "computed by escapewatch, not read" }, "derived") : null,
    ),
    el(
      "div",
      { class: "claims" },
      ...count.claims.map((claim) =>
        el(
          "figure",
          { class: "claim" },
          el("div", { class: "claim-value" }, formatRange(claim.low, undefined, claim.high)),
          el("div", { class: "claim-source" }, sourceLine(claim)),
          el("blockquote", {}, claim.quote),
          el(
            "figcaption",
            {},
            el(
              "a",
              { class: "claim-link", href: `#/documents/${encodeURIComponent(claim.document)}?hl=${claim.start}-${claim.end}` },
              `in “${titles.get(claim.document) ?? claim.document}”`,
            ),
          ),
        ),
      ),
    ),
  );
}

/** "Modeste Kalumba (town's mayor), to Radio Okapi": who said it, in what office, to whom. */
function sourceLine(claim: Claim): string {
  if (!claim.source) return "unattributed";
  return `${claim.source}${claim.role ? ` (${claim.role})` : ""}${claim.via ? `, to ${claim.via}` : ""}`;
}

function placeLabel(place: PlaceRef | null): string {
  if (!place) return "—";
  return [place.name, place.admin1, place.country].filter(Boolean).join(", ");
}
