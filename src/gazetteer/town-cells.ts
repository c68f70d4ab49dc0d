// The nearest-town grid over the world-cities index: every town with coordinates, once, in index
// order, grouped by the whole-degree cell its point falls in. geo.ts looks a point's neighbours up
// here; the prebuilt index file stores the grid, so that look-up does not build 170k places.
import type { WorldPlace } from "./world.ts";

/** Side of a grid cell, in degrees. */
export const TOWN_CELL_DEGREES = 1;
/** Cells are numbered with this offset per axis (coordinates stay within ±180 degrees). */
const CELL_OFFSET = 512;

/** The number of the cell (cellLat, cellLon) = floor(degrees / TOWN_CELL_DEGREES); null outside the globe's range. */
export function cellNumber(cellLat: number, cellLon: number): number | null {
  if (Math.abs(cellLat) >= CELL_OFFSET || Math.abs(cellLon) >= CELL_OFFSET) return null;
  return (cellLat + CELL_OFFSET) * 2 * CELL_OFFSET + (cellLon + CELL_OFFSET);
}

/** The grid of an index's places: towns only, each once (a place may sit under two keys), in iteration order. */
export function townCellsOf(byKey: Map<string, WorldPlace[]>): Map<number, WorldPlace[]> {
  const cells = new Map<number, WorldPlace[]>();
  const seen = new Set<WorldPlace>();
  for (const places of byKey.values()) {
    for (const p of places) {
      if (p.kind !== "town" || seen.has(p) || Number.isNaN(p.lat)) continue;
      seen.add(p);
      const cell = cellNumber(Math.floor(p.lat / TOWN_CELL_DEGREES), Math.floor(p.lon / TOWN_CELL_DEGREES));
      if (cell === null) continue;
      const list = cells.get(cell);
      if (list) list.push(p);
      else cells.set(cell, [p]);
    }
  }
  return cells;
}
