import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { alternativesOf, PhraseScan } from "./phrase-scan.ts";

const found = (matches: RegExpExecArray[] | IterableIterator<RegExpMatchArray>) => [...matches].map((m) => [m.index, m[0]]);
/** What the scan must give: the whole pattern run with "gi". */
const expected = (alternatives: string[], text: string) => found(text.matchAll(new RegExp(`\\b(?:${alternatives.join("|")})\\b`, "gi")));

// Alternatives shaped like the ones the scan is used with: plurals, loose spacing, optional
// apostrophes, groups, a name that starts with a letter outside ASCII, one-letter first words.
const ALTERNATIVES = [
  "prisons?",
  "prison[-\\s]+complex(?:es)?",
  "penitentiar(?:y|ies)",
  "jail-?breaks?",
  "incarcerat(ed|ion)",
  "al[-\\s]+Hol[-\\s]+camp",
  "al[-\\s]+Sina['’]?a",
  "İmralı",
  "Dêrik",
  "A[-\\s]+Block",
  "HMP",
  "El[-\\s]+Rodeo[-\\s]+I",
  "Centro[-\\s]+de[-\\s]+Readaptación",
  "lock-?ups?",
  "D\\.I\\.[-\\s]+Khan",
];

const TABLE: Array<[string, Array<[number, string]>]> = [
  ["Two prisons and a jail-break.", [[4, "prisons"], [18, "jail-break"]]],
  // The first alternative that matches wins, as in the pattern: order them longest first.
  ["PRISON COMPLEXES near al-Hol camp", [[0, "PRISON"], [22, "al-Hol camp"]]],
  ["the penitentiaries of al Sina’a", [[4, "penitentiaries"], [22, "al Sina’a"]]],
  // Inside words there is no word boundary: nothing.
  ["imprisonment, prisonbreak, jailbreaks_", []],
  // İ is no word character to a pattern without the "u" flag: a boundary only after a word.
  ["held at İmralı island", []],
  ["xİmralıx", [[1, "İmralı"]]],
  ["from Dêrik, A Block and HMP", [[5, "Dêrik"], [12, "A Block"], [24, "HMP"]]],
  ["El Rodeo I; El Rodeo II", [[0, "El Rodeo I"]]],
  ["D.I. Khan lock-ups", [[0, "D.I. Khan"], [10, "lock-ups"]]],
  ["", []],
];

test("the scan finds what the whole pattern finds, in text order", () => {
  const scan = new PhraseScan(ALTERNATIVES);
  for (const [text, want] of TABLE) {
    assert.deepEqual(found(scan.matchAll(text)), want, text);
    assert.deepEqual(found(scan.matchAll(text)), expected(ALTERNATIVES, text), text);
    assert.equal(scan.test(text), want.length > 0, text);
  }
});

test("an alternative whose start cannot be read is tried everywhere, with the same result", () => {
  const alternatives = ["(?:x|y)z", "a?b", "jail"];
  const scan = new PhraseScan(alternatives);
  for (const text of ["xz yz b ab jail", "nothing here", "zz-xz"]) assert.deepEqual(found(scan.matchAll(text)), expected(alternatives, text), text);
});

test("on any text the scan agrees with the whole pattern", () => {
  const scan = new PhraseScan(ALTERNATIVES);
  // Texts made of pieces of the alternatives, word characters, spaces and punctuation.
  const piece = fc.constantFrom("prison", "s", "es", "al", "-", " ", "Hol", "camp", "İ", "mralı", "x", "_", "’", "Sina", "a", "jail", "break", "\n", "A", "Block", "HMP", "lock", "up", "D.I.", "Khan", "PENITENTIAR", "ies", "y", "9");
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
      const text = pieces.join("");
      assert.deepEqual(found(scan.matchAll(text)), expected(ALTERNATIVES, text));
    }),
    { numRuns: 500 },
  );
});

test("alternatives are split at the top level only", () => {
  assert.deepEqual(alternativesOf("inmates?|incarcerat(ed|ion)|[|]x|a\\|b"), ["inmates?", "incarcerat(ed|ion)", "[|]x", "a\\|b"]);
});
