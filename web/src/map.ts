// The incident map: country outlines from world-atlas (bundled, so it works offline) drawn with
// d3-geo as SVG, markers colored by type and sized by the square root of the headline count,
// zoomed to the markers' extent so a cluster in Syria/Iraq fills the frame.
import { geoNaturalEarth1, geoPath, geoGraticule10 } from "d3-geo";
import { feature, mesh } from "topojson-client";
import type { Topology, GeometryCollection } from "topojson-specification";
import type { FeatureCollection, MultiPoint } from "geojson";
import world from "world-atlas/countries-110m.json" with { type: "json" };
import { svg } from "./dom.ts";
import type { IncidentSummary } from "./api.ts";
import { TYPE_STYLE, headlineCount, incidentLocation, incidentTitle, dateLabel, QUANTITY_LABEL } from "./incidents.ts";

const WIDTH = 960;
const HEIGHT = 520;
const FRAME_PADDING = 24;
/** Degrees added around the markers' bounding box, so edge markers are not on the frame. */
const EXTENT_PADDING_DEGREES = 4;
/** A single place (or a tight cluster) still shows this much of its region. */
const MIN_EXTENT_DEGREES = 14;
const MARKER_MIN_RADIUS = 4;
const MARKER_SCALE = 1.4;
const MARKER_MAX_RADIUS = 26;

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

export function markerRadius(best: number | null): number {
  if (best === null) return MARKER_MIN_RADIUS;
  return Math.min(MARKER_MAX_RADIUS, MARKER_MIN_RADIUS + MARKER_SCALE * Math.sqrt(best));
}

/** The map of `incidents` as an SVG element; clicking a marker calls `open` with its id. */
export function incidentMap(incidents: IncidentSummary[], open: (id: string) => void, region: string | null = null): SVGSVGElement {
  const placed = incidents
    .map((incident) => ({ incident, at: incidentLocation(incident), headline: headlineCount(incident) }))
    .filter((m): m is typeof m & { at: { lon: number; lat: number } } => m.at !== null);

  const projection = geoNaturalEarth1();
  const frame: [[number, number], [number, number]] = [
    [FRAME_PADDING, FRAME_PADDING],
    [WIDTH - FRAME_PADDING, HEIGHT - FRAME_PADDING],
  ];
  const box = region ? REGIONS[region]?.box : undefined;
  if (box) projection.fitExtent(frame, boxGeometry(box[0], box[1], box[2], box[3]));
  else if (placed.length > 0) projection.fitExtent(frame, markerExtent(placed.map((m) => m.at)));
  else projection.fitExtent(frame, { type: "Sphere" });
  const path = geoPath(projection);

  const root = svg("svg", {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    class: "map",
    role: "img",
    "aria-label": `Map of ${placed.length} incidents`,
  });
  root.append(
    svg("path", { d: path({ type: "Sphere" }) ?? "", class: "sphere" }),
    svg("path", { d: path(geoGraticule10()) ?? "", class: "graticule" }),
    svg("path", { d: path(countries) ?? "", class: "land" }),
    svg("path", { d: path(borders) ?? "", class: "borders" }),
  );

  const markers = svg("g", { class: "markers" });
  // Largest first, so small markers on the same facility stay clickable on top.
  placed.sort((a, b) => (b.headline?.best ?? 0) - (a.headline?.best ?? 0));
  for (const { incident, at, headline } of placed) {
    const xy = projection([at.lon, at.lat]);
    if (!xy) continue;
    const circle = svg(
      "circle",
      {
        cx: xy[0].toFixed(1),
        cy: xy[1].toFixed(1),
        r: markerRadius(headline?.best ?? null).toFixed(1),
        fill: TYPE_STYLE[incident.type]?.color ?? "#555",
        class: "marker",
        "data-incident": incident.id,
        "data-type": incident.type,
        tabindex: 0,
      },
      svg(
        "title",
        {},
        `${incidentTitle(incident)} (${dateLabel(incident.date)})` +
          (headline ? ` — ${headline.best.toLocaleString("en")} ${QUANTITY_LABEL[headline.quantity] ?? headline.quantity}` : ""),
      ),
    );
    circle.addEventListener("click", () => open(incident.id));
    circle.addEventListener("keydown", (event) => {
      if ((event as KeyboardEvent).key === "Enter") open(incident.id);
    });
    markers.append(circle);
  }
  root.append(markers);
  return root;
}

/** A MultiPoint spanning the markers' bounding box, padded, at least MIN_EXTENT_DEGREES wide and tall. */
function markerExtent(points: Array<{ lon: number; lat: number }>): MultiPoint {
  const lons = points.map((p) => p.lon);
  const lats = points.map((p) => p.lat);
  let [west, east] = [Math.min(...lons), Math.max(...lons)];
  let [south, north] = [Math.min(...lats), Math.max(...lats)];
  const widen = (low: number, high: number): [number, number] => {
    const missing = Math.max(0, MIN_EXTENT_DEGREES - (high - low)) / 2;
    return [low - missing - EXTENT_PADDING_DEGREES, high + missing + EXTENT_PADDING_DEGREES];
  };
  [west, east] = widen(west, east);
  [south, north] = widen(south, north);
  return boxGeometry(west, Math.max(-85, south), east, Math.min(85, north));
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
