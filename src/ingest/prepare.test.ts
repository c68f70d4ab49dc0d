import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { RawRecord } from "../model/doc.ts";
import { prepareDocument } from "./prepare.ts";
import { IngestError } from "./errors.ts";

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/ingest/${name}`, import.meta.url), "utf8");
const raw = (over: Partial<RawRecord>): RawRecord => ({ id: "d", origin: "d", url: null, title: null, published: null, text: null, html: null, ...over });
const STORY = "Fri 21 January 2022:\n\nArmed men attacked the central prison on Thursday night and freed dozens of inmates, officials said.";

test("a document: cleaned text, sha256 content hash, empty annotations", () => {
  const doc = prepareDocument(raw({ text: fixture("scraped-page.txt") }));
  assert.equal(doc.contentHash, createHash("sha256").update(doc.text).digest("hex"));
  assert.deepEqual(doc.annotations, []);
  assert.equal(doc.title, "Gunmen Free Inmates in Night Raid on Provincial Jail");
  assert.deepEqual(doc.segments.map((s) => s.relevant), [true, false]);
});

test("the same text as a file and as a record gives the same content hash", () => {
  const text = fixture("scraped-page.txt");
  assert.equal(prepareDocument(raw({ id: "a", text })).contentHash, prepareDocument(raw({ id: "b", text, published: "2025-03-04" })).contentHash);
});

const ORIGINS: Array<[string, Partial<RawRecord>, string | null, string | null, string | null]> = [
  ["metadata wins", { text: STORY, published: "2022-01-22" }, null, "2022-01-22", "metadata"],
  ["dateline next", { text: STORY }, null, "2022-01-21", "dateline"],
  ["html meta next", { html: fixture("article.html") }, null, "2023-06-14", "html-meta"],
  ["--published last", { text: "Armed men attacked the central prison on Thursday night, officials said." }, "2020-01-01", "2020-01-01", "cli"],
  ["a year-less banner is no date", { text: "Thursday, May 26\n\nArmed men attacked the central prison on Thursday night, officials said." }, null, null, null],
  ["year-less dateline with a year in the url", { url: "https://example.org/2025/03/04/raid", text: fixture("scraped-page.txt") }, null, "2025-03-03", "dateline"],
];

for (const [name, record, fallback, day, origin] of ORIGINS) {
  test(`publication date: ${name}`, () => {
    const doc = prepareDocument(raw(record), { fallbackPublished: fallback });
    assert.equal(doc.published, day);
    assert.equal(doc.publishedOrigin, origin);
  });
}

test("html: title becomes the first paragraph and the headline", () => {
  const doc = prepareDocument(raw({ html: fixture("article.html") }));
  assert.match(doc.text, /^Detainees moved from overcrowded centre\n\nAuthorities transferred 140 detainees/);
  assert.equal(doc.segments[0].relevant, true);
});

test("a page that is all boilerplate is rejected with E_NO_TEXT", () => {
  assert.throws(
    () => prepareDocument(raw({ text: "Breaking News\n\nLeave a Reply\n\nhttps://example.org" })),
    (e: unknown) => e instanceof IngestError && e.code === "E_NO_TEXT",
  );
});

// Pages that carry prose are never rejected, whatever chrome surrounds them.
const STORED: Array<[string, string]> = [
  ["a one-line flash", "40 inmates escape Marova jail - police"],
  ["a film review under a comments label", "The Long Wall (12A)\n\nComments\n\nFew films about prison breaks bother with the boredom of the years before the escape, and this one makes it the subject.\n\nThe director keeps the camera on the three cellmates for so long that the tunnel comes as a relief."],
  ["a story under site chrome", "Menu\n\nComments\n\nWant to discuss?\n\nGuards at the Marova jail were disarmed by gunmen who freed 31 inmates on Friday, police said."],
  ["a doubled paragraph", "Guards at the Marova jail were disarmed by gunmen on Friday.\n\nGuards at the Marova jail were disarmed by gunmen on Friday."],
];
for (const [name, text] of STORED) {
  test(`stored, not rejected: ${name}`, () => assert.notEqual(prepareDocument(raw({ text })).text, ""));
}

test("a one-line flash is a relevant document", () => {
  assert.equal(prepareDocument(raw({ text: "40 inmates escape Marova jail - police" })).segments[0].relevant, true);
});
