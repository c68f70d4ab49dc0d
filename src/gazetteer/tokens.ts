// Word tokens with offsets, the unit every gazetteer lookup works on. Hyphen- and
// apostrophe-joined words stay one token ("al-Hasaka", "Sina'a", "Croix-des-Bouquets"), except
// compounds such as "SDF-controlled" or "US-led", which split so that the name inside matches.
import { foldName, tokenKey } from "./normalize.ts";

export type TokenCase = "title" | "upper" | "lower" | "other";

export interface Token {
  start: number;
  end: number;
  text: string;
  /** normalizeName of the token; "" for an article standing alone ("Al", "the"). */
  key: string;
  /** foldName of the token (no phonetic folding): the key into the bulk world gazetteer. */
  fold: string;
  case: TokenCase;
  /** The first word of a sentence: its capital letter says nothing about being a name. */
  sentenceStart: boolean;
  /** The "-led" of "US-led": part of the compound, never the start of a name. */
  compoundSuffix: boolean;
  /** The token ended in "'s", which was cut off ("Hasakah’s"). */
  possessive: boolean;
}

// Letters/digits, optionally joined by one apostrophe or hyphen: the joiners are outside the word
// class, so matching is linear on any input.
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’ʼʿʾ‘\-‐‑][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;
/** The word ends in 's or ’s (either case of s): tested by character, as it runs on every word of a page. */
function endsPossessive(word: string): boolean {
  const s = word.charCodeAt(word.length - 1);
  const quote = word.charAt(word.length - 2);
  return (s === 115 || s === 83) && (quote === "'" || quote === "’");
}
const ARTICLE_PREFIX = /^(?:al|el|ar|as|ash|ad|az|at|an|ez|es|ed|er|ul)[-‐‑]/i;
/** Second halves of compounds that qualify the first ("Kurdish-run", "SDF-held"). */
export const COMPOUND_SUFFIXES: ReadonlySet<string> = new Set([
  "led", "backed", "run", "controlled", "held", "linked", "affiliated", "based", "allied", "dominated",
  "aligned", "supported", "operated", "owned", "funded", "sponsored", "style", "era", "bound", "born",
  "managed", "guarded", "administered", "occupied", "majority", "friendly", "leaning", "inspired",
]);
const COMPOUND = /^(.+)[-‐‑]([A-Za-z]+)$/;
/** Only a word with a hyphen can be a compound: most words skip COMPOUND's backtracking. */
const HYPHEN = /[-‐‑]/;
const SENTENCE_END = /[.!?:;\n"“”]/;

function caseOf(text: string): TokenCase {
  const word = ARTICLE_PREFIX.test(text) ? text.slice(text.search(/[-‐‑]/) + 1) : text;
  const first = word.charAt(0);
  if (first.toLowerCase() === first.toUpperCase()) return "other";
  if (first !== first.toUpperCase()) return "lower";
  // all capitals ("ISIS", "AL-HASAKA") when no later letter is lower-case
  let letters = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word[i];
    const lower = c.toLowerCase();
    if (lower === c.toUpperCase()) continue;
    if (c === lower) return "title";
    letters++;
  }
  return letters > 1 ? "upper" : "title";
}

/** True when only spaces or opening quotes/brackets separate `offset` from a sentence end or the text start. */
function startsSentence(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text.charAt(i);
    if (c === " " || c === "\t" || c === "(" || c === "‘" || c === "'") continue;
    return SENTENCE_END.test(c);
  }
  return true;
}

/** Word keys repeat across documents; caching them (and the case) keeps matching well under a millisecond. */
const KEY_CACHE_LIMIT = 50_000;
const keyCache = new Map<string, [string, string, TokenCase]>();

function keysOf(raw: string): [string, string, TokenCase] {
  let keys = keyCache.get(raw);
  if (!keys) {
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    keys = [tokenKey(raw), foldName(raw), caseOf(raw)];
    keyCache.set(raw, keys);
  }
  return keys;
}

function makeToken(text: string, start: number, end: number, compoundSuffix: boolean, possessive: boolean): Token {
  const raw = text.slice(start, end);
  const [key, fold, wordCase] = keysOf(raw);
  return {
    start, end, text: raw, key, fold, case: wordCase,
    sentenceStart: !compoundSuffix && startsSentence(text, start), compoundSuffix, possessive,
  };
}

/** Splits text into word tokens with exact offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    let word = m[0];
    let possessive = false;
    if (word.length > 3 && endsPossessive(word)) {
      word = word.slice(0, -2);
      possessive = true;
    }
    const end = start + word.length;
    const compound = HYPHEN.test(word) ? COMPOUND.exec(word) : null;
    if (compound && COMPOUND_SUFFIXES.has(compound[2].toLowerCase())) {
      const headEnd = start + compound[1].length;
      tokens.push(makeToken(text, start, headEnd, false, false));
      tokens.push(makeToken(text, headEnd, end, true, possessive));
      continue;
    }
    tokens.push(makeToken(text, start, end, false, possessive));
  }
  return tokens;
}

/** True when tokens a and b (a before b) are separated by plain spaces only, on one line. */
export function adjacent(text: string, a: Token, b: Token): boolean {
  if (b.compoundSuffix) return b.start === a.end;
  const gap = b.start - a.end;
  if (gap < 1 || gap > 2) return false;
  for (let i = a.end; i < b.start; i++) {
    const c = text.charAt(i);
    if (c !== " " && c !== "\u00a0") return false;
  }
  return true;
}
