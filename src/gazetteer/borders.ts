// Land borders from bundled boundaries, for "within N km of a country's border" (alert rules'
// --border). The source is world-atlas's Natural Earth countries at 1:50m: in its topology an arc
// shared by two countries is exactly a stretch of land border, and a coastline arc belongs to one
// country only, so topojson's mesh of the arcs between a country and a different one is that
// country's land border, coasts left out. Read on first use only (a rule with --border).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { mesh } from "topojson-client";
import type { GeometryCollection, GeometryObject, Topology } from "topojson-specification";
import { loadCountries } from "./data.ts";

/** Natural Earth at 1:50m: borders drawn to within a few kilometres, 760 KB to read once. */
const BOUNDARIES = "world-atlas/countries-50m.json";
/** Side of the grid cells segments are indexed by, in degrees. */
export const BORDER_CELL_DEGREES = 1;
const EARTH_RADIUS_KM = 6371;
const KM_PER_DEGREE = (Math.PI / 180) * EARTH_RADIUS_KM;

/** A straight piece of border between two points, in degrees. */
interface Segment {
  lat1: number;
  lon1: number;
  lat2: number;
  lon2: number;
}

/** A country's land border, its segments bucketed by grid cell so a check reads a few cells only. */
export interface BorderIndex {
  country: string;
  segments: number;
  cells: Map<string, Segment[]>;
}

let topology: Topology | null = null;
const indexes = new Map<string, BorderIndex | null>();

function boundaries(): Topology {
  topology ??= JSON.parse(readFileSync(createRequire(import.meta.url).resolve(BOUNDARIES), "utf8")) as Topology;
  return topology;
}

const cellKey = (row: number, column: number) => `${row}:${column}`;
const wrapLongitude = (degrees: number) => ((((degrees + 180) % 360) + 360) % 360) - 180;

/**
 * The land border of the country with this ISO 3166-1 alpha-2 code, indexed; null when the code
 * names no country of the boundaries or the country has no land border (an island state).
 */
export function borderOf(code: string): BorderIndex | null {
  const country = code.toUpperCase();
  if (indexes.has(country)) return indexes.get(country) ?? null;
  const record = loadCountries().find((c) => c.cca2 === country);
  const world = boundaries();
  const collection = world.objects.countries as GeometryCollection;
  // The atlas numbers countries by ISO 3166 numeric code; a few (Kosovo) carry only a name.
  const nameOf = (g: GeometryObject) => (g.properties as { name?: string } | undefined)?.name;
  const own = collection.geometries.filter((g) => record && ((record.ccn3 && g.id === record.ccn3) || (!g.id && nameOf(g) === record.name.common)));
  let index: BorderIndex | null = null;
  if (own.length > 0) {
    const mine = new Set(own);
    const lines = mesh(world, collection, (a, b) => a !== b && mine.has(a) !== mine.has(b));
    index = { country, segments: 0, cells: new Map() };
    for (const line of lines.coordinates) {
      for (let i = 1; i < line.length; i += 1) addSegment(index, { lon1: line[i - 1][0], lat1: line[i - 1][1], lon2: line[i][0], lat2: line[i][1] });
    }
    if (index.segments === 0) index = null;
  }
  indexes.set(country, index);
  return index;
}

function addSegment(index: BorderIndex, s: Segment): void {
  index.segments += 1;
  const [row1, row2] = [Math.floor(Math.min(s.lat1, s.lat2) / BORDER_CELL_DEGREES), Math.floor(Math.max(s.lat1, s.lat2) / BORDER_CELL_DEGREES)];
  const [col1, col2] = [Math.floor(Math.min(s.lon1, s.lon2) / BORDER_CELL_DEGREES), Math.floor(Math.max(s.lon1, s.lon2) / BORDER_CELL_DEGREES)];
  for (let row = row1; row <= row2; row += 1) {
    for (let column = col1; column <= col2; column += 1) {
      const key = cellKey(row, column);
      const bucket = index.cells.get(key);
      if (bucket) bucket.push(s);
      else index.cells.set(key, [s]);
    }
  }
}

/**
 * Kilometres from a point to a segment, in an equirectangular plane centred on the point and
 * scaled at the mean latitude of the point and the segment: within about 1 % of the great-circle
 * distance at 10-500 km, which is what border rules ask, at a fraction of its trigonometry.
 */
export function segmentKilometres(lat: number, lon: number, s: Segment): number {
  const scale = Math.cos((((lat + (s.lat1 + s.lat2) / 2) / 2) * Math.PI) / 180);
  const [x1, y1] = [wrapLongitude(s.lon1 - lon) * scale, s.lat1 - lat];
  const [x2, y2] = [wrapLongitude(s.lon2 - lon) * scale, s.lat2 - lat];
  const [dx, dy] = [x2 - x1, y2 - y1];
  const length = dx * dx + dy * dy;
  // The segment's point nearest the origin (the query point), clamped to its ends.
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, -(x1 * dx + y1 * dy) / length));
  return Math.hypot(x1 + t * dx, y1 + t * dy) * KM_PER_DEGREE;
}

/** Kilometres from the point to the nearest stretch of the border, or null when none lies within `limitKm`. */
export function kilometresToBorder(border: BorderIndex, lat: number, lon: number, limitKm: number): number | null {
  // 1. The cells a segment within limitKm can touch: a box of limitKm around the point.
  const latSpan = limitKm / KM_PER_DEGREE;
  const lonSpan = Math.min(180, limitKm / (KM_PER_DEGREE * Math.max(Math.cos(((Math.min(89, Math.abs(lat) + latSpan)) * Math.PI) / 180), 0.01)));
  const [row1, row2] = [Math.floor((lat - latSpan) / BORDER_CELL_DEGREES), Math.floor((lat + latSpan) / BORDER_CELL_DEGREES)];
  const [col1, col2] = [Math.floor((lon - lonSpan) / BORDER_CELL_DEGREES), Math.floor((lon + lonSpan) / BORDER_CELL_DEGREES)];
  const columns = Math.round(360 / BORDER_CELL_DEGREES);
  // 2. The nearest segment among them (a segment in several cells is measured more than once: cheap).
  let best = Infinity;
  for (let row = row1; row <= row2; row += 1) {
    for (let column = col1; column <= col2; column += 1) {
      const wrapped = ((((column + columns / 2) % columns) + columns) % columns) - columns / 2;
      for (const s of border.cells.get(cellKey(row, wrapped)) ?? []) best = Math.min(best, segmentKilometres(lat, lon, s));
    }
  }
  return best <= limitKm ? best : null;
}
