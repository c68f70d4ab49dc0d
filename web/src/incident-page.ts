// An incident: who acted on whom, its counts as low/best/high (a vague amount as its range), a
// "disputed" badge, every claim side by side with its source, quote and a link to the sentence in
// its document, and for a derived figure the incidents and figures it was computed from.
import { getIncident, type IncidentSummary } from "./api.ts";
import { el, externalLink, replace } from "./dom.ts";
import { ROLE_LABEL, TYPE_STYLE, actorsByRole, dateLabel, formatFigure, formatRange, headlineCount, isDisputed, QUANTITY_LABEL } from "./incidents.ts";
import type { Claim, Count, PlaceRef } from "../../src/model/incident.ts";

export async function renderIncident(root: HTMLElement, id: string): Promise<void> {
  const { incident, documents, derivedFrom } = await getIncident(id);
  const titles = new Map(documents.map((d) => [d.id, d.title ?? d.id]));
  const roles = actorsByRole(incident);
  const withoutRole = incident.actors.filter((a) => !(incident.roles ?? []).some((r) => r.actor === a));
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
            ? el("a", { href: `#/facilities/${encodeURIComponent(incident.facility.id)}` }, `${incident.facility.name} (${incident.facility.kind.replace("_", " ")})`)
            : "—",
        ),
        el("dt", {}, "Place"),
        el("dd", {}, placeLabel(incident.place)),
        incident.destination ? el("dt", {}, "Destination") : null,
        incident.destination ? el("dd", {}, placeLabel(incident.destination)) : null,
        ...["initiator", "target", "holder", "source"].flatMap((role) =>
          roles.has(role) ? [el("dt", {}, ROLE_LABEL[role]), el("dd", { "data-role": role }, roles.get(role)!.join(", "))] : [],
        ),
        withoutRole.length ? el("dt", {}, "Also named") : null,
        withoutRole.length ? el("dd", {}, withoutRole.join(", ")) : null,
        el("dt", {}, "Status"),
        el("dd", {}, incident.status),
      ),
      el("h2", {}, "Counts"),
      incident.counts.length
        ? el("div", { class: "counts" }, ...incident.counts.map((c) => countBlock(c, titles, derivedFrom)))
        : el("p", { class: "muted" }, "No figures reported."),
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

/** One count with every claim beside its source and quote (as text), each linked to its sentence; the review page shows the same. */
export function countBlock(count: Count, titles: Map<string, string>, derivedFrom: IncidentSummary[]): HTMLElement {
  const name = (QUANTITY_LABEL[count.quantity] ?? count.quantity) + (count.group ? ` (${count.group.replace("_", " ")})` : "");
  return el(
    "section",
    { class: "count", "data-quantity": count.quantity },
    el(
      "h3",
      {},
      name,
      ": ",
      // A vague amount leads with its range: "thousands" is never "3,000".
      el("strong", {}, count.vague ? formatFigure(count) : count.best.toLocaleString("en")),
      el("span", { class: "range" }, ` low ${count.low.toLocaleString("en")} · best ${count.best.toLocaleString("en")} · high ${count.high === null ? "open" : count.high.toLocaleString("en")}`),
      count.vague ? el("span", { class: "badge vague", title: "read from a word such as 'thousands', not a stated figure" }, "vague") : null,
      count.disputed ? el("span", { class: "badge disputed" }, "disputed") : null,
      count.derived ? el("span", { class: "badge derived", title: "computed by escapewatch, not read" }, "derived") : null,
    ),
    count.derived ? derivation(count, derivedFrom) : null,
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
            el("a", { class: "claim-link", href: `#/documents/${encodeURIComponent(claim.document)}?hl=${claim.start}-${claim.end}` }, `in “${titles.get(claim.document) ?? claim.document}”`),
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

/** "Computed from: escaped 120 at Ghwayran prison (2022-01-20) − recaptured 40 (2022-01-24)". */
function derivation(count: Count, derivedFrom: IncidentSummary[]): HTMLElement {
  const sources = derivedFrom.filter((i) => count.derivedFrom?.includes(i.id));
  return el(
    "div",
    { class: "derivation" },
    el("p", {}, "Computed by escapewatch as escaped minus recaptured, from these incidents:"),
    el(
      "ul",
      {},
      ...sources.map((i) =>
        el(
          "li",
          {},
          el("a", { href: `#/incidents/${encodeURIComponent(i.id)}` }, `${TYPE_STYLE[i.type]?.label ?? i.type}, ${dateLabel(i.date)}`),
          headlineCount(i) ? `: ${headlineCount(i)!.text}` : "",
        ),
      ),
      (count.derivedFrom ?? []).length > sources.length ? el("li", { class: "muted" }, "and this incident's own figures") : null,
    ),
  );
}

function placeLabel(place: PlaceRef | null): string {
  if (!place) return "—";
  return [place.name, place.admin1, place.country].filter(Boolean).join(", ");
}
