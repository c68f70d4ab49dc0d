import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { windowAfter, windowBefore, wordDistance } from "./window.ts";

// The windows as they were read with a regex test per character: the char-code scanners must
// give the same offsets on any text.
const CLAUSE_BREAK = /[;:“”"]|(?<!\d),|,(?!\d{3}(?!\d))|\s(?:but|while|whereas|although|though|however)\s|\s[-–—]\s/g;
const thousands = (text: string, comma: number) => /\d/.test(text.charAt(comma - 1)) && /^\d{3}(?!\d)/.test(text.slice(comma + 1, comma + 5));
/** "KANO, May 2 - Police": a dash with space on both sides closes a clause. */
const spacedDash = (text: string, at: number) => /^[-–—]$/.test(text.charAt(at)) && /\s/.test(text.charAt(at - 1)) && /\s/.test(text.charAt(at + 1));
function referenceBefore(text: string, pos: number, words: number, floor: number): number {
  let i = pos;
  let seen = 0;
  while (i > floor) {
    const ch = text[i - 1];
    if (/[;:“”"]/.test(ch) || (ch === "," && !thousands(text, i - 1)) || spacedDash(text, i - 1)) break;
    if (/\s/.test(ch)) {
      while (i > floor && /\s/.test(text[i - 1])) i--;
      if (++seen > words) break;
      let s = i;
      while (s > floor && /\S/.test(text[s - 1])) s--;
      if (/^(but|while|whereas|although|though|however)$/i.test(text.slice(s, i))) break;
      continue;
    }
    i--;
  }
  return i;
}
function referenceAfter(text: string, pos: number, words: number, ceiling: number): number {
  CLAUSE_BREAK.lastIndex = 0;
  const brk = CLAUSE_BREAK.exec(text.slice(pos, ceiling));
  const limit = brk ? pos + brk.index : ceiling;
  let i = pos;
  let seen = 0;
  while (i < limit) {
    if (/\s/.test(text[i])) {
      while (i < limit && /\s/.test(text[i])) i++;
      if (++seen > words) return i;
      continue;
    }
    i++;
  }
  return limit;
}

const piece = fc.constantFrom(
  "inmates", "escaped", "But", "but", "WHILE", "though", "although", "however", "whereas", "buts", "1", "844", "1,844", ",", ";", ":",
  "“", "”", '"', " ", " ", "  ", "\n", "\t", "\u00a0", "\u2009", "\u200b", "\u3000", "-", "—", "x", "ſ",
);

test("cue windows end where the per-character reading ended them", () => {
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 12 }), (pieces, a, b, words) => {
      const text = pieces.join("");
      const [bound, pos] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y);
      assert.equal(windowBefore(text, pos, words, bound), referenceBefore(text, pos, words, bound));
      const [from, ceiling] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y);
      assert.equal(windowAfter(text, from, words, ceiling), referenceAfter(text, from, words, ceiling));
    }),
    { numRuns: 5000 },
  );
});

test("a conjunction closes the window before a trigger, a longer word does not", () => {
  const text = "No comment, but 20 inmates escaped";
  assert.equal(windowBefore(text, text.indexOf("escaped"), 10, 0), text.indexOf(" 20"));
  const negative = "No comment butter 20 inmates escaped";
  assert.equal(windowBefore(negative, negative.indexOf("escaped"), 10, 0), 0);
  assert.equal(wordDistance(text, { start: 0, end: 2 }, { start: text.indexOf("escaped"), end: text.length }), 4);
});
