// The document page's highlighting plan, without a browser: the text is cut at every span
// boundary so overlapping and nested spans each get their own pieces.
import { test } from "node:test";
import assert from "node:assert/strict";
import { pieces } from "../../web/src/document-page.ts";

const TEXT = "Police said 14 prisoners escaped from Malir jail.";
const span = (phrase: string) => ({ start: TEXT.indexOf(phrase), end: TEXT.indexOf(phrase) + phrase.length });
const annotation = (kind: string, phrase: string) => ({ kind, rule: `${kind}.test`, value: null, ...span(phrase) }) as never;
const whole = { start: 0, end: TEXT.length, relevant: true, reason: "test" };

/** Pieces as [text, kinds covering it, highlighted]. */
function plan(annotations: never[], hl: { start: number; end: number } | null, segments = [whole]) {
  return pieces({ text: TEXT, annotations, segments }, hl).map((p) => [TEXT.slice(p.start, p.end), p.covering.map((a) => a.kind).join("+"), p.highlighted]);
}

test("pieces cover the whole text in order", () => {
  const all = pieces({ text: TEXT, annotations: [annotation("quantity", "14")], segments: [whole] }, null);
  assert.equal(all.map((p) => TEXT.slice(p.start, p.end)).join(""), TEXT);
});

test("a span becomes one covered piece between plain ones", () => {
  assert.deepEqual(plan([annotation("facility", "Malir jail")], null), [
    ["Police said 14 prisoners escaped from ", "", false],
    ["Malir jail", "facility", false],
    [".", "", false],
  ]);
});

test("nested spans split into pieces covered by both", () => {
  assert.deepEqual(plan([annotation("trigger", "14 prisoners escaped"), annotation("quantity", "14")], null), [
    ["Police said ", "", false],
    ["14", "trigger+quantity", false],
    [" prisoners escaped", "trigger", false],
    [" from Malir jail.", "", false],
  ]);
});

test("sentence annotations are not marked; the hl range is", () => {
  assert.deepEqual(plan([annotation("sentence", TEXT)], span("prisoners escaped")), [
    ["Police said 14 ", "", false],
    ["prisoners escaped", "", true],
    [" from Malir jail.", "", false],
  ]);
});

test("spans outside the text are ignored rather than breaking the page", () => {
  const broken = { kind: "quantity", rule: "q", value: null, start: 10, end: TEXT.length + 40 } as never;
  assert.deepEqual(plan([broken], null), [[TEXT, "", false]]);
});

test("text outside relevant segments is flagged", () => {
  const segments = [
    { start: 0, end: 12, relevant: false, reason: "boilerplate" },
    { start: 12, end: TEXT.length, relevant: true, reason: "story" },
  ];
  const result = pieces({ text: TEXT, annotations: [], segments }, null).map((p) => [TEXT.slice(p.start, p.end), p.relevant]);
  assert.deepEqual(result, [["Police said ", false], ["14 prisoners escaped from Malir jail.", true]]);
});
