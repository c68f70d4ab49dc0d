// The curated lexicon: every alias of every facility, place, country, demonym and actor, keyed by
// its normalised name. Built once, on first use (a few thousand aliases: milliseconds).
import type { FacilityRef, PlaceRef, PlacePrecision } from "../model/incident.ts";
import {
  loadActors, loadCountries, loadCountryAliases, loadDemonyms, loadFacilities, loadFocusCountries, loadPlaces, loadStoplist,
  type ActorKind, type ActorRecord, type FacilityRecord, type PlaceKind, type PlaceRecord,
} from "./data.ts";
import { foldName } from "./normalize.ts";
import { tokenize, type Token } from "./tokens.ts";

/** What the text must look like for an alias word to match: acronyms exactly, names capitalised. */
export type CaseRule = { exact: string } | "capitalised" | "any";

export interface AliasPattern {
  key: string;
  /** One rule per non-article word of the alias. */
  rules: CaseRule[];
  /** The alias starts with "the", which the text must have too ("the monitor", not "to monitor"). */
  afterThe: boolean;
}

/** Extra conditions an entry puts on the text besides its key and case rules. */
export interface EntryGuards {
  rules: CaseRule[];
  afterThe: boolean;
  /** Countries and demonyms must also agree on the folded spelling (no phonetic "They" = "Thai"). */
  fold?: string;
}

/** Actor payload of an "actor" annotation. */
export interface ActorRef {
  id: string;
  name: string;
  kind: ActorKind;
  /** The name can be cited as the source of a claim. */
  source: boolean;
  country: string | null;
}

/** Place payload of a "gazetteer.demonym" annotation: a country named by its adjective. */
export type DemonymRef = PlaceRef & { demonym: true };

export type LexiconEntry =
  | ({ type: "facility"; id: string; value: FacilityRef } & EntryGuards)
  | ({ type: "place"; id: string; value: PlaceRef } & EntryGuards)
  | ({ type: "country"; id: string; value: PlaceRef } & EntryGuards)
  | ({ type: "demonym"; id: string; value: DemonymRef } & EntryGuards)
  | ({ type: "actor"; id: string; value: ActorRef } & EntryGuards);

export interface Lexicon {
  byKey: Map<string, LexiconEntry[]>;
  /** Every key and every word-boundary prefix of a key: lets a scan stop early. */
  prefixes: Set<string>;
  maxWords: number;
  places: Map<string, PlaceRecord>;
  facilities: Map<string, FacilityRecord>;
  actors: Map<string, ActorRecord>;
  countries: Map<string, PlaceRef>;
  /** National capitals by country, as folded names (a tie-break for ambiguous towns). */
  capitals: Map<string, Set<string>>;
  /** Countries most reports come from (data; a tie-break for ambiguous towns). */
  focusCountries: Set<string>;
  /** Folded (foldName) words never read as a town from the bulk dataset. */
  stopFolds: Set<string>;
}

const PRECISION_OF_KIND: Record<PlaceKind, PlacePrecision> = {
  town: "town", neighbourhood: "town", admin1: "admin1", country: "country", region: "region",
};

function ruleOf(token: Token): CaseRule {
  if (token.case === "upper") return { exact: token.text };
  if (token.case === "title") return "capitalised";
  return "any";
}

/** Compiles an alias with the text tokenizer, so that alias and text split the same way. */
export function compileAlias(alias: string): AliasPattern {
  const all = tokenize(alias);
  const words = all.filter((t) => t.key !== "");
  const afterThe = all.length > 1 && all[0].text.toLowerCase() === "the";
  return { key: words.map((t) => t.key).join(" "), rules: words.map(ruleOf), afterThe };
}

/** True when the text tokens (articles removed) satisfy the alias's case rules. */
export function casesMatch(rules: CaseRule[], words: Token[]): boolean {
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    const word = words[i];
    // Hyphenated names can fold into fewer text words than alias words ("Koton-Karfe"): the
    // words there are have been checked; the key already matched the rest.
    if (word === undefined) break;
    if (rule === "any") continue;
    if (rule === "capitalised") {
      if (word.case !== "title" && word.case !== "upper") return false;
    } else if (word.text !== rule.exact) return false;
  }
  return true;
}

export function placeRefOf(p: PlaceRecord): PlaceRef {
  return { id: p.id, name: p.name, admin1: p.admin1, country: p.country, lat: p.lat, lon: p.lon, precision: PRECISION_OF_KIND[p.kind] };
}

export function facilityRefOf(f: FacilityRecord, places: Map<string, PlaceRecord>): FacilityRef {
  const town = f.town ? places.get(f.town) : undefined;
  const place: PlaceRef = {
    ...(town ? { id: town.id } : {}),
    name: town?.name ?? f.townName ?? f.name,
    admin1: f.admin1,
    country: f.country,
    lat: f.lat,
    lon: f.lon,
    precision: "facility",
  };
  return { id: f.id, name: f.name, kind: f.kind, place };
}

export function actorRefOf(a: ActorRecord): ActorRef {
  return { id: a.id, name: a.name, kind: a.kind, source: a.source, country: a.country };
}

/** world-countries alternative spellings that are codes ("SY", "USA") collide with words; skip them. */
const MIN_ALT_SPELLING_LENGTH = 4;

function buildLexicon(): Lexicon {
  const stopFolds = new Set(loadStoplist().map(foldName));
  const byKey = new Map<string, LexiconEntry[]>();
  const prefixes = new Set<string>();
  let maxWords = 1;
  const add = (alias: string, make: (guards: EntryGuards) => LexiconEntry, foldExact = false): void => {
    const { key, rules, afterThe } = compileAlias(alias);
    if (key === "") return;
    const entry = make({ rules, afterThe, ...(foldExact ? { fold: foldName(alias) } : {}) });
    const list = byKey.get(key) ?? [];
    if (list.some((e) => e.type === entry.type && e.id === entry.id)) return;
    list.push(entry);
    byKey.set(key, list);
    const words = key.split(" ");
    maxWords = Math.max(maxWords, words.length);
    for (let i = 1; i <= words.length; i++) prefixes.add(words.slice(0, i).join(" "));
  };

  // 1. Curated places and facilities: names and aliases.
  const places = new Map(loadPlaces().map((p) => [p.id, p]));
  for (const p of places.values()) {
    const value = placeRefOf(p);
    for (const alias of [p.name, ...p.aliases]) add(alias, (guards) => ({ type: "place", id: p.id, ...guards, value }));
  }
  const facilities = new Map(loadFacilities().map((f) => [f.id, f]));
  for (const f of facilities.values()) {
    const value = facilityRefOf(f, places);
    for (const alias of [f.name, ...f.aliases]) add(alias, (guards) => ({ type: "facility", id: f.id, ...guards, value }));
  }

  // 2. Countries: world-countries names plus our own aliases; capitals for town tie-breaks.
  const countries = new Map<string, PlaceRef>();
  const capitals = new Map<string, Set<string>>();
  const extra = loadCountryAliases();
  const demonymsFromDataset: Array<[string, string]> = [];
  for (const c of loadCountries()) {
    const value: PlaceRef = {
      id: `country:${c.cca2}`, name: c.name.common, admin1: null, country: c.cca2,
      lat: c.latlng[0] ?? null, lon: c.latlng[1] ?? null, precision: "country",
    };
    countries.set(c.cca2, value);
    capitals.set(c.cca2, new Set(c.capital.map(foldName)));
    const names = [c.name.common, c.name.official, ...c.altSpellings.filter((s) => s.length >= MIN_ALT_SPELLING_LENGTH), ...(extra[c.cca2] ?? [])];
    for (const name of names) {
      if (!stopFolds.has(foldName(name))) add(name, (guards) => ({ type: "country", id: value.id!, ...guards, value }), true);
    }
    const eng = c.demonyms?.eng;
    if (eng) demonymsFromDataset.push([eng.m, c.cca2], [eng.f, c.cca2]);
  }

  // 3. Demonyms: our file first (it settles "Congolese" -> CD), then the dataset's.
  const addDemonym = (word: string, iso2: string): void => {
    const country = countries.get(iso2);
    if (!country) return;
    const key = compileAlias(word).key;
    if (byKey.get(key)?.some((e) => e.type === "demonym")) return;
    const value: DemonymRef = { ...country, demonym: true };
    add(word, (guards) => ({ type: "demonym", id: country.id!, ...guards, value }), true);
  };
  for (const [word, iso2] of Object.entries(loadDemonyms())) addDemonym(word, iso2);
  for (const [word, iso2] of demonymsFromDataset) addDemonym(word, iso2);

  // 4. Actors and sources.
  const actors = new Map(loadActors().map((a) => [a.id, a]));
  for (const a of actors.values()) {
    const value = actorRefOf(a);
    for (const alias of [a.name, ...a.aliases]) add(alias, (guards) => ({ type: "actor", id: a.id, ...guards, value }));
  }

  // 5. Focus countries: where detention-facility reports mostly come from (data). A tie-break for
  // bulk towns that exist in several countries ("Kano", "Beni").
  const focusCountries = new Set<string>(loadFocusCountries());

  return { byKey, prefixes, maxWords, places, facilities, actors, countries, capitals, stopFolds, focusCountries };
}

let lexicon: Lexicon | null = null;

/** The curated lexicon, built on first use. */
export function getLexicon(): Lexicon {
  lexicon ??= buildLexicon();
  return lexicon;
}
