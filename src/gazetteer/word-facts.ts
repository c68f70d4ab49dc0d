// What the gazetteer's look-ups say of one spelling, asked once per spelling and remembered on its
// Word (tokens.ts). The stages ask of every token whether it may open a curated name, a bulk town
// or a facility phrase; most tokens may not, and answering from the word itself spares a probe
// into the lexicon's large tables for each token of each report. The tables never change once
// built, so an answer never goes stale.
import { facilityVocabulary } from "./facility-heads.ts";
import { getLexicon } from "./lexicon.ts";
import type { Token, Word } from "./tokens.ts";
import { getWorldIndex } from "./world.ts";

/** Two bits per fact: asked, then the answer. */
const CURATED_ASKED = 1 << 0;
const CURATED = 1 << 1;
const WORLD_ASKED = 1 << 2;
const WORLD = 1 << 3;
const HEAD_ASKED = 1 << 4;
const HEAD = 1 << 5;
const CONTINUES_ASKED = 1 << 6;
const CONTINUES = 1 << 7;
const KEY_ASKED = 1 << 8;
const KEY = 1 << 9;

function fact(word: Word, asked: number, answer: number, ask: (word: Word) => boolean): boolean {
  if ((word.facts & asked) === 0) word.facts |= asked | (ask(word) ? answer : 0);
  return (word.facts & answer) !== 0;
}

/** Some curated name's key starts with this word's key (Lexicon.prefixes). */
export function opensCuratedName(t: Token): boolean {
  return fact(t.word, CURATED_ASKED, CURATED, (w) => getLexicon().prefixes.has(w.key));
}

/** This word's key alone is a curated key ("Hasakah", "police"), not only the start of one. */
export function namesCuratedEntry(t: Token): boolean {
  return fact(t.word, KEY_ASKED, KEY, (w) => getLexicon().byKey.has(w.key));
}

/** Keys of the words that stand after the first word of some curated key, built on first use. */
let continuations: Set<string> | null = null;

/**
 * The word may stand after the first word of a curated name: false means no n-gram ending with it
 * is a prefix of a curated key, when its key is one word ("prison"; a token such as
 * "Croix-des-Bouquets" has a key of several and is always looked up).
 */
export function continuesCuratedName(t: Token): boolean {
  return fact(t.word, CONTINUES_ASKED, CONTINUES, (w) => {
    if (w.key.includes(" ")) return true;
    if (!continuations) {
      continuations = new Set();
      for (const prefix of getLexicon().prefixes) for (const word of prefix.split(" ").slice(1)) continuations.add(word);
    }
    return continuations.has(w.key);
  });
}

/** Some bulk town or division is named by this word's fold, or by words starting with it. */
export function opensWorldName(t: Token): boolean {
  return fact(t.word, WORLD_ASKED, WORLD, (w) => {
    const { byKey, prefixes } = getWorldIndex();
    return byKey.has(w.fold) || prefixes.has(w.fold);
  });
}

/** Some facility head word (suffix, prefix or reference back) starts with this word's key. */
export function startsFacilityHead(t: Token): boolean {
  return fact(t.word, HEAD_ASKED, HEAD, (w) => {
    const { suffix, prefix, anaphor } = facilityVocabulary();
    return suffix.has(w.key) || prefix.has(w.key) || anaphor.has(w.key);
  });
}
