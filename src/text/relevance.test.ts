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
  // Wording outside the old term list: the prefilter must let these through.
  "Armed men broke into the town's prison before dawn, setting dozens of inmates free.",
  "More than forty inmates have broken out of the provincial lock-up, the police said.",
  "A commando unit freed the businessman from the jail where he had been held for a year.",
  "A curfew was declared across the province after the jailbreak.",
  "The border with the neighbouring country was closed after 60 convicts escaped.",
  "Rebels took control of the central prison on Friday.",
  "Security forces regained control of the penitentiary after a week of gang rule.",
  "Troops retook the prison on Wednesday after a siege.",
  "Rebels breached part of the central prison, releasing several hundred inmates.",
  "The Taliban released thousands of inmates from a prison outside the capital.",
  "Inmates set fire to mattresses in one wing of the custodial centre.",
  "Women and children fled al-Hol camp after the guards left.",
  "Hundreds of detainees were moved by bus to a facility further north.",
  // an event worded only by its harm, its fighting or the emptying of a facility
  "Fighting between rival gangs at the penitentiary on Tuesday left 68 inmates dead.",
  "Rebels emptied the central prison, letting out some 3,000 inmates.",
  "Three convicts scaled the wall of the district prison overnight.",
  "Police intensified patrols along the border after the convicts' flight from the prison.",
  "Armed men on motorbikes overpowered the guards at the prison before dawn.",
];

const NOT_RELEVANT = [
  "A fire tore through a camp for displaced families near the border, destroying more than 200 tents.",
  "Of the hostages seized during the attack, 58 are still held in Gaza, the army said.",
  "Refugees in the camp staged a protest against food shortages on Monday.",
  "The court sentenced the former minister to five years in prison for corruption.",
  "Gunmen stormed an army barracks north of the capital, killing 11 soldiers before escaping.",
  "A jail visit was arranged for the family on Sunday.",
  "Soldiers repelled an attack on their camp near the border before dawn.",
  "The striker's late goal completed the club's great escape from relegation.",
  "Police stations in the capital were reopened after the holiday.",
  "The aid worker was freed by her kidnappers after eleven days in captivity.",
];

for (const text of RELEVANT) test(`relevant: ${text}`, () => assert.equal(judgeRelevance(text).relevant, true));
for (const text of NOT_RELEVANT) test(`not relevant: ${text}`, () => assert.equal(judgeRelevance(text).relevant, false));

test("relevance gives a reason", () => {
  assert.equal(judgeRelevance(RELEVANT[0]).reason, "detention with an event in 1 sentence: event.escape, event.assault");
  assert.equal(judgeRelevance("Parliament approved the budget after a long debate.").reason, "names no detention facility, detainees or custody");
  assert.equal(judgeRelevance("The prison was built in 1952.").reason, "no sentence words detention together with an event");
});

// Reviews and fiction: the breakout never happened. News that mentions one film is still news.
const FICTION = [
  "In the new thriller directed by a first-time filmmaker, eight inmates escape from a fictional desert prison. The film opens in cinemas on Friday.",
  "The novel follows two brothers who break out of a county jail; the premise is thin, but the paperback sold well. Rating: 3/5.",
];
const NEWS_WITH_A_FILM = [
  "Forty inmates escaped from the central prison overnight, police said. The breakout recalled a film shot in the town years ago.",
];
for (const text of FICTION) test(`not relevant, fiction: ${text.slice(0, 50)}`, () => assert.match(judgeRelevance(text).reason, /^reads as a review or fiction/));
for (const text of NEWS_WITH_A_FILM) test(`relevant, news that names a film: ${text.slice(0, 50)}`, () => assert.equal(judgeRelevance(text).relevant, true));

test("an event in another sentence than the detention wording is not enough", () => {
  assert.equal(judgeRelevance("The town has a prison. Gunmen attacked a bank on Monday.").relevant, false);
  assert.equal(judgeRelevance("Gunmen attacked a bank on Monday. The town has a prison.").relevant, false);
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

// The cues are first looked for all at once: the reason must still name every cue the story has,
// also where two cues start at one place ("filmmakers" holds the film cue and the director cue).
const FICTION_REASONS: Array<[string, string]> = [
  [
    "A new movie sequel by a first-time screenwriter sees three convicts escape from a fictitious island prison; streaming starts on Friday.",
    "reads as a review or fiction: film, directed, fictional, episode",
  ],
  [
    "Two filmmakers spent a year on the novel's story of inmates who escaped from a jail.",
    "reads as a review or fiction: film, directed, book",
  ],
];
for (const [text, reason] of FICTION_REASONS) test(`every fiction cue is named: ${text.slice(0, 50)}`, () => assert.equal(judgeRelevance(text).reason, reason));
