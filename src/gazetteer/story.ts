// The story's own countries, ranked: where a report is about decides what its ambiguous names
// mean ("Sosa" in a story about Iraq is not the Mexican town; "the National Penitentiary" in a
// story about Honduras is not Haiti's; "the capital" is the story country's capital).
// Evidence, strongest first: the dateline ("GUAYAQUIL, Ecuador -"), facilities the gazetteer
// knows, country names and curated places, demonyms ("Iraqi police").
import type { PlaceRef } from "../model/incident.ts";
import { nameCore } from "./facility-heads.ts";
import { getLexicon } from "./lexicon.ts";
import { findPlace } from "./lookup.ts";
import type { Proposal } from "./match.ts";
import { foldName } from "./normalize.ts";
import { getWorldIndex } from "./world.ts";

export interface Story {
  /** ISO2 codes, most evidence first. */
  countries: string[];
  /** Position of each country in `countries` (0 is the story's first country). */
  rank: ReadonlyMap<string, number>;
  /** The town of the dateline, when the report opens with one. */
  dateline: PlaceRef | null;
}

/** A story about the given countries, in order, with no dateline. */
export function storyOf(countries: string[], dateline: PlaceRef | null = null): Story {
  return { countries, rank: new Map(countries.map((c, i) => [c, i])), dateline };
}

/** Weight of each kind of evidence for a country. */
export const STORY_WEIGHT = { dateline: 4, facility: 3, country: 2, place: 2, capital: 2, division: 1, demonym: 1, hint: 1, neighbour: 0 } as const;
const WEIGHT = STORY_WEIGHT;

/** Evidence the caller found itself among the bulk towns: a national capital ("Jakarta"), a division ("Pennsylvania"). */
export interface CountryEvidence {
  country: string;
  weight: number;
  at: number;
}
/** A dateline stands at the start of one of the first lines: "ASUNCION, Jan 20 (AFP) -", "OUAGADOUGOU:". */
const DATELINE = /^[ \t]*([A-Z][A-Z'’.-]+(?:[ -][A-Z][A-Z'’.-]+){0,3})(?=\s*(?:,|:|\(|[-–—]\s))/;
/** Lines of the text searched for a dateline (the headline may stand before it). */
const DATELINE_LINES = 4;

/** Ranks the countries a text is about from its gazetteer proposals; `hint` adds the caller's. */
export function readStory(text: string, proposals: Proposal[], hint: Iterable<string> = [], extra: CountryEvidence[] = []): Story {
  const weight = new Map<string, number>();
  const first = new Map<string, number>();
  const add = (country: string | null | undefined, w: number, at: number): void => {
    if (!country) return;
    weight.set(country, (weight.get(country) ?? 0) + w);
    if (!first.has(country) || at < first.get(country)!) first.set(country, at);
  };
  for (const country of hint) add(country, WEIGHT.hint, Infinity);
  for (const e of extra) add(e.country, e.weight, e.at);
  for (const p of proposals) {
    const value = p.value as { country?: string | null; place?: PlaceRef | null };
    // a generic name ("National Penitentiary") or a place's ("San Pedro prison") is no evidence:
    // several countries have one
    if (p.rule === "gazetteer.facility.alias") {
      if (distinctive(text.slice(p.start, p.end))) add(value.place?.country, WEIGHT.facility, p.start);
    }
    else if (p.rule === "gazetteer.country" && !partOfPersonName(text, p)) add(value.country, neighbourNamed(text, p) ? WEIGHT.neighbour : WEIGHT.country, p.start);
    else if (p.rule === "gazetteer.place.curated") add(value.country, WEIGHT.place, p.start);
    else if (p.rule === "gazetteer.demonym") add(value.country, WEIGHT.demonym, p.start);
  }
  const dateline = datelinePlace(text, proposals, [...weight.keys()]);
  if (dateline) add(dateline.country, WEIGHT.dateline, -1);
  const countries = [...weight.keys()].sort((a, b) => weight.get(b)! - weight.get(a)! || first.get(a)! - first.get(b)!);
  return storyOf(countries, dateline);
}

/** A facility name of its own: not generic, not a town's name. */
function distinctive(name: string): boolean {
  const core = nameCore(name);
  return core.length > 0 && !getWorldIndex().byKey.has(foldName(name.slice(core[0].start, core[core.length - 1].end)));
}

/** "the border with Algeria", "border posts with Ghana": a neighbour named to say which border, not what the story is about. */
function neighbourNamed(text: string, p: Proposal): boolean {
  return NEIGHBOUR_BEFORE.test(text.slice(Math.max(0, p.start - 40), p.start));
}
const NEIGHBOUR_BEFORE = /\b(?:(?:borders?|frontiers?)(?:\s+(?:posts?|crossings?|areas?|regions?))?\s+with|bordering)\s+$/i;

/** "warden Howard Holland", "Holland said": a country's name that is a person's. */
function partOfPersonName(text: string, p: Proposal): boolean {
  return PERSON_BEFORE.test(text.slice(Math.max(0, p.start - 20), p.start)) || PERSON_AFTER.test(text.slice(p.end, p.end + 12));
}
/** A capitalised word right before, not at a sentence start ("Howard Holland"). */
const PERSON_BEFORE = /[a-z,]\s+[A-Z][a-z]+\s$/;
/** A speech verb right after ("Holland said"). */
const PERSON_AFTER = /^\s(?:said|says|told|added)\b/;

/** The town of an upper-case dateline, read through the countries the text names. */
function datelinePlace(text: string, proposals: Proposal[], countries: string[]): PlaceRef | null {
  let lineStart = 0;
  for (let line = 0; line < DATELINE_LINES && lineStart < text.length; line++) {
    const lineEnd = text.indexOf("\n", lineStart);
    const m = DATELINE.exec(text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd));
    if (m) {
      const name = m[1];
      const curated = proposals.find((p) => p.start === lineStart + m.index + (m[0].length - name.length) && p.kind === "place");
      const place = (curated?.value as PlaceRef | undefined) ?? placeInCountries(name, countries);
      if (place && place.precision !== "country") return place;
    }
    if (lineEnd < 0) break;
    lineStart = lineEnd + 1;
  }
  return null;
}

function placeInCountries(name: string, countries: string[]): PlaceRef | null {
  for (const country of countries) {
    const place = findPlace(name, country);
    if (place?.country === country) return place;
  }
  return countries.length === 0 ? findPlace(name) : null;
}

/** The capital of the story's first country ("the prison in the capital"). */
export function storyCapital(story: Story): PlaceRef | null {
  const country = story.countries[0];
  if (!country) return null;
  for (const capital of getLexicon().capitals.get(country) ?? []) {
    const place = findPlace(capital, country);
    if (place?.country === country) return place;
  }
  return null;
}

