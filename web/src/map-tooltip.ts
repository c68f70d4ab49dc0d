// The map's tooltip: type, place, date and headline figure of one incident, or the make-up of a
// cluster. Shown on hover and on keyboard focus; a cluster on one spot (that zooming cannot
// split) pins it open as a list of links, closed with Escape or its close button.
import type { Cluster } from "./cluster.ts";
import { el, replace } from "./dom.ts";
import { TYPE_STYLE, dateLabel, headlineCount } from "./incidents.ts";
import { PRECISION_LABEL, precisionClass, siteName, type Placed } from "./map-markers.ts";

/** A pinned list shows at most this many incidents; the rest are counted. */
const PINNED_ITEMS = 12;
/** Pixels between the marker and the tooltip. */
const OFFSET_PX = 10;

export class MapTooltip {
  readonly element = el("div", { class: "map-tooltip", role: "tooltip", hidden: true });
  private pinned = false;

  constructor() {
    this.element.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && this.pinned) this.unpin();
    });
  }

  show(cluster: Cluster<Placed>, radius: number): void {
    if (this.pinned) return;
    replace(this.element, ...(cluster.members.length === 1 ? incidentLines(cluster.members[0]) : clusterLines(cluster)));
    this.place(cluster, radius);
  }

  hide(): void {
    if (!this.pinned) this.element.hidden = true;
  }

  /** Opens a list of the cluster's incidents that stays until closed. */
  pin(cluster: Cluster<Placed>, open: (id: string) => void): void {
    this.pinned = true;
    const close = el("button", { type: "button", class: "close", "aria-label": "Close the list" }, "×");
    const items = [...cluster.members].sort((a, b) => (b.incident.date?.earliest ?? "").localeCompare(a.incident.date?.earliest ?? ""));
    const list = el(
      "ul",
      {},
      ...items.slice(0, PINNED_ITEMS).map((m) => {
        const link = el("a", { href: `#/incidents/${encodeURIComponent(m.incident.id)}` }, `${TYPE_STYLE[m.incident.type]?.label ?? m.incident.type}, ${dateLabel(m.incident.date)}`);
        link.addEventListener("click", (event) => {
          event.preventDefault();
          this.unpin();
          open(m.incident.id);
        });
        return el("li", {}, link, headlineCount(m.incident) ? ` · ${headlineCount(m.incident)!.text}` : "");
      }),
    );
    const facility = items[0].incident.facility;
    replace(
      this.element,
      close,
      el("strong", {}, `${items.length} incidents at ${siteName(items[0].incident)}`),
      list,
      items.length > PINNED_ITEMS ? el("p", { class: "muted" }, `and ${items.length - PINNED_ITEMS} more (see the list below the map)`) : null,
      facility && items.every((m) => m.incident.facility?.id === facility.id) ? el("a", { href: `#/facilities/${encodeURIComponent(facility.id)}` }, `${facility.name}: facility page`) : null,
    );
    this.element.classList.add("pinned");
    this.element.setAttribute("role", "dialog");
    this.place(cluster, 0);
    close.addEventListener("click", () => this.unpin());
    (list.querySelector("a") as HTMLElement | null)?.focus();
  }

  private unpin(): void {
    this.pinned = false;
    this.element.classList.remove("pinned");
    this.element.setAttribute("role", "tooltip");
    this.element.hidden = true;
  }

  /** Beside the marker, flipped to its left when it would run off the frame. */
  private place(cluster: Cluster<Placed>, radius: number): void {
    this.element.hidden = false;
    const frame = this.element.parentElement?.querySelector("svg")?.getBoundingClientRect();
    const width = this.element.offsetWidth;
    const right = cluster.x + radius + OFFSET_PX;
    const left = frame && right + width > frame.width ? Math.max(0, cluster.x - radius - OFFSET_PX - width) : right;
    // CSSOM positioning: the CSP forbids style attributes, not script-set styles.
    this.element.style.left = `${left}px`;
    this.element.style.top = `${Math.max(0, cluster.y - 12)}px`;
  }
}

function incidentLines(m: Placed): HTMLElement[] {
  const incident = m.incident;
  const headline = headlineCount(incident);
  const precision = precisionClass(m.precision);
  const lines: Array<HTMLElement | null> = [
    el("div", {}, el("span", { class: `swatch type-${incident.type}` }), el("strong", {}, TYPE_STYLE[incident.type]?.label ?? incident.type)),
    el("div", {}, siteName(incident), incident.place && incident.facility ? `, ${incident.place.name}` : ""),
    el("div", {}, dateLabel(incident.date)),
    headline ? el("div", { class: "figure" }, headline.text) : null,
    precision === "precise" ? null : el("div", { class: "muted" }, `Located to the ${precision === "country" ? "country" : "province"} only`),
  ];
  return lines.filter((line): line is HTMLElement => line !== null);
}

function clusterLines(cluster: Cluster<Placed>): HTMLElement[] {
  const byType = new Map<string, number>();
  for (const m of cluster.members) byType.set(m.incident.type, (byType.get(m.incident.type) ?? 0) + 1);
  const precision = precisionClass(cluster.members[0].precision);
  return [
    el("strong", {}, `${cluster.members.length} incidents`),
    el("ul", {}, ...[...byType].sort((a, b) => b[1] - a[1]).map(([type, n]) => el("li", {}, el("span", { class: `swatch type-${type}` }), `${n} ${TYPE_STYLE[type]?.label.toLowerCase() ?? type}`))),
    el("div", { class: "muted" }, `Location: ${PRECISION_LABEL[precision]}. ${cluster.samePlace ? "Click or Enter to list them." : "Click or Enter to zoom in."}`),
  ];
}
