// Recogniser of facilities named through a plural: "attacked prisons in Owerri and Oko", "the
// jails of Tikrit and Baiji", "custodial centres in Kuje, Suleja and Keffi". Each town of the list
// holds one facility, proposed over the town's name, so that a sentence naming two prisons
// attacked tells two attacks (the coordination stage repeats the event at each).
import type { PlaceRef } from "../model/incident.ts";
import { facilityVocabulary, headAt } from "./facility-heads.ts";
import { getLexicon } from "./lexicon.ts";
import { mintFacility } from "./facility-mint.ts";
import { indexPlaces, type PlaceIndex } from "./facility-where.ts";
import { RANK, type Proposal } from "./match.ts";
import type { Story } from "./story.ts";
import { adjacent, type Token } from "./tokens.ts";

const RULE = "gazetteer.facility.plural";
/** Prepositions between the plural and the first town. */
const BEFORE_LIST = new Set(["in", "of", "at"]);
/** What joins towns of one list: "A and B", "A, B and C", "A as well as B". */
const LIST_JOIN = /^(?:,\s+|\s+and\s+|,\s+and\s+|\s+as\s+well\s+as\s+|\s+&\s+)(?:the\s+)?$/;
/** Words of a join that the tokenizer gives as tokens. */
const JOIN_WORDS = new Set(["and", "as", "well", "&", "the", ","]);
/** Between the preposition and the first town. */
const FIRST_GAP = /^\s+(?:the\s+)?$/;
/** Most towns read in one list. */
const MAX_TOWNS = 6;

/** Facility proposals for the towns listed after a plural facility word. */
export function recognisePluralFacilities(text: string, tokens: Token[], places: Proposal[], story: Story): Proposal[] {
  const { plural } = facilityVocabulary();
  const out: Proposal[] = [];
  let index: PlaceIndex | null = null;
  for (let h = 0; h < tokens.length; h++) {
    if (!plural.has(tokens[h].key)) continue;
    const head = tokens[h].case === "lower" ? headAt(text, tokens, h, plural) : null;
    if (!head) continue;
    // most pages have no plural facility word: the places are indexed only for those that do
    index ??= indexPlaces(places);
    const after = h + head.keys.length;
    const preposition = tokens[after];
    if (!preposition || !BEFORE_LIST.has(preposition.text) || !adjacent(text, tokens[after - 1], preposition)) continue;
    const towns = townList(text, tokens, after + 1, index);
    // one town is a plural of one town's facilities ("prisons in Lagos"), not a list of facilities
    if (towns.length < 2) continue;
    for (const town of towns) {
      const name = text.slice(town.start, town.end);
      const value = mintFacility({ name: `${name} ${head.singular}`, core: name, kind: head.kind, place: town.value as PlaceRef, story });
      // over the town's own name: the facility, which carries the town, takes the span
      out.push({ kind: "facility", rule: RULE, start: town.start, end: town.end, value, rank: RANK.facility });
    }
  }
  return out;
}

/** The towns of a list starting at token i: each a town-level place, joined by commas or "and". */
function townList(text: string, tokens: Token[], i: number, index: PlaceIndex): Proposal[] {
  const towns: Proposal[] = [];
  let from = tokens[i - 1]?.end ?? 0;
  for (let k = i; k < tokens.length && towns.length < MAX_TOWNS; k++) {
    const place = index.get(tokens[k].start)?.[0] ?? (towns.length > 0 ? unknownTown(tokens[k], towns[0].value as PlaceRef) : undefined);
    if (!place) {
      if (towns.length > 0 && JOIN_WORDS.has(tokens[k].text)) continue;
      break;
    }
    const gap = text.slice(from, place.start);
    if (towns.length === 0 ? !FIRST_GAP.test(gap) : !LIST_JOIN.test(gap)) break;
    if ((place.value as PlaceRef).precision !== "town") break;
    towns.push(place);
    from = place.end;
    while (k + 1 < tokens.length && tokens[k + 1].end <= place.end) k++;
  }
  return towns;
}

/** "prisons in Owerri and Oko": a later member the gazetteer lacks is a town of the first one's country. */
function unknownTown(t: Token, first: PlaceRef): Proposal | undefined {
  const { stopFolds, byKey } = getLexicon();
  if (t.case !== "title" || t.possessive || stopFolds.has(t.fold) || byKey.has(t.key)) return undefined;
  const value: PlaceRef = { name: t.text, admin1: null, country: first.country, lat: null, lon: null, precision: "town" };
  return { kind: "place", rule: RULE, start: t.start, end: t.end, value, rank: RANK.pattern };
}
