import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { recordFromJson } from "./records.ts";
import { IngestError } from "./errors.ts";

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

test("markup in a text field is read as html", () => {
  const raw = recordFromJson({ id: "h", content: "<p>Inmates escaped.</p>" }, place);
  assert.equal(raw.html, "<p>Inmates escaped.</p>");
  assert.equal(raw.text, null);
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
