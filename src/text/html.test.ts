import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { htmlMetaDay, htmlNestingDepth, htmlToText, MAX_HTML_DEPTH, readHtml, withoutFurniture } from "./html.ts";

const page = readFileSync(new URL("../../test/fixtures/ingest/article.html", import.meta.url), "utf8");

test("readability keeps the article paragraphs and drops navigation and footer", () => {
  const article = readHtml(page);
  assert.equal(article.method, "readability");
  assert.ok(article.text.includes("Authorities transferred 140 detainees"));
  assert.ok(article.text.includes("It was the second transfer this year."));
  assert.equal(article.text.includes("Copyright 2023"), false);
  assert.equal(article.text.includes("should never run"), false);
  assert.match(article.title ?? "", /Detainees moved from overcrowded centre/);
});

const META_DATES: Array<[string, string | null]> = [
  ['<meta property="article:published_time" content="2023-06-14T08:15:00+00:00">', "2023-06-14"],
  ['<meta content="2020-02-03" property="og:pubdate">', "2020-02-03"],
  ["<meta name='pubdate' content='20 March 2019'>", "2019-03-20"],
  ['<span itemprop="datePublished" content="2018-07-01">July 1</span>', "2018-07-01"],
  ['<script type="application/ld+json">{"datePublished": "2017-05-04T10:00:00Z"}</script>', "2017-05-04"],
  ['<time datetime="2016-11-30T12:00">Nov 30</time>', "2016-11-30"],
  ['<meta property="article:published_time" content="">', null],
  ["<div>Thursday, May 26</div>", null],
];

for (const [html, expected] of META_DATES) {
  test(`html meta date: ${html}`, () => assert.equal(htmlMetaDay(`<html><head>${html}</head><body></body></html>`), expected));
}

test("meta tags beat <time> elements", () => {
  const html = '<meta name="date" content="2021-01-02"><time datetime="2020-01-01"></time>';
  assert.equal(htmlMetaDay(html), "2021-01-02");
});

test("html to text turns blocks into paragraphs and decodes entities", () => {
  assert.equal(htmlToText("<p>Guards&nbsp;fled &amp; hid.</p><p>Then&#8212;silence&#x2026;</p>").trim().split(/\n\n+/).join("|"), "Guards\u00a0fled & hid.|Then—silence…");
});

test("nesting depth ignores void and optionally closed elements", () => {
  assert.equal(htmlNestingDepth("<div><p>one<p>two<br><img src=x></div>"), 1);
  assert.equal(htmlNestingDepth("<div><div><span>x</span></div></div>"), 3);
});

test("ten thousand nested elements fall back to tag stripping without overflowing", () => {
  const depth = 10_000;
  const html = `<html><body>${"<div>".repeat(depth)}<p>Inmates escaped from the district jail on Monday, police said.</p>${"</div>".repeat(depth)}</body></html>`;
  assert.equal(htmlNestingDepth(html) > MAX_HTML_DEPTH, true);
  const article = readHtml(html);
  assert.equal(article.method, "tag-strip");
  assert.ok(article.text.includes("Inmates escaped from the district jail on Monday, police said."));
});

test("a page the caller finds not worth reading is tag-stripped, without Readability", () => {
  const seen: string[] = [];
  const article = readHtml(page, { worthReading: (text) => (seen.push(text), false) });
  assert.equal(article.method, "tag-strip");
  assert.ok(article.text.includes("Authorities transferred 140 detainees"));
  assert.equal(article.text.includes("should never run"), false);
  assert.match(seen[0], /^Detainees moved from overcrowded centre/);
});

test("a page worth reading goes through Readability", () => {
  assert.equal(readHtml(page, { worthReading: () => true }).method, "readability");
});

const FURNITURE: Array<[string, string]> = [
  ["<nav><a>Home</a></nav><p>Story</p>", " <p>Story</p>"],
  ["<p>Story</p><FOOTER class=x>© 2024</FOOTER>", "<p>Story</p> "],
  ["<header>Top<nav>Menu</nav></header><p>Story</p>", " <p>Story</p>"],
  ["<aside>Unclosed<p>Story</p>", "<aside>Unclosed<p>Story</p>"],
  ["<form><input></form><nav>x</nav><p>Story</p>", "  <p>Story</p>"],
];
for (const [html, expected] of FURNITURE) {
  test(`furniture removed: ${html}`, () => assert.equal(withoutFurniture(html), expected));
}

test("the question is asked of the whole body: an article inside a <form> is still read", () => {
  const html = "<html><body><form><article><h1>Jail raid</h1><p>Gunmen stormed the district prison on Sunday and freed 40 inmates, police said.</p></article></form></body></html>";
  const seen: string[] = [];
  readHtml(html, { worthReading: (text) => (seen.push(text), true) });
  assert.match(seen[0], /Gunmen stormed the district prison/);
});
