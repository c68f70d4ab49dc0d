// Chrono's time-unit parsers are shown only sentences holding one of the words their patterns end
// with (TIME_UNIT_PARSER_WORDS): chrono must read every sentence exactly as it does with every
// parser shown everything. Sentences are written for this test.
import assert from "node:assert/strict";
import { test } from "node:test";
import * as chrono from "chrono-node";
import fc from "fast-check";
import { pastBiasedChrono, TIME_UNIT_PARSER_WORDS } from "./chrono-dates.ts";

const CUED = pastBiasedChrono();
/** The same configuration with chrono's own parsers, every one shown every sentence. */
const REFERENCE = pastBiasedChrono();
REFERENCE.parsers = chrono.casual.clone().parsers;
const AT = { instant: new Date(Date.UTC(2025, 3, 20)), timezone: 0 };

/** What a parse answers, comparable with deepEqual. */
function reading(engine: chrono.Chrono, sentence: string) {
  return engine.parse(sentence, AT, { forwardDate: false }).map((r) => ({
    index: r.index,
    text: r.text,
    start: r.start.date().toISOString(),
    end: r.end?.date().toISOString() ?? null,
    tags: [...r.tags()].sort(),
  }));
}

test("the time-unit parsers are the ones cued, and only they", () => {
  const names = chrono.casual.clone().parsers.map((p) => p.constructor.name);
  for (const name of Object.keys(TIME_UNIT_PARSER_WORDS)) assert.ok(names.includes(name), `chrono has no ${name} any more`);
  const cued = CUED.parsers.filter((p, i) => p !== REFERENCE.parsers[i] && p.constructor.name !== REFERENCE.parsers[i].constructor.name);
  assert.equal(cued.length, Object.keys(TIME_UNIT_PARSER_WORDS).length);
  assert.equal(CUED.parsers.length, REFERENCE.parsers.length);
});

test("sentences the time-unit parsers read, and look-alikes they cannot: the same readings", () => {
  const table = [
    "Two days after the raid on 3 March, police caught nine of the escapees.",
    "Guards noticed the empty cells three hours later, on Friday.",
    "The riot broke out on 12 May, a week before the transfer.",
    "Ten days earlier, on 2 June, the camp had been shelled.",
    "Six fugitives were caught 2 weeks ago in the hills on Monday.",
    "A month from now, on 1 July, the prison closes.",
    "The jail was stormed on Tuesday night and 40 inmates fled.",
    "On 4 April the wardens went on strike.",
    "AFTER 5 days OUT of contact, the camp reported on Sunday.",
    "The attack, on 9 January, was the second within a year.",
  ];
  for (const sentence of table) assert.deepEqual(reading(CUED, sentence), reading(REFERENCE, sentence), sentence);
});

/** Sentences assembled from date words, time units, the parsers' words and their look-alikes. */
const WORDS = [
  "three", "3", "a few", "half an", "an", "two", "10", "several", "days", "day", "hours", "hrs", "weeks", "wk", "months", "mo", "years", "yr",
  "minutes", "min", "ago", "Ago", "before", "BEFORE", "earlier", "later", "after", "After", "from now", "henceforth", "forward", "out",
  "about", "outside", "agony", "afterwards", "on", "Monday", "Saturday", "March", "3 March", "20 January 2024", "5/6", "2024-03-02",
  "last night", "the", "prison", "inmates", "escaped", "were", "caught", "in", "of", ",", ".", "–", "(", ")",
];

test("property: any sentence reads the same with the cued parsers as with chrono's own", () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 14 }), fc.constantFrom(" ", "  ", "\n"), (words, gap) => {
      const sentence = words.join(gap);
      assert.deepEqual(reading(CUED, sentence), reading(REFERENCE, sentence), sentence);
    }),
    { numRuns: 3000 },
  );
});
