import assert from "node:assert/strict";
import { test } from "node:test";
import { findQuantities, parseQuantity } from "./find.ts";

/** [sentence, expected annotations as "rule [covered text] low..high~best"] */
const POSITIVE: Array<[string, string[]]> = [
  ["Guards said 37 inmates slipped out overnight.", ["quantity.digits [37] 37..37~37"]],
  ["Eleven detainees were moved to another site.", ["quantity.words [Eleven] 11..11~11"]],
  ["Officials counted twenty-one escapees by dawn.", ["quantity.words [twenty-one] 21..21~21"]],
  ["Police held one hundred and five suspects.", ["quantity.words [one hundred and five] 105..105~105"]],
  ["The camp shelters 1.5 million people.", ["quantity.digits [1.5 million] 1500000..1500000~1500000"]],
  ["Aid reached 2 million residents.", ["quantity.digits [2 million] 2000000..2000000~2000000"]],
  ["The jail held 1,500 inmates.", ["quantity.digits [1,500] 1500..1500~1500"]],
  ["At least 750 detainees remain unaccounted for.", ["quantity.at-least [At least 750] 750..null~750"]],
  ["The attack freed at least 1,500 prisoners.", ["quantity.at-least [at least 1,500] 1500..null~1500"]],
  ["More than 100 gunmen stormed the gate.", ["quantity.more-than [More than 100] 101..null~101"]],
  ["Over 100 guards were deployed.", ["quantity.more-than [Over 100] 101..null~101"]],
  ["A little over 100 inmates fled.", ["quantity.a-little-over [A little over 100] 100..130~110"]],
  ["Just over 100 inmates fled.", ["quantity.a-little-over [Just over 100] 100..130~110"]],
  ["Slightly more than 100 inmates fled.", ["quantity.a-little-over [Slightly more than 100] 100..130~110"]],
  ["About 120 families left the camp.", ["quantity.about [About 120] 108..132~120"]],
  ["Around 120 families left the camp.", ["quantity.about [Around 120] 108..132~120"]],
  ["Some 120 families left the camp.", ["quantity.about [Some 120] 108..132~120"]],
  ["Approximately 120 families left.", ["quantity.about [Approximately 120] 108..132~120"]],
  ["Roughly 120 families left.", ["quantity.about [Roughly 120] 108..132~120"]],
  ["An estimated 120 families left.", ["quantity.about [An estimated 120] 108..132~120"]],
  ["The site can hold up to 7,000 detainees.", ["quantity.up-to [up to 7,000] 1..7000~7000"]],
  ["Nearly 40 prisoners were recaptured.", ["quantity.nearly [Nearly 40] 36..40~40"]],
  // "over" as the particle of a verb: the figure is exact
  ["The SDF handed over 150 detainees to Iraq.", ["quantity.digits [150] 150..150~150"]],
  ["Police turned over 40 suspects to the army.", ["quantity.digits [40] 40..40~40"]],
  ["Gunmen freed over 150 inmates.", ["quantity.more-than [over 150] 151..null~151"]],
  ["Almost 40 prisoners were recaptured.", ["quantity.nearly [Almost 40] 36..40~40"]],
  ["Dozens of inmates rioted.", ["quantity.dozens [Dozens] 24..99~36"]],
  ["Scores of fighters surrounded the jail.", ["quantity.scores [Scores] 40..99~60"]],
  ["Hundreds of detainees were transferred.", ["quantity.hundreds [Hundreds] 200..999~300"]],
  ["Thousands of people fled the town.", ["quantity.thousands [Thousands] 2000..9999~3000"]],
  ["Tens of thousands of people live there.", ["quantity.tens-of-thousands [Tens of thousands] 20000..99999~30000"]],
  ["A dozen guards were wounded.", ["quantity.words [A dozen] 12..12~12"]],
  ["About a dozen guards were wounded.", ["quantity.about [About a dozen] 11..13~12"]],
  ["Half a dozen vehicles burned.", ["quantity.words [Half a dozen] 6..6~6"]],
  ["A handful of inmates stayed.", ["quantity.a-handful [A handful] 3..9~5"]],
  ["Several guards were hurt.", ["quantity.several [Several] 3..9~5"]],
  ["Several hundred inmates were moved.", ["quantity.several-hundred [Several hundred] 300..900~500"]],
  ["A few inmates stayed behind.", ["quantity.a-few [A few] 2..5~3"]],
  ["Between 20 and 30 inmates escaped.", ["quantity.range [Between 20 and 30] 20..30~25"]],
  ["Witnesses saw 20 to 30 gunmen.", ["quantity.range [20 to 30] 20..30~25"]],
  ["Witnesses saw 20-30 gunmen.", ["quantity.range [20-30] 20..30~25"]],
  // a dateline's day, its dash, then the count that opens the story
  ["KANO, Oct 3 - Twenty-five inmates broke out overnight.", ["quantity.words [Twenty-five] 25..25~25"]],
  ["GULU, Sept. 21 – Forty detainees were moved to Luzira.", ["quantity.words [Forty] 40..40~40"]],
  ["MOPTI, Jan 5 - 40 inmates fled the jail.", ["quantity.digits [40] 40..40~40"]],
  ["Twenty to thirty gunmen rode in on motorbikes.", ["quantity.range [Twenty to thirty] 20..30~25"]],
  ["Police said the18 inmates were caught.", ["quantity.digits [18] 18..18~18"]],
  ["Three guards and two inmates died.", ["quantity.words [Three] 3..3~3", "quantity.words [two] 2..2~2"]],
  ["A guard was shot.", ["quantity.article [A] 1..1~1"]],
  ["One prisoner was killed.", ["quantity.words [One] 1..1~1"]],
  ["Of the 37 escapees, 18 were caught.", ["quantity.digits [37] 37..37~37", "quantity.digits [18] 18..18~18"]],
  ["No fewer than 50 detainees joined.", ["quantity.at-least [No fewer than 50] 50..null~50"]],
  ["As many as 400 inmates were freed.", ["quantity.up-to [As many as 400] 1..400~400"]],
  ["Some 5,000 detainees are held there.", ["quantity.about [Some 5,000] 4500..5500~5000"]],
  ["The prison was built in 2014 for 400 inmates.", ["quantity.digits [400] 400..400~400"]],
  ["One of them was recaptured at dawn.", ["quantity.words [One] 1..1~1"]],
  ["One of the escaped inmates died in hospital.", ["quantity.words [One] 1..1~1"]],
];

const NO_COUNT: Array<[string, string]> = [
  ["A number of prisoners escaped.", "quantity.a-number-of [A number of]"],
  ["Many inmates fled.", "quantity.many [Many]"],
  ["Some of the inmates fled.", "quantity.some [Some]"],
];

/** Sentences that must yield no count at all. */
const NEGATIVE: string[] = [
  "The 7th Division took over the area.",
  "He was the first to leave.",
  "The prison opened in 2014.",
  "In 2019 the camp changed hands.",
  "The attack began at 7 pm.",
  "Shots were heard at 3 a.m. near the gate.",
  "Fighting resumed at 7:30.",
  "Smugglers charged $3,000 per person.",
  "Each paid 3,000 dollars to the guards.",
  "Turnout fell by 20%.",
  "Turnout fell by 20 percent.",
  "The victim, aged 25, was buried.",
  "The 25-year-old was buried.",
  "The convoy drove two kilometers.",
  "The siege lasted 24 hours.",
  "The siege lasted three days.",
  "He served five years in jail.",
  "He was one of the guards.",
  "No one was hurt.",
  "He lives in Block No. 5.",
  "Call +963 944 123 456 for details.",
  "The COVID-19 outbreak closed the jail.",
  "The decree took effect on January 20.",
  "The decree took effect on 20 January.",
  "The court sat from Jan 20-22.",
  "The hearings ran on 12-13 March.",
  "Hundreds of years ago the fort was built.",
  "A few hours later the fire was out.",
  "It was the 1990s.",
  "Visits resumed after a week.",
];

const describe = (text: string, a: ReturnType<typeof findQuantities>[number]) =>
  `${a.rule} [${text.slice(a.start, a.end)}] ${a.value.low}..${a.value.high}~${a.value.best}`;

test("reads counts, modifiers, ranges and vague amounts", () => {
  for (const [sentence, expected] of POSITIVE) {
    assert.deepEqual(findQuantities(sentence).map((a) => describe(sentence, a)), expected, sentence);
  }
});

test("marks claims of involvement without a count as noCount", () => {
  for (const [sentence, expected] of NO_COUNT) {
    const found = findQuantities(sentence);
    assert.equal(found.length, 1, sentence);
    assert.equal(`${found[0].rule} [${sentence.slice(found[0].start, found[0].end)}]`, expected);
    assert.equal(found[0].value.noCount, true);
    assert.equal(found[0].value.vague, true);
  }
});

test("vague amounts are marked vague, stated figures are not", () => {
  assert.equal(parseQuantity("dozens")?.vague, true);
  assert.equal(parseQuantity("at least 750")?.vague, false);
});

test("negative: years, times, money, ordinals, ages, durations, identifiers yield no count", () => {
  for (const sentence of NEGATIVE) {
    const counts = findQuantities(sentence).filter((a) => a.rule !== "quantity.article");
    assert.deepEqual(counts.map((a) => describe(sentence, a)), [], sentence);
  }
});

test("the article before a measured figure is not a count", () => {
  assert.deepEqual(findQuantities("a 25-year-old"), []);
  assert.deepEqual(findQuantities("a few hours later"), []);
});

test("offsets stay in the whole text when a scope is given", () => {
  const text = "Intro line. At least 750 fled. Then 12 more.";
  const from = text.indexOf("At");
  const to = text.indexOf("Then");
  const found = findQuantities(text, from, to);
  assert.equal(found.length, 1);
  assert.equal(text.slice(found[0].start, found[0].end), "At least 750");
});

test("parseQuantity reads one phrase", () => {
  assert.deepEqual(parseQuantity("more than 100"), { low: 101, high: null, best: 101, vague: false });
  assert.deepEqual(parseQuantity("37"), { low: 37, high: 37, best: 37, vague: false });
  assert.equal(parseQuantity("the prison gate"), null);
});

test("adversarial input returns without catastrophic backtracking", () => {
  const megabyte = 1 << 20;
  assert.deepEqual(findQuantities("1,".repeat(megabyte / 2)), []);
  assert.deepEqual(findQuantities("9".repeat(megabyte)), []);
  // Word runs are read word by word (linear, but slower per byte than digits): 64 KB keeps the
  // suite quick; bench/ feeds the full megabyte.
  const words = findQuantities("one and ".repeat(megabyte / 128));
  assert.ok(words.length > 0);
  assert.ok(Array.isArray(findQuantities("a ".repeat(megabyte / 32) + "!")));
});
