import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { PatternFamily } from "./pattern-family.ts";
import { RELATIVE_PHRASES } from "./dates/phrases.ts";
import { unionOf } from "./dates/find.ts";

/** What a global scan with each pattern finds: index, match and first group. */
const eachScan = (patterns: readonly RegExp[], text: string) => {
  const found = patterns.map((p) => [...text.matchAll(p)].filter((m) => m[0] !== "").map((m) => [m.index, m[0], m[1]]));
  return found.some((f) => f.length > 0) ? found : null;
};
const familyScan = (family: PatternFamily, text: string) => family.matches(text)?.map((list) => list.map((m) => [m.index, m[0], m[1]])) ?? null;

test("the relative date phrases read together find what a scan per phrase finds", () => {
  const patterns = RELATIVE_PHRASES.map((p) => p.pattern);
  const union = unionOf(patterns);
  assert.ok(union, "the phrases' flags merge");
  const family = new PatternFamily(union, patterns);
  const piece = fc.constantFrom(
    "the", "day", "before", "yesterday", "last", "night", "earlier", "later", "today", "tonight", "this", "morning", "week",
    "month", "year", "previous", "past", "over", "in", "during", "within", "few", "several", "couple of", "days", "hours",
    "weeks", "recent", "ago", "two", "3", "a", "an", "New", "Year's", "Year’s", "Eve", "Christmas", "Day", "months", "LAST",
    " ", " ", " ", "  ", "-", ",", ".", "x",
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
      const text = pieces.join("");
      assert.deepEqual(familyScan(family, text), eachScan(patterns, text));
    }),
    { numRuns: 3000 },
  );
  for (const sentence of ["Two days ago, and again over the past few days, the last week and earlier this month.", "He left the day before yesterday, on Christmas Eve."]) {
    assert.deepEqual(familyScan(family, sentence), eachScan(patterns, sentence), sentence);
  }
});

test("overlapping and nested members each keep their own matches", () => {
  const members = [/\bbroke out of\b/gi, /\bout\b/gi, /\bout of jail\b/gi];
  const family = new PatternFamily(/\b(?:broke out of|out of jail|out)\b/i, members);
  const text = "They broke out of jail, then out again; out of jail twice.";
  assert.deepEqual(familyScan(family, text), eachScan(members, text));
});

test("negative: no member in the text gives null", () => {
  const family = new PatternFamily(/\b(?:last|this) week\b/i, [/\blast week\b/gi, /\bthis week\b/gi]);
  assert.equal(family.matches("The weekly visit was last Monday."), null);
});
