import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import relevanceData from "./data/relevance.json" with { type: "json" };
import { alternativesOf, factorAlternatives, matchesOf } from "./alternation.ts";

const matches = (source: string, text: string) => [...text.matchAll(new RegExp(`\\b(?:${source})\\b`, "gi"))].map((m) => [m.index, m[0]]);

// Shaped like facility names and head words: plurals, loose spacing, optional apostrophes,
// groups, escapes, a start outside ASCII, prefixes of one another in both orders, case variants.
const ALTERNATIVES = [
  "prison[-\\s]+complex(?:es)?",
  "prisons?",
  "prison[-\\s]+farms?",
  "penitentiar(?:y|ies)",
  "Pénitencier[-\\s]+National",
  "PENITENCIER",
  "jail-?breaks?",
  "al[-\\s]+Hol[-\\s]+camp",
  "al[-\\s]+Hol",
  "Al[-\\s]+Sina['’]?a",
  "İmralı",
  "D\\.I\\.[-\\s]+Khan",
  "camp",
  "camps",
  "A[-\\s]+Block",
  "HMP",
];

const SHAPES: Array<[string[], string]> = [
  [["prisons?", "penitentiary", "camp"], "p(?:risons?|enitentiary)|camp"],
  // One alternative is a prefix of the next: the shorter one still comes first.
  [["camp", "camps"], "camp(?:|s)"],
  // A start that is not a plain character: only neighbours are grouped, in order.
  [["(?:x|y)z", "pa", "pb", "q", "pc"], "(?:x|y)z|p(?:a|b)|q|pc"],
  // Letters that differ only in case start alike.
  [["Prison", "pit"], "P(?:rison|it)"],
  // A quantified first character is not split off.
  [["s?x", "sy"], "s?x|sy"],
  // A back-reference keeps its group's number only if nothing moves.
  [["(a)x\\1", "b", "ay"], "(a)x\\1|b|ay"],
];

test("alternatives share their starts, in order", () => {
  for (const [alternatives, factored] of SHAPES) assert.equal(factorAlternatives(alternatives), factored, alternatives.join("|"));
});

test("the trie finds exactly what the plain alternation finds", () => {
  const factored = factorAlternatives(ALTERNATIVES);
  const plain = ALTERNATIVES.join("|");
  const piece = fc.constantFrom("prison", "s", "es", " complex", " farm", "penitentiar", "y", "ies", "Pénitencier", " National", "PENITENCIER", "jail", "-", "break", "al", " ", "Hol", " camp", "Sina", "’", "a", "İmralı", "x", "D.I.", "Khan", "camp", "A", "Block", "HMP", "\n", ",", "_");
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
      const text = pieces.join("");
      assert.deepEqual(matches(factored, text), matches(plain, text));
    }),
    { numRuns: 1000 },
  );
});

test("a real sentence gives the same facility words either way", () => {
  const text = "Inmates of the prison farm and the PRISON COMPLEX fled; al-Hol camp and the Pénitencier National were calm, D.I. Khan jail-breaks aside.";
  assert.deepEqual(matches(factorAlternatives(ALTERNATIVES), text), matches(ALTERNATIVES.join("|"), text));
});

test("the custody words of the relevance data read the same as a trie", () => {
  const source = relevanceData.custody.pattern;
  const factored = factorAlternatives(alternativesOf(source));
  const piece = fc.constantFrom("inmate", "s", "detainee", "detained", "detention", "prison", "er", "-", " ", "break", "jail", "bird", "house", "lock", "up", "cell", "block", "incarcerat", "ed", "ion", "CUSTODY", "remand", "correctional", "convict", "x", ",", "\n");
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
      const text = pieces.join("");
      assert.deepEqual(matches(factored, text), matches(source, text));
    }),
    { numRuns: 1000 },
  );
});

test("matchesOf gives what matchAll gives, empty matches included", () => {
  for (const [pattern, text] of [[/\b(?:prisons?|jail)\b/gi, "Two prisons, one jail; jailbreak."], [/x*/g, "axxb"], [/\b(?:)\b/gi, "a b"]] as Array<[RegExp, string]>) {
    assert.deepEqual(matchesOf(pattern, text).map((m) => [m.index, m[0]]), [...text.matchAll(pattern)].map((m) => [m.index, m[0]]));
    assert.equal(pattern.lastIndex, 0);
  }
});
