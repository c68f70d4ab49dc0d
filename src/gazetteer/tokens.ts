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
  /** The spelling, shared by every token spelled alike. */
  word: Word;
}

// A word: letters/digits, optionally joined by one apostrophe or hyphen, as the pattern
//   [\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’ʼʿʾ‘\-‐‑][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*
// (global, "u" flag) finds them. It is read by char code below (tokenize) rather than run as that
// pattern: every word of every report is a token, and the match arrays and copies of a regex
// scan cost more than the scan itself. The joiners are outside the word classes, so the scan is
// linear and needs no backtracking.
/** Word-character class of a code point: what the pattern's character classes say of it. */
const NOT_WORD = 0;
/** \p{L} or \p{N}: starts a word, or a part after a joiner, and continues one. */
const LETTER_OR_NUMBER = 1;
/** \p{M} alone: continues a word, never starts one. */
const MARK = 2;
const LETTER_OR_NUMBER_CHAR = /^[\p{L}\p{N}]$/u;
const MARK_CHAR = /^\p{M}$/u;
/** Class + 1 of each BMP code unit, 0 until first asked (the Unicode property tests run once per character). */
const bmpClass = new Uint8Array(0x10000);

function classOfCodePoint(cp: number): number {
  if (cp < 128) return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122) ? LETTER_OR_NUMBER : NOT_WORD;
  if (cp < 0x10000 && bmpClass[cp] !== 0) return bmpClass[cp] - 1;
  const char = String.fromCodePoint(cp);
  const cls = LETTER_OR_NUMBER_CHAR.test(char) ? LETTER_OR_NUMBER : MARK_CHAR.test(char) ? MARK : NOT_WORD;
  if (cp < 0x10000) bmpClass[cp] = cls + 1;
  return cls;
}

/** Class of the code point at `i` (a lone surrogate is no word character, as in the "u" pattern). */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_CLASS[c];
  return c < 0xd800 || c > 0xdbff ? classOfCodePoint(c) : classOfCodePoint(text.codePointAt(i)!);
}

/** Class of each ASCII character: digits and letters only. */
const ASCII_CLASS = Uint8Array.from({ length: 128 }, (_, c) => classOfCodePoint(c));

/** UTF-16 length of the code point at `i`: 2 for a surrogate pair. */
function widthAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
}

/** The apostrophes and hyphens that join two parts of one word ("al-Hasaka", "Sina'a"). */
function isJoiner(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 0x2bc || c === 0x2bf || c === 0x2be || c === 0x2018 || isHyphen(c);
}

function isHyphen(c: number): boolean {
  return c === 45 || c === 0x2010 || c === 0x2011;
}

/** End of the run of word characters (letters, numbers, marks) from `i` on. */
function runEnd(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (ASCII_CLASS[c] === NOT_WORD) break;
      i += 1;
    } else if (classAt(text, i) !== NOT_WORD) i += widthAt(text, i);
    else break;
  }
  return i;
}

const ARTICLE_PREFIX = /^(?:al|el|ar|as|ash|ad|az|at|an|ez|es|ed|er|ul)[-‐‑]/i;
/** Second halves of compounds that qualify the first ("Kurdish-run", "SDF-held"). */
export const COMPOUND_SUFFIXES: ReadonlySet<string> = new Set([
  "led", "backed", "run", "controlled", "held", "linked", "affiliated", "based", "allied", "dominated",
  "aligned", "supported", "operated", "owned", "funded", "sponsored", "style", "era", "bound", "born",
  "managed", "guarded", "administered", "occupied", "majority", "friendly", "leaning", "inspired",
]);
/** A character that ends a sentence before a word (startsSentence): . ! ? : ; line break, quotes. */
function endsSentence(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 58 || c === 59 || c === 10 || c === 34 || c === 0x201c || c === 0x201d;
}

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
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 40 || c === 0x2018 || c === 39) continue;
    return endsSentence(c);
  }
  return true;
}

/** What every token of one spelling shares: its text and keys, computed once. */
export interface Word {
  readonly text: string;
  readonly key: string;
  readonly fold: string;
  readonly case: TokenCase;
  /** What the gazetteer's look-ups said of this spelling, remembered (word-facts.ts); 0 before any. */
  facts: number;
}

/** Spellings kept before the table is emptied: words repeat across documents, names churn. */
const KEY_CACHE_LIMIT = 50_000;
/** Slots of a new table (a power of two); it doubles whenever it is half full. */
const FIRST_SLOTS = 1 << 12;

/**
 * The spellings met so far, found by the characters of the text: a word met before is neither cut
 * out of the text nor hashed as a fresh string (a Map keyed by the cut-out word did both for every
 * word of every report, which was most of tokenizing it). Open addressing with linear probing;
 * each slot holds a word's hash beside its number, so a probe reads one place in memory.
 */
class WordTable {
  /** Per slot: the hash, then the number + 1 of the word (0 for an empty slot). */
  #slots = new Int32Array(2 * FIRST_SLOTS);
  #mask = FIRST_SLOTS - 1;
  #words: Word[] = [];
  #hashes: number[] = [];

  /** The word spelled by text[start..end). */
  at(text: string, start: number, end: number): Word {
    // FNV-1a over the UTF-16 code units
    let hash = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    const slots = this.#slots;
    let slot = hash & this.#mask;
    for (let n = slots[2 * slot + 1]; n !== 0; n = slots[2 * slot + 1]) {
      if (slots[2 * slot] === hash) {
        const word = this.#words[n - 1];
        if (spells(word.text, text, start, end)) return word;
      }
      slot = (slot + 1) & this.#mask;
    }
    const raw = text.slice(start, end);
    const word: Word = { text: raw, key: tokenKey(raw), fold: foldName(raw), case: caseOf(raw), facts: 0 };
    if (this.#words.length >= KEY_CACHE_LIMIT) this.#reset(FIRST_SLOTS);
    else if (2 * (this.#words.length + 1) > this.#mask + 1) this.#reset(2 * (this.#mask + 1));
    this.#add(word, hash);
    return word;
  }

  #add(word: Word, hash: number): void {
    let slot = hash & this.#mask;
    while (this.#slots[2 * slot + 1] !== 0) slot = (slot + 1) & this.#mask;
    this.#words.push(word);
    this.#hashes.push(hash);
    this.#slots[2 * slot] = hash;
    this.#slots[2 * slot + 1] = this.#words.length;
  }

  /** A table of `size` slots: the words kept when it grows, none when it is emptied. */
  #reset(size: number): void {
    const words = size > this.#mask + 1 ? this.#words : [];
    const hashes = size > this.#mask + 1 ? this.#hashes : [];
    this.#slots = new Int32Array(2 * size);
    this.#mask = size - 1;
    this.#words = [];
    this.#hashes = [];
    words.forEach((w, k) => this.#add(w, hashes[k]));
  }
}

/** True when `word` is exactly text[start..end). */
function spells(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

let wordTable: WordTable | null = null;

function makeToken(text: string, start: number, end: number, compoundSuffix: boolean, possessive: boolean): Token {
  wordTable ??= new WordTable();
  const word = wordTable.at(text, start, end);
  return {
    start, end, text: word.text, key: word.key, fold: word.fold, case: word.case,
    sentenceStart: !compoundSuffix && startsSentence(text, start), compoundSuffix, possessive, word,
  };
}

/**
 * The offset of a compound's hyphen when its second half qualifies the first ("SDF-controlled"):
 * only ASCII letters of COMPOUND_SUFFIXES follow the word's last hyphen. Else -1.
 */
function compoundSplit(text: string, lastHyphen: number, end: number): number {
  if (lastHyphen < 0 || lastHyphen >= end - 1) return -1;
  for (let i = lastHyphen + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return -1;
  }
  return COMPOUND_SUFFIXES.has(text.slice(lastHyphen + 1, end).toLowerCase()) ? lastHyphen : -1;
}

/** Splits text into word tokens with exact offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < text.length; ) {
    if (classAt(text, i) !== LETTER_OR_NUMBER) {
      i += widthAt(text, i);
      continue;
    }
    // 1. the word: runs of word characters, joined by an apostrophe or hyphen that a letter or
    // number follows
    const start = i;
    let lastHyphen = -1;
    for (i = runEnd(text, i + widthAt(text, i)); i + 1 < text.length; i = runEnd(text, i + 1 + widthAt(text, i + 1))) {
      const c = text.charCodeAt(i);
      if (!isJoiner(c) || classAt(text, i + 1) !== LETTER_OR_NUMBER) break;
      if (isHyphen(c)) lastHyphen = i;
    }
    // 2. "Hasakah’s": the possessive is cut off (either case of s, straight or curly quote)
    const s = text.charCodeAt(i - 1);
    const quote = text.charCodeAt(i - 2);
    const possessive = i - start > 3 && (s === 115 || s === 83) && (quote === 39 || quote === 0x2019);
    const end = possessive ? i - 2 : i;
    // 3. "US-led": the compound splits so that the name inside matches
    const headEnd = compoundSplit(text, lastHyphen, end);
    if (headEnd >= 0) {
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
