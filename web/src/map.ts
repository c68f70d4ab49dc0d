// The incident map: country outlines from world-atlas (bundled, so it works offline) drawn with
// d3-geo as SVG at the container's own pixel size. Zoom (wheel, double-click, +/- buttons and
// keys) and pan (drag, arrow keys) move the projection; markers are redrawn in screen space each
// time, clustered where they would overlap (cluster.ts) and labelled where labels fit
// (labels.ts). Location precision shows in the marker style: a filled dot is a facility or town,
// a dashed ring a province, a dotted ring a whole country.
import { geoNaturalEarth1, geoPath, geoGraticule10, type GeoProjection } from "d3-geo";
import { feature, mesh } from "topojson-client";
import type { Topology, GeometryCollection } from "topojson-specification";
import type { Feature, FeatureCollection, MultiPoint } from "geojson";
import world from "world-atlas/countries-110m.json" with { type: "json" };
import { el, svg } from "./dom.ts";
import type { IncidentSummary } from "./api.ts";
import { clusterPoints, type Cluster } from "./cluster.ts";
import { placeLabels } from "./labels.ts";
import { drawMarker, precisionClass, siteName, type Placed } from "./map-markers.ts";
import { MapTooltip } from "./map-tooltip.ts";
import { incidentLocation } from "./incidents.ts";

/** Markers closer than this many pixels are drawn as one cluster. */
export const CLUSTER_RADIUS_PX = 22;
const FRAME_PADDING = 24;
/** Degrees added around the markers' bounding box, so edge markers are not on the frame. */
const EXTENT_PADDING_DEGREES = 2;
/** A single place (or a tight cluster) still shows this much of its region. */
const MIN_EXTENT_DEGREES = 8;
/** Height as a share of width, within these pixel bounds (a phone gets a taller frame). */
const ASPECT = 0.56;
const MIN_HEIGHT = 300;
const MAX_HEIGHT = 560;
/** Zoom limits relative to the whole-world fit, and the factor of one zoom step. */
const MIN_ZOOM = 0.15;
const MAX_ZOOM = 400;
const ZOOM_STEP = 1.6;
/** Arrow keys pan by this share of the frame. */
const PAN_STEP = 0.15;
/** A pointer that moves less than this between down and up is a click, not a drag. */
const DRAG_THRESHOLD_PX = 4;
/** Countries whose outline covers at least this many square pixels get a name label. */
const COUNTRY_LABEL_AREA = 2500;
/** What the map shows when nothing is placed: the inhabited world. */
const WORLD_BOX: [number, number, number, number] = [-170, -58, 180, 80];

const topology = world as unknown as Topology<{ countries: GeometryCollection }>;
const countries = feature(topology, topology.objects.countries) as FeatureCollection;
const borders = mesh(topology, topology.objects.countries, (a, b) => a !== b);

/** Views a reader can jump to: [west, south, east, north] in degrees. */
export const REGIONS: Record<string, { label: string; box: [number, number, number, number] }> = {
  syria_iraq: { label: "Syria & Iraq", box: [34, 31, 49, 38.5] },
  middle_east: { label: "Middle East & North Africa", box: [-10, 12, 63, 42] },
  africa: { label: "Africa", box: [-20, -36, 52, 38] },
  americas: { label: "Americas", box: [-120, -40, -30, 35] },
  south_asia: { label: "South Asia", box: [60, 5, 95, 38] },
};

/** Where the map looks: the centre in degrees and the zoom as projection scale per pixel of width. */
export interface MapView {
  lon: number;
  lat: number;
  zoom: number;
}

export interface MapOptions {
  /** Opens an incident (a marker's click or Enter). */
  open: (id: string) => void;
  /** Called after the reader zooms or pans, e.g. to keep the view in the URL. */
  onViewChange?: (view: MapView) => void;
  /** Accessible name of the map. */
  label?: string;
}

/** "36.48,40.73,1.9" <-> { lat, lon, zoom }; null for anything else. */
export function parseView(value: string | null): MapView | null {
  const parts = value?.split(",").map(Number);
  if (!parts || parts.length !== 3 || !parts.every(Number.isFinite)) return null;
  return { lon: parts[0], lat: parts[1], zoom: parts[2] };
}
export const formatView = (v: MapView) => `${v.lon.toFixed(3)},${v.lat.toFixed(3)},${v.zoom.toFixed(3)}`;

export class IncidentMap {
  readonly element: HTMLElement;
  private readonly svgRoot: SVGSVGElement;
  private readonly tooltip: MapTooltip;
  private readonly projection: GeoProjection = geoNaturalEarth1();
  private incidents: IncidentSummary[] = [];
  private width = 0;
  private height = 0;
  private fitted = false;
  private pendingBox: [number, number, number, number] | null = null;
  private pendingView: MapView | null = null;
  private frame = 0;
  /** The reader moved the view: report it once the next render has applied it. */
  private moved = false;
  private readonly resize = new ResizeObserver(() => this.measure());

  constructor(private readonly options: MapOptions) {
    this.svgRoot = svg("svg", { class: "map", role: "group", tabindex: 0, "aria-label": options.label ?? "Map of incidents. Plus and minus zoom, arrow keys pan." });
    this.tooltip = new MapTooltip();
    const zoomIn = el("button", { type: "button", class: "zoom-in", "aria-label": "Zoom in" }, "+");
    const zoomOut = el("button", { type: "button", class: "zoom-out", "aria-label": "Zoom out" }, "−");
    const reset = el("button", { type: "button", class: "zoom-reset", "aria-label": "Show every incident" }, "⤢");
    zoomIn.addEventListener("click", () => this.zoomBy(ZOOM_STEP));
    zoomOut.addEventListener("click", () => this.zoomBy(1 / ZOOM_STEP));
    reset.addEventListener("click", () => {
      this.fitIncidents();
      this.notify();
    });
    this.element = el("div", { class: "map-frame" }, this.svgRoot, el("div", { class: "map-controls" }, zoomIn, zoomOut, reset), this.tooltip.element);
    this.listen();
    this.resize.observe(this.element);
  }

  /** Shows these incidents; the view stays where the reader left it once it has been fitted. */
  setIncidents(incidents: IncidentSummary[]): void {
    this.incidents = incidents;
    this.schedule();
  }

  /** Moves the view to a preset region's box, or to the incidents' extent for null. */
  showRegion(region: string | null): void {
    const box = region ? REGIONS[region]?.box : undefined;
    if (box) this.fitBox(box);
    else this.fitIncidents();
  }

  /** Restores a view (from the URL); applied once the frame has a size. */
  setView(view: MapView): void {
    this.pendingView = view;
    this.fitted = true;
    this.schedule();
  }

  /** Fits the view to a box of degrees. */
  fitBox(box: [number, number, number, number]): void {
    this.pendingBox = box;
    this.fitted = true;
    this.schedule();
  }

  destroy(): void {
    this.resize.disconnect();
    cancelAnimationFrame(this.frame);
  }

  private fitIncidents(): void {
    this.pendingBox = this.incidentsBox();
    this.fitted = true;
    this.schedule();
  }

  private incidentsBox(): [number, number, number, number] {
    const points = this.incidents.map(incidentLocation).filter((p): p is { lon: number; lat: number; precision: string } => p !== null);
    return points.length ? extentBox(points) : WORLD_BOX;
  }

  private measure(): void {
    const width = Math.round(this.element.clientWidth);
    if (!width || width === this.width) return;
    const view = this.width ? this.currentView() : null;
    this.width = width;
    this.height = Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, width * ASPECT)));
    if (view && !this.pendingBox && !this.pendingView) this.pendingView = view;
    this.schedule();
  }

  private schedule(): void {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.render());
  }

  private currentView(): MapView {
    const [lon, lat] = this.projection.invert?.([this.width / 2, this.height / 2]) ?? [0, 0];
    return { lon, lat, zoom: this.projection.scale() / this.width };
  }

  private notify(): void {
    this.moved = true;
    this.schedule();
  }

  private applyPending(): void {
    const padded: [[number, number], [number, number]] = [
      [FRAME_PADDING, FRAME_PADDING],
      [this.width - FRAME_PADDING, this.height - FRAME_PADDING],
    ];
    if (!this.fitted) {
      this.pendingBox = this.incidentsBox();
      this.fitted = true;
    }
    if (this.pendingBox) {
      this.projection.fitExtent(padded, boxGeometry(...this.pendingBox));
      this.pendingBox = null;
    } else if (this.pendingView) {
      const v = this.pendingView;
      this.projection.scale(v.zoom * this.width).translate([0, 0]);
      const p = this.projection([v.lon, v.lat]) ?? [0, 0];
      this.projection.translate([this.width / 2 - p[0], this.height / 2 - p[1]]);
      this.pendingView = null;
    }
    this.projection.clipExtent([
      [0, 0],
      [this.width, this.height],
    ]);
  }

  private render(): void {
    if (!this.width) return;
    this.applyPending();
    const path = geoPath(this.projection);
    this.svgRoot.setAttribute("viewBox", `0 0 ${this.width} ${this.height}`);
    this.svgRoot.setAttribute("width", String(this.width));
    this.svgRoot.setAttribute("height", String(this.height));
    const placed = this.placedIncidents();
    const clusters = clusterPoints(
      placed.map((p) => ({ x: p.x, y: p.y, group: precisionClass(p.precision), weight: p.weight, item: p })),
      CLUSTER_RADIUS_PX,
    );
    const markers = svg("g", { class: "markers" });
    // Vaguer locations underneath, so a precise marker is never hidden by a province's ring.
    const layer = { country: 0, province: 1, precise: 2 } as Record<string, number>;
    clusters.sort((a, b) => layer[a.group] - layer[b.group] || b.members.length - a.members.length);
    const drawn = clusters.map((cluster) => ({ cluster, ...drawMarker(cluster, markers, (c) => this.activate(c), this.tooltip) }));
    const labels = svg("g", { class: "labels", "aria-hidden": "true" });
    const requests = drawn.map(({ cluster, radius }) => ({ text: labelOf(cluster), x: cluster.x, y: cluster.y, r: radius, priority: cluster.members.length * 1000 + radius }));
    for (const country of countries.features) {
      const area = path.area(country as Feature);
      const [x, y] = path.centroid(country as Feature);
      const name = (country.properties as { name?: string } | null)?.name;
      if (name && area >= COUNTRY_LABEL_AREA && Number.isFinite(x)) requests.push({ text: name, x, y, r: 0, priority: -1 / area });
    }
    for (const label of placeLabels(requests, this.width, this.height)) {
      const isCountry = label.text && !drawn.some((d) => labelOf(d.cluster) === label.text);
      labels.append(svg("text", { x: label.x.toFixed(1), y: label.y.toFixed(1), "text-anchor": label.anchor, class: isCountry ? "label country-label" : "label" }, label.text));
    }
    this.svgRoot.replaceChildren(
      svg("path", { d: path({ type: "Sphere" }) ?? "", class: "sphere" }),
      svg("path", { d: path(geoGraticule10()) ?? "", class: "graticule" }),
      svg("path", { d: path(countries) ?? "", class: "land" }),
      svg("path", { d: path(borders) ?? "", class: "borders" }),
      labels,
      markers,
    );
    this.svgRoot.setAttribute("data-markers", String(placed.length));
    this.svgRoot.setAttribute("data-clusters", String(clusters.length));
    if (this.moved) {
      this.moved = false;
      this.options.onViewChange?.(this.currentView());
    }
  }

  private placedIncidents(): Placed[] {
    const placed: Placed[] = [];
    for (const incident of this.incidents) {
      const at = incidentLocation(incident);
      if (!at) continue;
      const xy = this.projection([at.lon, at.lat]);
      if (!xy || xy[0] < -CLUSTER_RADIUS_PX || xy[1] < -CLUSTER_RADIUS_PX || xy[0] > this.width + CLUSTER_RADIUS_PX || xy[1] > this.height + CLUSTER_RADIUS_PX) continue;
      placed.push({ incident, x: xy[0], y: xy[1], lon: at.lon, lat: at.lat, precision: at.precision, weight: 1 });
    }
    return placed;
  }

  /** A marker's click or Enter: open one incident; zoom into a cluster that zooming can split. */
  private activate(cluster: Cluster<Placed>): void {
    if (cluster.members.length === 1) return this.options.open(cluster.members[0].incident.id);
    if (cluster.samePlace) return this.tooltip.pin(cluster, (id) => this.options.open(id));
    const box = extentBox(cluster.members, 0.05, 0.2);
    this.fitBox(box);
    this.notify();
  }

  private zoomBy(factor: number, at: [number, number] = [this.width / 2, this.height / 2]): void {
    const world = this.worldScale();
    const scale = Math.min(MAX_ZOOM * world, Math.max(MIN_ZOOM * world, this.projection.scale() * factor));
    const applied = scale / this.projection.scale();
    const [tx, ty] = this.projection.translate();
    this.projection.scale(scale).translate([at[0] - (at[0] - tx) * applied, at[1] - (at[1] - ty) * applied]);
    this.schedule();
    this.notify();
  }

  private panBy(dx: number, dy: number): void {
    const [tx, ty] = this.projection.translate();
    this.projection.translate([tx + dx, ty + dy]);
    this.schedule();
  }

  /** The scale at which the whole world fits the frame. */
  private worldScale(): number {
    return geoNaturalEarth1().fitSize([this.width, this.height], { type: "Sphere" }).scale();
  }

  private listen(): void {
    const root = this.svgRoot;
    root.addEventListener("wheel", (event) => {
      event.preventDefault();
      const rect = root.getBoundingClientRect();
      this.zoomBy(event.deltaY < 0 ? ZOOM_STEP ** 0.5 : 1 / ZOOM_STEP ** 0.5, [event.clientX - rect.left, event.clientY - rect.top]);
    }, { passive: false });
    root.addEventListener("dblclick", (event) => {
      const rect = root.getBoundingClientRect();
      this.zoomBy(ZOOM_STEP, [event.clientX - rect.left, event.clientY - rect.top]);
    });
    let drag: { x: number; y: number; moved: boolean; id: number } | null = null;
    root.addEventListener("pointerdown", (event) => {
      if ((event.target as Element).closest(".marker, .cluster")) return;
      drag = { x: event.clientX, y: event.clientY, moved: false, id: event.pointerId };
    });
    root.addEventListener("pointermove", (event) => {
      if (!drag || drag.id !== event.pointerId) return;
      const [dx, dy] = [event.clientX - drag.x, event.clientY - drag.y];
      if (!drag.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return;
      if (!drag.moved) root.setPointerCapture(event.pointerId);
      drag = { ...drag, x: event.clientX, y: event.clientY, moved: true };
      root.classList.add("dragging");
      this.panBy(dx, dy);
    });
    const end = (event: PointerEvent) => {
      if (!drag || drag.id !== event.pointerId) return;
      if (drag.moved) this.notify();
      drag = null;
      root.classList.remove("dragging");
    };
    root.addEventListener("pointerup", end);
    root.addEventListener("pointercancel", end);
    root.addEventListener("keydown", (event) => {
      if (event.target !== root) return; // markers handle their own keys
      const step: Record<string, [number, number]> = {
        ArrowLeft: [this.width * PAN_STEP, 0],
        ArrowRight: [-this.width * PAN_STEP, 0],
        ArrowUp: [0, this.height * PAN_STEP],
        ArrowDown: [0, -this.height * PAN_STEP],
      };
      if (step[event.key]) {
        this.panBy(...step[event.key]);
        this.notify();
      } else if (event.key === "+" || event.key === "=") this.zoomBy(ZOOM_STEP);
      else if (event.key === "-" || event.key === "_") this.zoomBy(1 / ZOOM_STEP);
      else if (event.key === "0") this.fitIncidents();
      else return;
      event.preventDefault();
    });
  }
}

/** A cluster's label: its single site, else the site most of its members share. */
function labelOf(cluster: Cluster<Placed>): string {
  const tally = new Map<string, number>();
  for (const member of cluster.members) {
    const name = cluster.members.length === 1 ? siteName(member.incident) : (member.incident.facility?.place?.name ?? member.incident.place?.name ?? "");
    tally.set(name, (tally.get(name) ?? 0) + 1);
  }
  return [...tally].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "";
}

/** [west, south, east, north] around points, padded, at least `minimum` degrees across. */
function extentBox(points: Array<{ lon: number; lat: number }>, padding = EXTENT_PADDING_DEGREES, minimum = MIN_EXTENT_DEGREES): [number, number, number, number] {
  const lons = points.map((p) => p.lon);
  const lats = points.map((p) => p.lat);
  const widen = (low: number, high: number): [number, number] => {
    const missing = Math.max(0, minimum - (high - low)) / 2;
    return [low - missing - padding, high + missing + padding];
  };
  const [west, east] = widen(Math.min(...lons), Math.max(...lons));
  const [south, north] = widen(Math.min(...lats), Math.max(...lats));
  return [west, Math.max(-85, south), east, Math.min(85, north)];
}

/** A MultiPoint on a box's corners and edge midpoints, for fitExtent. */
function boxGeometry(west: number, south: number, east: number, north: number): MultiPoint {
  return {
    type: "MultiPoint",
    coordinates: [
      [west, south],
      [east, south],
      [east, north],
      [west, north],
      [(west + east) / 2, south],
      [(west + east) / 2, north],
    ],
  };
}
