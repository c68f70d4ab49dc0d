import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { judgeRelevance } from "./relevance.ts";
import { cleanText } from "./clean.ts";
import { segmentsOf } from "./segment.ts";

const RELEVANT = [
  "More than 100 gunmen stormed the central prison overnight and several inmates escaped, officials said.",
  "Detainees rioted inside the detention centre and set fire to two dormitories.",
  "Authorities transferred 140 detainees from the detention centre to two prisons inland.",
  "Police recaptured 23 of the inmates who broke out of the district jail last week.",
  "Hundreds of women and children fled the camp where detainees linked to the group were held, after guards abandoned it.",
  "Prisoners mutinied at the penitentiary and took two guards hostage.",
];

const NOT_RELEVANT = [
  "A fire tore through a camp for displaced families near the border, destroying more than 200 tents.",
  "Of the hostages seized during the attack, 58 are still held in Gaza, the army said.",
  "Refugees in the camp staged a protest against food shortages on Monday.",
  "The court sentenced the former minister to five years in prison for corruption.",
  "Gunmen stormed an army barracks north of the capital, killing 11 soldiers before escaping.",
  "A jail visit was arranged for the family on Sunday.",
];

for (const text of RELEVANT) test(`relevant: ${text}`, () => assert.equal(judgeRelevance(text).relevant, true));
for (const text of NOT_RELEVANT) test(`not relevant: ${text}`, () => assert.equal(judgeRelevance(text).relevant, false));

test("relevance gives a reason", () => {
  assert.match(judgeRelevance(RELEVANT[0]).reason, /^facility\+event terms: \d+ in 1 sentence/);
  assert.match(judgeRelevance(NOT_RELEVANT[0]).reason, /no sentence names a detention facility/);
});

test("segments of a page with a glued story: jail raid relevant, camp fire not", () => {
  const page = readFileSync(new URL("../../test/fixtures/ingest/scraped-page.txt", import.meta.url), "utf8");
  const clean = cleanText(page);
  const segments = segmentsOf(clean);
  assert.deepEqual(segments.map((s) => s.relevant), [true, false]);
  assert.equal(clean.text.slice(segments[0].start, segments[0].end).startsWith("Gunmen Free Inmates"), true);
  assert.equal(clean.text.slice(segments[1].start, segments[1].end).startsWith("Fire Sweeps Through"), true);
  assert.equal(segments[0].end < segments[1].start, true);
  assert.equal(segments[1].end, clean.text.length);
});
