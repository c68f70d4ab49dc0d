import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import type { RawRecord } from "../model/doc.ts";
import { recordFromJson, recordsInJson } from "./records.ts";
import { IngestError, type IngestWarning } from "./errors.ts";
import { NumericDateEvidence } from "./record-dates.ts";

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../test/fixtures/ingest/${name}`, import.meta.url), "utf8"));
const place = { origin: "f.json", stem: "f", index: null };

test("plain field names", () => {
  const raw = recordFromJson({ id: 7, url: "https://example.org/x", title: " T ", published: "2020-05-05T10:00:00Z", text: "Body." }, place);
  assert.deepEqual(raw, { id: "7", origin: "f.json", url: "https://example.org/x", title: "T", published: "2020-05-05", text: "Body.", html: null });
});

test("news-please: maintext, date_publish, title, url", () => {
  const raw = recordFromJson(fixture("news-please.json"), { origin: "news-please.json", stem: "news-please", index: null });
  assert.equal(raw.title, "Riot at northern prison");
  assert.equal(raw.published, "2024-02-01");
  assert.equal(raw.url, "https://example.net/2024/02/01/riot-northern-prison");
  assert.match(raw.text ?? "", /^Inmates rioted at the northern prison/);
  assert.match(raw.id, /^news-please-[0-9a-f]{12}$/); // no id of its own: a short hash of the url
});

test("news-please: description when there is no maintext", () => {
  assert.equal(recordFromJson({ description: "Guards stopped an escape.", maintext: null }, place).text, "Guards stopped an escape.");
});

test("trafilatura: text/raw_text, date, source as url", () => {
  const [first, second] = fixture("trafilatura.json");
  const a = recordFromJson(first, { origin: "t.json[0]", stem: "t", index: 0 });
  assert.equal(a.url, "https://example.com/escapees-caught");
  assert.equal(a.published, "2021-09-09");
  assert.match(a.text ?? "", /^Police caught six/);
  const b = recordFromJson(second, { origin: "t.json[1]", stem: "t", index: 1 });
  assert.equal(b.id, "t-1"); // no id and no url: file stem plus position
  assert.equal(b.url, null);
  assert.match(b.text ?? "", /^Three more escapees/);
});

test("ids are stable across runs", () => {
  const value = { url: "https://example.com/a", text: "x" };
  assert.equal(recordFromJson(value, place).id, recordFromJson(value, place).id);
});

const STORY = "Gunmen stormed the district jail in Kobo on Saturday night and freed 40 inmates, police said. Security forces later recaptured eight of them near the border.";

/** [what, record, the text (or html) the record is read with]. */
const BODIES: Array<[string, object, { text?: string; html?: string }]> = [
  ["inline markup in a text field is stripped", { text: "<p>Gunmen <b>stormed</b> the jail.<img src=x.jpg></p><p>Forty <span class='n'>inmates</span> fled.</p>" }, { text: "\n\nGunmen stormed the jail.\n\n\n\nForty inmates fled.\n\n" }],
  ["a whole page in a text field is read as a page", { content: `<html><body><p>${STORY}</p></body></html>` }, { html: `<html><body><p>${STORY}</p></body></html>` }],
  ["JSON-LD articleBody", { "@type": "NewsArticle", headline: "Jail raided", articleBody: STORY }, { text: STORY }],
  ["WordPress content.rendered", { content: { rendered: `<p>${STORY}</p>`, protected: false } }, { text: `\n\n${STORY}\n\n` }],
  ["full_text", { full_text: STORY }, { text: STORY }],
  ["story", { story: STORY }, { text: STORY }],
  ["Text in capitals", { Text: STORY }, { text: STORY }],
  ["paragraphs as an array", { paragraphs: ["Gunmen stormed the jail.", "Forty inmates fled."] }, { text: "Gunmen stormed the jail.\n\nForty inmates fled." }],
  ["text as an array", { text: ["Gunmen stormed the jail.", "", "Forty inmates fled."] }, { text: "Gunmen stormed the jail.\n\nForty inmates fled." }],
  ["content elements with their own text fields", { content_elements: [{ type: "text", content: "Gunmen stormed the jail." }, { type: "image", url: "https://x.example/a.jpg" }, { type: "text", content: "Forty inmates fled." }] }, { text: "Gunmen stormed the jail.\n\nForty inmates fled." }],
  ["a short description never wins over a full html body", { description: "Jail raided in Kobo.", html: `<html><body><article><p>${STORY}</p></article></body></html>` }, { html: `<html><body><article><p>${STORY}</p></article></body></html>` }],
  ["the fullest of several text fields", { description: "Jail raided in Kobo.", maintext: STORY }, { text: STORY }],
  ["scraped text of the story beats the same story as a page", { maintext: STORY, html: `<html><body><nav>Home News Sport</nav><p>${STORY}</p></body></html>` }, { text: STORY }],
  ["JSON Feed content_text", { content_text: STORY, date_published: "2025-03-03T10:00:00Z" }, { text: STORY }],
];
for (const [what, value, expected] of BODIES) {
  test(`body: ${what}`, () => {
    const raw = recordFromJson(value, place);
    assert.deepEqual({ text: raw.text ?? undefined, html: raw.html ?? undefined }, { text: expected.text, html: expected.html });
  });
}

/** [what, record, the expected field values]. */
const FIELDS: Array<[string, object, Partial<RawRecord>]> = [
  ["WordPress: title.rendered decoded, link, date_gmt", { id: 88, title: { rendered: "Inmates &#8216;flee&#8217; <em>jail</em>" }, link: "https://wp.example/?p=88", date_gmt: "2025-03-03T08:00:00", content: { rendered: "<p>x</p>" } }, { id: "88", title: "Inmates ‘flee’ jail", url: "https://wp.example/?p=88", published: "2025-03-03" }],
  ["JSON-LD: headline, datePublished, mainEntityOfPage", { headline: "Jail raided", datePublished: "2025-03-03T23:30:00-05:00", mainEntityOfPage: { "@id": "https://ld.example/a" }, articleBody: STORY }, { title: "Jail raided", published: "2025-03-03", url: "https://ld.example/a" }],
  ["RSS as JSON: guid, pubDate in RFC 2822", { guid: "tag:rss.example,2025:17", pubDate: "Mon, 03 Mar 2025 10:00:00 +0000", contentSnippet: STORY }, { id: "tag:rss.example,2025:17", published: "2025-03-03" }],
  ["epoch seconds", { timestamp: 1741000000, text: STORY }, { published: "2025-03-03" }],
  ["epoch milliseconds as a string", { date: "1741000000000", text: STORY }, { published: "2025-03-03" }],
  ["a numeric day both readings agree on", { date: "03/03/2025", text: STORY }, { published: "2025-03-03" }],
  ["a numeric day only one reading allows", { date: "21/04/2025", text: STORY }, { published: "2025-04-21" }],
  ["field names in any case", { ID: "up-1", URL: "https://case.example/1", Title: "T", PubDate: "2025-03-03", TEXT: STORY }, { id: "up-1", url: "https://case.example/1", title: "T", published: "2025-03-03" }],
];
for (const [what, value, expected] of FIELDS) {
  test(`fields: ${what}`, () => {
    const raw = recordFromJson(value, place);
    for (const [key, v] of Object.entries(expected)) assert.equal(raw[key as keyof RawRecord], v, key);
  });
}

test("an ambiguous numeric date is refused with its reason unless the file settles it", () => {
  const warnings: IngestWarning[] = [];
  const alone = recordFromJson({ date: "03/04/2025", text: STORY }, place, { dates: null, warn: (w) => warnings.push(w) });
  assert.equal(alone.published, null);
  assert.equal(warnings[0].code, "W_DATE_AMBIGUOUS");
  assert.match(warnings[0].message, /2025-04-03 or 2025-03-04/);
  const dayFirst = new NumericDateEvidence();
  dayFirst.observe("21/04/2025");
  assert.equal(recordFromJson({ date: "03/04/2025", text: STORY }, place, { dates: dayFirst }).published, "2025-04-03");
  const monthFirst = new NumericDateEvidence();
  monthFirst.observe("04/21/2025");
  assert.equal(recordFromJson({ date: "03/04/2025", text: STORY }, place, { dates: monthFirst }).published, "2025-03-04");
});

test("a file wrapping its records: an articles array, a JSON-LD graph", () => {
  assert.equal(recordsInJson({ status: "ok", articles: [{ text: "a" }, { text: "b" }] }).length, 2);
  const graph = { "@context": "https://schema.org", "@graph": [{ "@type": "WebPage", name: "x" }, { "@type": "NewsArticle", articleBody: STORY }] };
  assert.deepEqual(recordsInJson(graph), [graph["@graph"][1]]);
  assert.equal(recordsInJson({ text: STORY, items: [{ text: "a" }] }).length, 1, "a record with a body is one record");
});

const BAD: Array<[unknown, string]> = [
  [{ id: "x", title: "no body" }, "E_NO_TEXT"],
  [{ id: "x", text: "   " }, "E_NO_TEXT"],
  [[1, 2], "E_JSON"],
  ["a string", "E_JSON"],
  [null, "E_JSON"],
];
for (const [value, code] of BAD) {
  test(`rejects ${JSON.stringify(value)} with ${code}`, () => {
    assert.throws(() => recordFromJson(value, place), (e: unknown) => e instanceof IngestError && e.code === code);
  });
}
