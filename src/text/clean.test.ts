import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { cleanText } from "./clean.ts";

const FIXTURES = new URL("../../test/fixtures/ingest/", import.meta.url);
const page = readFileSync(new URL("scraped-page.txt", FIXTURES), "utf8");

/** A story line between two prose paragraphs, so only its own verdict decides. */
function keeps(line: string): boolean {
  const before = "Police said the attackers arrived in three pickup trucks shortly after midnight on Sunday.";
  const after = "The prison service said it would review security at all of its sites in the region.";
  return cleanText(`${before}\n\n${line}\n\n${after}`).text.includes(line.replace(/\s+/g, " ").trim());
}

const BOILERPLATE = [
  "Also Read Minister opens new bridge over the river",
  "Also Read\u00a0 Storm warning issued for the coast",
  "FOLLOW THE DAILY MONITOR:",
  "TWITTER (CLICK HERE)",
  "https://twitter.com/somebody",
  "www.example.com/page",
  "Think your friends would be interested? Share this story!",
  "Leave a Reply",
  "Your email address will not be published.",
  "Required fields are marked *",
  "Source link",
  "Related Posts",
  "Loading recommendations…",
  "1 of 515",
  "SOURCE: DAILY MONITOR AND NEWS AGENCIES",
  "Breaking News",
  "Middle East World",
  "World News",
  "_________________________________",
  "TT",
  "20",
  "US Army image",
  "Photo: Reuters",
  "Fri 21 January 2022:",
  "Advertisement",
  "© 2024 Daily Monitor. All rights reserved.",
  "Guards patrol the perimeter wall of the prison (AFP)",
  "Guards patrol the perimeter wall of the prison - Reuters",
];

const STORY = [
  "Two guards died.",
  "He declined to comment.",
  "Search for the fugitives widens",
  "IS detainees and Kurdish-run jails",
  "Islamic State threat ‘has not gone away’, US officials say",
  "Related fighting was reported in two nearby villages on Monday.",
  "Sources at the prison said the inmates had planned the escape for weeks.",
  "Follow-up raids led to the arrest of four more suspects, officials said.",
  "“It was chaos,” a resident said.",
  "The attackers fled in 20 vehicles toward the border, according to the police.",
];

for (const line of BOILERPLATE) {
  test(`drops boilerplate: ${line}`, () => assert.equal(keeps(line), false));
}
for (const line of STORY) {
  test(`keeps story line: ${line}`, () => assert.equal(keeps(line), true));
}

test("normalises whitespace inside paragraphs and joins them with blank lines", () => {
  const clean = cleanText("Jail attacked\n\nArmed  men\u00a0attacked the jail on Sunday, officials said.\n\n\nGuards returned fire.");
  assert.equal(clean.text, "Jail attacked\n\nArmed men attacked the jail on Sunday, officials said.\n\nGuards returned fire.");
});

test("joins a hard-wrapped paragraph", () => {
  const clean = cleanText("Armed men attacked the jail on Sunday and freed\nmore than forty inmates, officials said.");
  assert.equal(clean.text, "Armed men attacked the jail on Sunday and freed more than forty inmates, officials said.");
});

test("keeps one copy of a repeated headline, no copy of a repeated caption", () => {
  const clean = cleanText(page);
  const count = (s: string) => clean.text.split(s).length - 1;
  assert.equal(count("Gunmen Free Inmates in Night Raid on Provincial Jail"), 1);
  assert.equal(clean.text.startsWith("Gunmen Free Inmates in Night Raid on Provincial Jail\n\n"), true);
  assert.equal(count("A burned-out truck stands"), 0);
  assert.equal(count("Smoke rises over rows of tents"), 0);
  assert.equal(clean.headline, "Gunmen Free Inmates in Night Raid on Provincial Jail");
});

test("keeps every story sentence of the scraped page and drops its furniture", () => {
  const clean = cleanText(page);
  const storyLines = [
    "KANDORA, March 3 (Wire) - Armed men attacked the provincial jail in Kandora late on Sunday",
    "Guards exchanged fire with the attackers for nearly an hour",
    "Two guards died.",
    "The official said 23 of the escaped inmates had been caught again",
    "Search for the fugitives widens",
    "Police set up checkpoints on the two roads",
    "A prison administration spokesman said the jail held 310 people",
    "The regional governor ordered an inquiry",
    "A fire tore through a camp for displaced families",
    "Aid agencies appealed for blankets",
  ];
  for (const line of storyLines) assert.ok(clean.text.includes(line), line);
  for (const junk of ["Tuesday, March 4", "Northern Desk Africa", "Also Read", "Local army image", "SOURCE:", "___", "FOLLOW", "CLICK HERE", "Share this story", "Leave a Reply", "NW\n", "\n7\n"]) {
    assert.equal(clean.text.includes(junk), false, junk);
  }
});

test("splits a page with a glued second story into two stories", () => {
  const clean = cleanText(page);
  assert.equal(clean.stories.length, 2);
  const second = clean.paragraphs[clean.stories[1].first];
  assert.equal(clean.text.slice(second.start, second.end), "Fire Sweeps Through Displaced Families' Camp Near Border");
  assert.equal(second.role, "headline");
});

test("a single story with widely spaced paragraphs stays one story", () => {
  const text = [
    "Prison guards strike over pay",
    "Guards at the central prison stopped work on Monday to demand overdue wages, their union said.",
    "The prison service said visits would be suspended until the strike ended.",
    "Inmates were kept in their cells for most of the day, a lawyer for several of them said.",
  ].join("\n\n\n\n");
  assert.equal(cleanText(text).stories.length, 1);
});

test("drops everything after a related-posts marker", () => {
  const clean = cleanText(
    "Officials said the detainees were moved to a new facility on Friday after a week of protests.\n\nRelated Posts\n\nA completely different story about a football match that ended in a draw on Saturday night.",
  );
  assert.equal(clean.text, "Officials said the detainees were moved to a new facility on Friday after a week of protests.");
});

test("a page with no prose cleans to nothing", () => {
  assert.equal(cleanText("Home\n\nWorld News\n\nLeave a Reply\n\nTT").text, "");
});
