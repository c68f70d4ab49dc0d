// How one marker or cluster is drawn: a single incident as a dot in its type's colour, sized by its
// headline figure; several as a dark disc with their count. The style says how precisely the
// incident is located: solid for a facility or town, a dashed ring for a province, a dotted ring
// for a country. Each is focusable, shows its tooltip on hover and on focus, and opens on Enter.
import type { IncidentSummary } from "./api.ts";
import type { Cluster } from "./cluster.ts";
import { svg } from "./dom.ts";
import { TYPE_STYLE, dateLabel, headlineCount, incidentTitle } from "./incidents.ts";
import type { MapTooltip } from "./map-tooltip.ts";

export interface Placed {
  incident: IncidentSummary;
  x: number;
  y: number;
  lon: number;
  lat: number;
  precision: string;
  weight: number;
}

/** The classes of location precision that never cluster together. */
export type PrecisionClass = "precise" | "province" | "country";

export function precisionClass(precision: string): PrecisionClass {
  if (precision === "facility" || precision === "town") return "precise";
  return precision === "country" ? "country" : "province";
}

export const PRECISION_LABEL: Record<PrecisionClass, string> = {
  precise: "facility or town",
  province: "province only",
  country: "country only",
};

const MARKER_MIN_RADIUS = 4.5;
const MARKER_SCALE = 1.2;
const MARKER_MAX_RADIUS = 20;
/** Imprecise locations get a larger ring: the incident is somewhere in the area, not at the dot. */
const APPROXIMATE_RADIUS = { province: 11, country: 15 } as const;
const CLUSTER_MIN_RADIUS = 10;
const CLUSTER_MAX_RADIUS = 24;

export function markerRadius(best: number | null): number {
  if (best === null) return MARKER_MIN_RADIUS;
  return Math.min(MARKER_MAX_RADIUS, MARKER_MIN_RADIUS + MARKER_SCALE * Math.sqrt(best));
}

/** The facility's name, else the place's. */
export function siteName(incident: IncidentSummary): string {
  return incident.facility?.name ?? incident.place?.name ?? "unknown place";
}

/** Draws `cluster` into `parent`; returns the radius it took. */
export function drawMarker(cluster: Cluster<Placed>, parent: SVGGElement, activate: (c: Cluster<Placed>) => void, tooltip: MapTooltip): { radius: number } {
  const precision = cluster.group as PrecisionClass;
  const single = cluster.members.length === 1 ? cluster.members[0].incident : null;
  let node: SVGElement;
  let radius: number;
  if (single) {
    const headline = headlineCount(single);
    radius = precision === "precise" ? markerRadius(headline?.best ?? null) : APPROXIMATE_RADIUS[precision];
    node = svg("circle", {
      cx: cluster.x.toFixed(1),
      cy: cluster.y.toFixed(1),
      r: radius.toFixed(1),
      fill: TYPE_STYLE[single.type]?.color ?? "#555",
      stroke: precision === "precise" ? null : (TYPE_STYLE[single.type]?.color ?? "#555"),
      class: `marker ${precision}`,
      "data-incident": single.id,
      "data-type": single.type,
      "data-precision": precision,
      tabindex: 0,
      role: "button",
      "aria-label": `${incidentTitle(single)}, ${dateLabel(single.date)}${headline ? `, ${headline.text}` : ""}; location: ${PRECISION_LABEL[precision]}`,
    });
  } else {
    const count = cluster.members.length;
    radius = Math.min(CLUSTER_MAX_RADIUS, CLUSTER_MIN_RADIUS + 3 * Math.log2(count));
    node = svg(
      "g",
      {
        class: `cluster ${precision}`,
        "data-count": count,
        "data-precision": precision,
        "data-same-place": cluster.samePlace ? "true" : null,
        tabindex: 0,
        role: "button",
        "aria-label": `${count} incidents here; location: ${PRECISION_LABEL[precision]}; ${cluster.samePlace ? "Enter lists them" : "Enter zooms in"}`,
      },
      svg("circle", { cx: cluster.x.toFixed(1), cy: cluster.y.toFixed(1), r: radius.toFixed(1) }),
      svg("text", { x: cluster.x.toFixed(1), y: (cluster.y + 4).toFixed(1), "text-anchor": "middle" }, count > 999 ? `${Math.floor(count / 1000)}k` : String(count)),
    );
  }
  node.addEventListener("click", () => activate(cluster));
  node.addEventListener("keydown", (event) => {
    const key = (event as KeyboardEvent).key;
    if (key !== "Enter" && key !== " ") return;
    event.preventDefault();
    activate(cluster);
  });
  node.addEventListener("pointerenter", () => tooltip.show(cluster, radius));
  node.addEventListener("pointerleave", () => tooltip.hide());
  node.addEventListener("focus", () => tooltip.show(cluster, radius));
  node.addEventListener("blur", () => tooltip.hide());
  parent.append(node);
  return { radius };
}
