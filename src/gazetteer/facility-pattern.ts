// Recogniser of detention facilities the gazetteer lacks, from the shape of their names:
// "the Kakwangura prison", "Ikot Ekpene Custodial Centre", "Camp Bucca", "a prison in Raqqa".
// A name is one to five capitalised words before a facility word; demonyms ("a Syrian prison"),
// compounds ("a Kurdish-run jail") and generic words ("the Central Prison") are not names.
import type { FacilityKind, FacilityRef, PlaceRef } from "../model/incident.ts";
import { loadFacilityHeads } from "./data.ts";
import { compileAlias, getLexicon } from "./lexicon.ts";
import { findFacility } from "./lookup.ts";
import { foldName, normalizeName, slugOf } from "./normalize.ts";
import { adjacent, type Token } from "./tokens.ts";
import { RANK, type Proposal } from "./match.ts";

/** Most words a facility's own name has before its facility word ("Kuje Medium Security"). */
export const MAX_NAME_WORDS = 5;
const RULE = "gazetteer.facility.pattern";

interface Head {
  keys: string[];
  phrase: string;
  kind: FacilityKind;
  position: "suffix" | "prefix";
}

interface Heads {
  /** Heads by their first word's key, longest first. */
  byFirstKey: Map<string, Head[]>;
  generic: Set<string>;
}

let compiled: Heads | null = null;
function heads(): Heads {
  if (!compiled) {
    const data = loadFacilityHeads();
    const list = data.heads.map((h) => ({ keys: compileAlias(h.phrase).key.split(" "), phrase: h.phrase.toLowerCase(), kind: h.kind, position: h.position }));
    list.sort((a, b) => b.keys.length - a.keys.length);
    const byFirstKey = new Map<string, Head[]>();
    for (const head of list) byFirstKey.set(head.keys[0], [...(byFirstKey.get(head.keys[0]) ?? []), head]);
    compiled = { byFirstKey, generic: new Set(data.genericNameWords.map(foldName)) };
  }
  return compiled;
}

function headAt(text: string, tokens: Token[], h: number, position: Head["position"]): Head | null {
  for (const head of heads().byFirstKey.get(tokens[h].key) ?? []) {
    if (head.position !== position) continue;
    let ok = true;
    for (let k = 0; k < head.keys.length && ok; k++) {
      const t = tokens[h + k];
      ok = !!t && t.key === head.keys[k] && (k === 0 || adjacent(text, tokens[h + k - 1], t));
    }
    if (ok) return head;
  }
  return null;
}

/** Words that make up a name: capitalised, not a compound's tail, not a standalone "the". */
function isNameWord(t: Token): boolean {
  return (t.case === "title" || t.case === "upper") && !t.compoundSuffix && (t.key !== "" || /^[AaEe]l$/.test(t.text));
}

/** True when the words are no proper name: generic, demonyms, actors or countries. */
function notAName(words: Token[]): boolean {
  const { byKey, stopFolds } = getLexicon();
  const { generic } = heads();
  if (words.every((w) => generic.has(w.fold) || stopFolds.has(w.fold) || w.key === "")) return true;
  const key = words.filter((w) => w.key !== "").map((w) => w.key).join(" ");
  return (byKey.get(key) ?? []).some((e) => e.type === "actor" || e.type === "demonym" || e.type === "country");
}

/** The words that end a facility's name ("prison", "custodial centre"), lower-cased, longest first. */
export function facilityHeadWords(): string[] {
  headWords ??= [...new Set(loadFacilityHeads().heads.filter((h) => h.position === "suffix").map((h) => h.phrase.toLowerCase()))].sort((a, b) => b.length - a.length);
  return headWords;
}
let headWords: string[] | null = null;

/** Number words and determiners never start a name ("Two prison guards"). */
const NOT_NAME_WORDS = new Set(loadFacilityHeads().notNameWords);

function isDemonymOrStopword(t: Token): boolean {
  const { byKey, stopFolds } = getLexicon();
  if (NOT_NAME_WORDS.has(t.text)) return true;
  return (t.sentenceStart && stopFolds.has(t.fold)) || (byKey.get(t.key) ?? []).some((e) => e.type === "demonym");
}

function mint(name: string, nameWords: Token[], head: Head, place: PlaceRef | null): FacilityRef {
  const curated = findFacility(name);
  if (curated) return curated;
  const key = normalizeName(nameWords.map((w) => w.text).join(" "));
  const id = head.position === "prefix" ? slugOf(`${head.phrase} ${key}`) : slugOf(`${key} ${head.phrase}`);
  return { id, name, kind: head.kind, place };
}

/** Proposes facility annotations; `places` are the place proposals already found in the text. */
export function recogniseFacilities(text: string, tokens: Token[], places: Proposal[], countries: Set<string>): Proposal[] {
  void countries;
  const out: Proposal[] = [];
  // Places by start offset, built once: filtering every place for every facility word cost the
  // product of the two on a long page.
  const placesByStart = new Map<number, Proposal[]>();
  for (const p of places) {
    const list = placesByStart.get(p.start);
    if (list) list.push(p);
    else placesByStart.set(p.start, [p]);
  }
  const placeStartingAt = (offset: number, before = Infinity): Proposal | undefined =>
    (placesByStart.get(offset) ?? []).filter((p) => p.end <= before).sort((a, b) => b.end - a.end)[0];
  const placeAfterIn = (last: Token, next: number): Proposal | undefined => {
    const word = tokens[next];
    if (!word || word.text !== "in" || !adjacent(text, last, word) || !tokens[next + 1]) return undefined;
    const target = tokens[next + 1];
    return placeStartingAt(target.start) ?? placeStartingAt(tokens[next + 2]?.start ?? -1);
  };

  for (let h = 0; h < tokens.length; h++) {
    const prefix = tokens[h].case === "title" ? headAt(text, tokens, h, "prefix") : null;
    const head = prefix && tokens[h + 1]?.case === "title" ? prefix : headAt(text, tokens, h, "suffix");
    if (!head) continue;
    const headEnd = tokens[h + head.keys.length - 1];
    const afterHead = tokens[h + head.keys.length];

    if (head.position === "prefix") {
      if (tokens[h].case !== "title") continue;
      const words: Token[] = [];
      for (let k = h + 1; k < tokens.length && words.length < MAX_NAME_WORDS - 1; k++) {
        if (!adjacent(text, tokens[k - 1], tokens[k]) || !isNameWord(tokens[k]) || tokens[k - 1].possessive) break;
        words.push(tokens[k]);
      }
      if (words.length === 0 || notAName(words)) continue;
      const end = words[words.length - 1].end;
      const value = mint(text.slice(tokens[h].start, end), words, head, null);
      out.push({ kind: "facility", rule: RULE, start: tokens[h].start, end, value, rank: RANK.pattern });
      continue;
    }

    // "Prison Service", "Jail Break": a capitalised facility word followed by more capitals is another name.
    if (headEnd.case === "title" && afterHead && adjacent(text, headEnd, afterHead) && afterHead.case === "title") continue;

    // 1. collect the name backwards
    const words: Token[] = [];
    for (let k = h - 1; k >= 0 && words.length < MAX_NAME_WORDS; k--) {
      const t = tokens[k];
      if (!adjacent(text, t, tokens[k + 1]) || t.possessive || !isNameWord(t)) break;
      words.unshift(t);
    }
    const compoundBefore = tokens[h - 1]?.compoundSuffix && adjacent(text, tokens[h - 1], tokens[h]);
    while (words.length > 0 && isDemonymOrStopword(words[0])) words.shift();

    if (words.length === 0 || notAName(words)) {
      // 2. "a prison in Ras al-Ayn": the facility is named after its town
      if (compoundBefore || words.length > 0) continue;
      const place = placeAfterIn(headEnd, h + head.keys.length);
      const ref = place?.value as PlaceRef | undefined;
      if (!place || !ref || (ref.precision !== "town" && ref.precision !== "facility")) continue;
      const placeText = text.slice(place.start, place.end);
      const name = `${placeText} ${head.phrase}`;
      const value = mint(name, [{ ...tokens[h], text: placeText }], head, ref);
      out.push({ kind: "facility", rule: RULE, start: tokens[h].start, end: place.end, value, rank: RANK.pattern });
      continue;
    }

    // 3. a named facility, placed at the town that starts its name, else at "in <place>" after it
    const start = words[0].start;
    const name = text.slice(start, headEnd.end);
    const inName = placeStartingAt(start, headEnd.start);
    const after = inName ? undefined : placeAfterIn(headEnd, h + head.keys.length);
    const place = ((inName ?? after)?.value as PlaceRef | undefined) ?? null;
    out.push({ kind: "facility", rule: RULE, start, end: headEnd.end, value: mint(name, words, head, place), rank: RANK.pattern });
  }
  return out;
}
