import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import lexicon from "./lexicon.json" with { type: "json" };
import { PhraseFamily, matchAll, phrasesPattern, phrasesTrie } from "./lexicon.ts";

/** Every phrase list of the lexicon: any array of strings, wherever it sits. */
function phraseLists(node: unknown, out: string[][] = []): string[][] {
  if (Array.isArray(node)) {
    if (node.length > 0 && node.every((x) => typeof x === "string")) out.push(node as string[]);
    else for (const x of node) phraseLists(x, out);
  } else if (node !== null && typeof node === "object") {
    for (const x of Object.values(node)) phraseLists(x, out);
  }
  return out;
}

const LISTS = phraseLists(lexicon);
const found = (pattern: RegExp, text: string) => matchAll(pattern, text).map((m) => [m.start, m.end]);

/** Words of the phrases and what sits around them in prose: case changes, endings, hyphens, quotes. */
function piecesOf(phrases: string[]): string[] {
  const words = [...new Set(phrases.flatMap((p) => p.split(/\s+/)).filter((w) => w !== "~").map((w) => w.replace(/\*$/, "")))];
  const cased = words.flatMap((w) => [w, w.toUpperCase(), w[0].toUpperCase() + w.slice(1), w.slice(0, Math.max(1, w.length - 2))]);
  return [...cased, " ", " ", " ", "  ", "\n", "-", ",", "s", "ed", "’", "'", "x", "the", "two"];
}

test("every phrase list matches the same spans as a trie as one phrase after another", () => {
  assert.ok(LISTS.length > 20, "the lexicon's phrase lists are found");
  for (const phrases of LISTS) {
    const trie = phrasesTrie(phrases);
    const plain = phrasesPattern(phrases);
    // Every phrase alone, and all of them run together, as written.
    for (const text of [...phrases, phrases.join(" "), phrases.join(", ").toUpperCase()]) {
      assert.deepEqual(found(trie, text), found(plain, text), text);
    }
    const piece = fc.constantFrom(...piecesOf(phrases));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const text = pieces.join("");
        assert.deepEqual(found(trie, text), found(plain, text));
      }),
      { numRuns: 150 },
    );
  }
});

test("phrases that are prefixes of one another keep the longest first", () => {
  const pattern = phrasesTrie(["broke out", "broke out of", "broke", "Breakout"]);
  assert.deepEqual(found(pattern, "They broke out of jail; the breakout failed."), [[5, 17], [28, 36]]);
});

test("a phrase family finds, list by list, what a scan per list finds", () => {
  const families = [lexicon.triggers.map((t) => t.phrases), lexicon.countCues.map((c) => c.phrases)];
  for (const lists of families) {
    const family = new PhraseFamily(lists);
    const patterns = lists.map((phrases) => phrasesPattern(phrases));
    const perList = (text: string, from: number, to: number) => {
      const each = patterns.map((p) => matchAll(p, text, from, to));
      return each.some((m) => m.length > 0) ? each : null;
    };
    // Phrases of different lists overlapping and nested ("broke out of" holds "out of").
    const piece = fc.constantFrom(...piecesOf(lists.flat()));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.nat(), fc.nat(), (pieces, a, b) => {
        const text = pieces.join("");
        const [from, to] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y);
        assert.deepEqual(family.matches(text, from, to), perList(text, from, to));
      }),
      { numRuns: 2000 },
    );
    const all = lists.flat().join(" ");
    assert.deepEqual(family.matches(all), perList(all, 0, all.length));
  }
});

test("negative: a sentence without any phrase of the family gives null", () => {
  const family = new PhraseFamily([["broke out"], ["stormed"]]);
  assert.equal(family.matches("The weather stayed calm all week."), null);
  assert.equal(family.matches("outbroke, unstormed"), null);
});
