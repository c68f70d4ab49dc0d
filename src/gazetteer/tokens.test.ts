import { test } from "node:test";
import assert from "node:assert/strict";
import { COMPOUND_SUFFIXES, tokenize } from "./tokens.ts";

// The tokenizer as it was written with regular expressions: the character scanner must split
// every text exactly as it did (same offsets, same possessives and compounds).
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’ʼʿʾ‘\-‐‑][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;
const COMPOUND = /^(.+)[-‐‑]([A-Za-z]+)$/;

interface Split { start: number; end: number; compoundSuffix: boolean; possessive: boolean }

function referenceSplit(text: string): Split[] {
  const out: Split[] = [];
  for (const m of text.matchAll(WORD)) {
    let word = m[0];
    let possessive = false;
    if (word.length > 3 && /['’][sS]$/.test(word)) {
      word = word.slice(0, -2);
      possessive = true;
    }
    const end = m.index + word.length;
    const compound = COMPOUND.exec(word);
    if (compound && COMPOUND_SUFFIXES.has(compound[2].toLowerCase())) {
      const headEnd = m.index + compound[1].length;
      out.push({ start: m.index, end: headEnd, compoundSuffix: false, possessive: false });
      out.push({ start: headEnd, end, compoundSuffix: true, possessive });
      continue;
    }
    out.push({ start: m.index, end, compoundSuffix: false, possessive });
  }
  return out;
}

const split = (text: string): Split[] => tokenize(text).map(({ start, end, compoundSuffix, possessive }) => ({ start, end, compoundSuffix, possessive }));

test("tokenize: names with joiners, possessives and compounds", () => {
  const text = "Guards at Hasakah’s al-Hasaka jail met SDF-controlled units, Sina'a and the US-led fore-run.";
  const words = tokenize(text).map((t) => t.text);
  assert.deepEqual(words, ["Guards", "at", "Hasakah", "al-Hasaka", "jail", "met", "SDF", "-controlled", "units", "Sina'a", "and", "the", "US", "-led", "fore", "-run"]);
});

test("tokenize: a joiner not followed by a letter ends the word", () => {
  assert.deepEqual(tokenize("rock-'n' roll - well- done'").map((t) => t.text), ["rock", "n", "roll", "well", "done"]);
});

/** Pieces random texts are made of: ASCII and other scripts, marks, joiners, astral letters, lone surrogates. */
const PIECES = [
  "a", "Z", "q", "7", "é", "É", "ß", "ı", "Ḩ", "ع", "中", "ж", "\u0301", "\u0651", "²", "½", "Ⅻ", "𝐀", "𝟙", "😀", "\ud800", "\udc00",
  "'", "’", "ʼ", "ʿ", "ʾ", "‘", "-", "‐", "‑", "—", " ", "  ", "\u00a0", "\n", "\t", ".", ",", "(", "\"", "“",
  "'s", "’S", "-led", "-Based", "-era", "-x", "al-", "Hasakah", "US", "SDF", "run",
];

test("tokenize: the scanner splits random texts as the regular expressions did", () => {
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  for (let n = 0; n < 20_000; n++) {
    let text = "";
    const length = 1 + Math.floor(random() * 24);
    for (let k = 0; k < length; k++) text += PIECES[Math.floor(random() * PIECES.length)];
    assert.deepEqual(split(text), referenceSplit(text), JSON.stringify(text));
  }
});

test("tokenize: words keep their keys when the table of known spellings fills up and starts again", () => {
  const before = tokenize("Hasakah’s al-Hasaka Prison").map((t) => [t.text, t.key, t.fold, t.case]);
  // more distinct spellings than the table keeps
  const many = Array.from({ length: 60_000 }, (_, n) => `w${n.toString(36)}x`).join(" ");
  assert.equal(tokenize(many).length, 60_000);
  assert.deepEqual(tokenize("Hasakah’s al-Hasaka Prison").map((t) => [t.text, t.key, t.fold, t.case]), before);
  assert.deepEqual(before, [["Hasakah", "hasaka", "hasakah", "title"], ["al-Hasaka", "hasaka", "hasaka", "title"], ["Prison", "prisun", "prison", "title"]]);
});
