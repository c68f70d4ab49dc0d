// Where the text puts a facility: the place phrase right after its name ("the Kakwangura prison in
// Butembo", "a penitentiary outside Guayaquil", "Evin prison in the Iranian capital Tehran", "the
// central prison of Aleppo", "the prison in the capital"), or the place that owns it ("Conakry's
// central prison").
import type { PlaceRef } from "../model/incident.ts";
import { getLexicon } from "./lexicon.ts";
import type { Proposal } from "./match.ts";
import { storyCapital, type Story } from "./story.ts";
import { adjacent, type Token } from "./tokens.ts";

export interface Where {
  place: PlaceRef;
  /** End of the place phrase in the text. */
  end: number;
  /** The place as the text spells it ("Butembo"). */
  text: string;
}

/** Prepositions that put a facility at a place, as folded word sequences. */
const AT_PLACE: string[][] = [["in"], ["at"], ["near"], ["outside"], ["just", "outside"], ["close", "to"], ["on", "the", "outskirts", "of"], ["in", "the", "outskirts", "of"]];
const AT_PLACE_OR_OF = [...AT_PLACE, ["of"]];
const PREPOSITION_STARTS = new Set(AT_PLACE_OR_OF.map((seq) => seq[0]));
/** Nouns that introduce a place's name ("the northern city of Mosul", "the capital Tehran"). */
const SETTING_NOUNS = new Set(["city", "town", "village", "capital", "district", "province", "state", "region", "suburb", "suburbs", "outskirts", "area", "municipality", "governorate", "county", "commune", "locality"]);
/** Adjectives of direction or size before a setting noun ("northwestern", "second-largest"). */
const SETTING_ADJECTIVE = /^(?:(?:north|south)?(?:east|west)?(?:ern)?|north|south|central|northern|southern|eastern|western|restive|border|coastal|port|largest|second|second-largest|main|commercial|nearby|neighbouring|neighboring|provincial|southeastern|southwestern|northeastern|northwestern|north-eastern|north-western|south-eastern|south-western|oil-rich|holy|ancient)$/;
/** Words a place phrase may skip before the name itself. */
const MAX_SETTING_WORDS = 5;

/** Place proposals by start offset, longest first, and by end offset. */
export interface PlaceIndex {
  get(start: number): Proposal[] | undefined;
  has(start: number): boolean;
  endingAt: Map<number, Proposal[]>;
}

export function indexPlaces(places: Proposal[]): PlaceIndex {
  const byStart = new Map<number, Proposal[]>();
  const endingAt = new Map<number, Proposal[]>();
  for (const p of [...places].sort((a, b) => b.end - a.end)) {
    const starting = byStart.get(p.start);
    if (starting) starting.push(p);
    else byStart.set(p.start, [p]);
    const ending = endingAt.get(p.end);
    if (ending) ending.push(p);
    else endingAt.set(p.end, [p]);
  }
  return { get: (start) => byStart.get(start), has: (start) => byStart.has(start), endingAt };
}

/**
 * The place named right after a facility word, from token `next` on; `of` admits "the prison of
 * X" (only for facilities with no name of their own).
 */
export function placeAfter(text: string, tokens: Token[], next: number, places: PlaceIndex, story: Story, of: boolean): Where | null {
  const first = tokens[next]?.text.toLowerCase();
  if (!first || !PREPOSITION_STARTS.has(first)) return null;
  const prepositions = of ? AT_PLACE_OR_OF : AT_PLACE;
  const words = prepositions.find((seq) => seq.every((w, k) => tokens[next + k]?.text.toLowerCase() === w && (k === 0 ? adjacent(text, tokens[next - 1], tokens[next]) : adjacent(text, tokens[next + k - 1], tokens[next + k]))));
  if (!words) return null;
  let i = next + words.length;
  let capital = false;
  const { byKey } = getLexicon();
  for (let skipped = 0; i < tokens.length && skipped <= MAX_SETTING_WORDS; skipped++, i++) {
    if (!adjacent(text, tokens[i - 1], tokens[i])) return null;
    const t = tokens[i];
    const found = places.get(t.start)?.[0];
    if (found) return { place: found.value as PlaceRef, end: found.end, text: text.slice(found.start, found.end) };
    const lower = t.text.toLowerCase();
    if (lower === "the" || lower === "of" || SETTING_ADJECTIVE.test(lower)) continue;
    if (SETTING_NOUNS.has(lower)) {
      capital ||= lower === "capital";
      continue;
    }
    // "the Iranian capital Tehran": a demonym before the setting noun
    if (t.case === "title" && (byKey.get(t.key) ?? []).some((e) => e.type === "demonym")) continue;
    break;
  }
  // "the prison in the capital": the capital of the story's country
  const last = tokens[i - 1];
  if (capital && last?.text.toLowerCase() === "capital") {
    const place = storyCapital(story);
    if (place) return { place, end: last.end, text: place.name };
  }
  return null;
}

/** The place that owns a facility through a possessive ("Conakry's central prison", "Haiti's"). */
export function placeOwning(owner: Token, places: PlaceIndex): Where | null {
  const found = places.endingAt.get(owner.end)?.find((p) => p.start <= owner.start);
  return found ? { place: found.value as PlaceRef, end: found.end, text: owner.text } : null;
}
