// A facility: where it is (its own map with its incidents), who held it when (a lane chart and a
// table of evidence), how many it held and how many escaped, were recaptured and are at large
// over time (a chart and a table, derived figures marked and linked to what they came from), and
// every incident there.
import { getFacility } from "./api.ts";
import { el, replace } from "./dom.ts";
import { FIGURE_COLORS, figureChart, holderChart, mountChart } from "./charts.ts";
import { TYPE_STYLE, dateLabel, formatFigure, QUANTITY_LABEL } from "./incidents.ts";
import { IncidentMap } from "./map.ts";
import { navigate } from "./router.ts";

/** Degrees shown around the facility on its map. */
const SURROUNDINGS_DEGREES = 1.5;
/** Longer tables and lists are folded behind a summary that says how many rows they hold. */
const FOLD_ROWS = 25;

/** `content` as it is when short, else folded in a <details> whose summary counts its rows. */
function foldable(rows: number, what: string, content: HTMLElement): HTMLElement {
  return rows <= FOLD_ROWS ? content : el("details", { class: "fold" }, el("summary", {}, `Show all ${rows.toLocaleString("en")} ${what}`), content);
}

export async function renderFacility(root: HTMLElement, id: string): Promise<() => void> {
  const view = await getFacility(id);
  const place = view.facility.place;
  const figures = [...view.population, ...view.movements].sort((a, b) => (a.date?.earliest ?? "9999").localeCompare(b.date?.earliest ?? "9999"));
  const map = new IncidentMap({ open: (incident) => navigate(`#/incidents/${encodeURIComponent(incident)}`), label: `Map of ${view.facility.name} and its incidents` });
  map.setIncidents(view.incidents);
  if (place?.lat != null && place.lon != null) {
    map.fitBox([place.lon - SURROUNDINGS_DEGREES, place.lat - SURROUNDINGS_DEGREES, place.lon + SURROUNDINGS_DEGREES, place.lat + SURROUNDINGS_DEGREES]);
  }
  const holderBox = el("div", { class: "chart-box" });
  const figureBox = el("div", { class: "chart-box" });
  const undated = view.holders.filter((p) => !p.from);
  replace(
    root,
    el(
      "article",
      { class: "facility" },
      el("h1", {}, view.facility.name, " ", el("span", { class: "muted" }, `(${view.facility.kind.replace("_", " ")})`)),
      place ? el("p", { class: "meta" }, [place.name, place.admin1, place.country].filter(Boolean).join(", ")) : null,
      view.alsoMatched.length ? el("p", { class: "muted" }, `Also matched: ${view.alsoMatched.map((f) => f.name).join(", ")}`) : null,
      el("section", { class: "facility-map", "aria-label": "Map" }, map.element),
      el("h2", {}, "Held by"),
      view.holders.length ? holderBox : el("p", { class: "muted" }, "No statement of who holds it."),
      undated.length ? el("p", { class: "muted" }, `Undated statements: ${undated.map((p) => p.holder).join(", ")}`) : null,
      view.holders.length ? foldable(view.holders.length, "holder periods", holderTable(view.holders)) : null,
      el("h2", {}, "Held, escaped, recaptured and at large over time"),
      figures.length ? figureBox : el("p", { class: "muted" }, "No figures reported."),
      figures.length ? figureLegend() : null,
      figures.length ? foldable(figures.length, "figures", figureTable(figures)) : null,
      el("h2", {}, `Incidents (${view.incidents.length})`),
      foldable(
        view.incidents.length,
        "incidents",
        el(
          "ul",
          { class: "facility-incidents" },
          ...view.incidents.map((i) =>
            el("li", {}, el("a", { href: `#/incidents/${encodeURIComponent(i.id)}` }, `${TYPE_STYLE[i.type]?.label ?? i.type}, ${dateLabel(i.date)}`), ` · ${i.documents.length} report${i.documents.length === 1 ? "" : "s"}`),
          ),
        ),
      ),
    ),
  );
  const stops = [
    view.holders.length ? mountChart(holderBox, (width) => holderChart(view.holders, width)) : () => {},
    figures.length ? mountChart(figureBox, (width) => figureChart(figures, width)) : () => {},
  ];
  return () => {
    for (const stop of stops) stop();
    map.destroy();
  };
}

function holderTable(holders: Awaited<ReturnType<typeof getFacility>>["holders"]): HTMLElement {
  return el(
    "table",
    { class: "holders" },
    el("thead", {}, el("tr", {}, ...["From", "Until", "Holder", "Evidence"].map((h) => el("th", { scope: "col" }, h)))),
    el(
      "tbody",
      {},
      ...holders.map((period) =>
        el(
          "tr",
          {},
          el("td", { "data-label": "From" }, period.from ?? "undated"),
          el("td", { "data-label": "Until" }, period.until ?? "—"),
          el("td", { "data-label": "Holder" }, period.holder),
          el("td", { "data-label": "Evidence" }, ...evidenceLinks(period.evidence)),
        ),
      ),
    ),
  );
}

/** Evidence shown by link at most; beyond that, counted by kind. */
const EVIDENCE_LINKS = 4;

type Evidence = Awaited<ReturnType<typeof getFacility>>["holders"][number]["evidence"][number];

/** The first few pieces of evidence as links, the rest counted: "…, and 410 more (402 statements, 8 control changes)". */
function evidenceLinks(evidence: Evidence[]): Array<Node | string | null> {
  const link = (e: Evidence) =>
    e.incident
      ? el("a", { href: `#/incidents/${encodeURIComponent(e.incident)}` }, "control change")
      : el("a", { href: `#/documents/${encodeURIComponent(e.document)}${e.start !== undefined ? `?hl=${e.start}-${e.end}` : ""}` }, "statement");
  const shown = evidence.slice(0, EVIDENCE_LINKS).flatMap((e, i) => [i > 0 ? ", " : null, link(e)]);
  const rest = evidence.slice(EVIDENCE_LINKS);
  if (!rest.length) return shown;
  const changes = rest.filter((e) => e.basis === "control_change").length;
  const statements = rest.length - changes;
  const kinds = [statements ? `${statements} statement${statements === 1 ? "" : "s"}` : null, changes ? `${changes} control change${changes === 1 ? "" : "s"}` : null].filter(Boolean).join(", ");
  return [...shown, `, and ${rest.length} more (${kinds})`];
}

function figureLegend(): HTMLElement {
  return el(
    "ul",
    { class: "legend" },
    ...Object.entries(FIGURE_COLORS).map(([quantity, color]) => el("li", { "data-color": color }, el("span", { class: `swatch figure-${quantity}` }), QUANTITY_LABEL[quantity])),
    el("li", { class: "muted" }, "point: best · bar: low to high · hollow: derived"),
  );
}

function figureTable(figures: Awaited<ReturnType<typeof getFacility>>["movements"]): HTMLElement {
  return el(
    "table",
    { class: "timeline-table" },
    el("thead", {}, el("tr", {}, ...["Date", "Incident", "Figure", "Count", "Notes"].map((h) => el("th", { scope: "col" }, h)))),
    el(
      "tbody",
      {},
      ...figures.map((f) =>
        el(
          "tr",
          {},
          el("td", { "data-label": "Date" }, dateLabel(f.date)),
          el("td", { "data-label": "Incident" }, el("a", { href: `#/incidents/${encodeURIComponent(f.incident)}` }, TYPE_STYLE[f.type]?.label ?? f.type)),
          el("td", { "data-label": "Figure" }, QUANTITY_LABEL[f.quantity] ?? f.quantity),
          el("td", { "data-label": "Count" }, formatFigure(f)),
          el(
            "td",
            { "data-label": "Notes" },
            f.disputed ? el("span", { class: "badge disputed" }, "disputed") : null,
            f.derived ? el("span", { class: "badge derived" }, "derived") : null,
            f.derived && f.derivedFrom?.length
              ? el("span", { class: "derived-from" }, " from ", ...f.derivedFrom.flatMap((source, i) => [i ? ", " : null, el("a", { href: `#/incidents/${encodeURIComponent(source)}` }, source === f.incident ? "this escape" : "a recapture")]))
              : null,
            !f.derived ? `${f.claims.length} claim${f.claims.length === 1 ? "" : "s"}` : null,
          ),
        ),
      ),
    ),
  );
}
