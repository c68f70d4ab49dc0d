// mayNameCalendarDate decides which sentences chrono reads at all: a sentence chrono would anchor a date
// in must never fail it, or that date is lost without a trace.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { mayNameCalendarDate, pastBiasedChrono } from "./chrono-dates.ts";

const CHRONO = pastBiasedChrono();
const REFERENCE = { instant: new Date(Date.UTC(2025, 3, 20)), timezone: 0 };
const anchored = (sentence: string) => CHRONO.parse(sentence, REFERENCE, { forwardDate: false }).length > 0;

/** Sentences chrono anchors a date in, the odd shapes included: each must pass the cue. */
const ANCHORED = [
  "Inmates broke out on Saturday.",
  "The prison was attacked on 20 January.",
  "Guards fled Sept. 3 as the camp fell.",
  "The raid came late last night.",
  "Transfers end at the end of the month.",
  "The hearing is overmorrow.",
  "It fell on the firstofMarch.",
  "It fell on Marchfirst.",
  "It fell lastFriday.",
  "It fell onMonday.",
  "Talks resumed inMay.",
  "The court sat Mon. and Tue. this week.",
  "The visits stop at the weekend.",
  "The camp was shelled 2024-03-02.",
  "The camp was shelled on 2/3.",
  "The camp was shelled in 3/2024.",
  "The camp was shelled 2024 3 2.",
  "The camp was shelled 2024.3.2.",
];

/** Wording that names no date chrono keeps (relative or casual: phrases.ts reads those). */
const UNANCHORED = [
  "The fugitives were caught three days ago.",
  "A curfew starts tonight.",
  "Sirens sounded this morning.",
  "The ministry confirmed the figure today.",
  "Patrols will double next week.",
  "Within a week the camp was empty.",
  "Some 37 inmates escaped in 2014, 12 of them at 3 pm.",
];

test("every sentence chrono anchors a date in passes the cue", () => {
  for (const sentence of ANCHORED) {
    assert.ok(anchored(sentence), `chrono anchors nothing in ${JSON.stringify(sentence)}: the table is wrong`);
    assert.ok(mayNameCalendarDate(sentence), sentence);
  }
});

test("casual and relative wording gives chrono nothing to anchor, cue or not", () => {
  for (const sentence of UNANCHORED) assert.equal(anchored(sentence), false, sentence);
});

test("the mayor, the market, the monitors and lone figures are not dates", () => {
  for (const sentence of ["The mayor visited the market.", "Monitors showed the wedding was allowed.", "Some 37 inmates escaped in 2014, 12 of them at 3 pm."]) {
    assert.equal(mayNameCalendarDate(sentence), false, sentence);
  }
});

test("no sentence of date words, glued or not, is anchored by chrono without passing the cue", () => {
  const words = [
    "on", "in", "of", "the", "last", "next", "this", "past", "end", "day", "month", "night", "first", "twenty", "third",
    "March", "may", "Sept", "dec", "Friday", "thu", "sat", "mon", "noon", "morning", "week", "ago", "later", "today",
    "yesterday", "tonight", "overmorrow", "mayor", "market", "wedding", "showed", "three", "days", "a", "year",
    "2", "12", "31", "2014", "3pm", "10:30", "1st", "/", ".", "-", "weekend", "weekday", "fortnight", "hour", "decade", "midnight",
  ];
  const sentence = fc
    .array(fc.tuple(fc.constantFrom(...words), fc.constantFrom("", " ", " ", ", ", "-", ". ")), { minLength: 1, maxLength: 8 })
    .map((parts) => parts.map(([word, gap]) => word + gap).join(""));
  fc.assert(
    fc.property(sentence, (s) => !anchored(s) || mayNameCalendarDate(s)),
    { numRuns: 3000, seed: 16 },
  );
});
