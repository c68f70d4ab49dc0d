// Guard against catastrophic regex backtracking and accidental quadratic scans: long lines of
// digits, commas, quotes, brackets, repeated words and nested-looking markup go through the whole
// prepare + extract path and must come out with every offset inside the cleaned text. No timing
// assertions (they would flake on a busy machine); a case that hangs makes the test runner time
// out, and bench/README says what each took when the guard was written.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import type { Doc, RawRecord } from "../src/model/doc.ts";
import { prepareDocument } from "../src/ingest/prepare.ts";
import { IngestError } from "../src/ingest/errors.ts";
import { extract } from "../src/extract/pipeline.ts";
import { wordDistance } from "../src/extract/window.ts";
import { withoutClosingParenthetical } from "../src/text/classify.ts";
import { matchGazetteer } from "../src/gazetteer/index.ts";

const MB = 1 << 20;
/** Sentence-dense text stays smaller: attribution still scans each paragraph once per sentence. */
const SENTENCE_DENSE_BYTES = 64 * 1024;

const repeatTo = (unit: string, bytes: number) => unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);

function record(id: string, body: { text?: string; html?: string }): RawRecord {
  return { id, origin: `adversarial:${id}`, url: null, title: null, published: "2024-03-10", text: body.text ?? null, html: body.html ?? null };
}

const CASES: Array<{ name: string; body: () => { text?: string; html?: string } }> = [
  { name: "digits", body: () => ({ text: `Prison break reported.\n\n${repeatTo("1234567890", MB)}` }) },
  { name: "spaced digits", body: () => ({ text: repeatTo("7 ", MB) }) },
  { name: "thousands separators", body: () => ({ text: repeatTo("1,", MB) }) },
  { name: "commas", body: () => ({ text: repeatTo(",", MB) }) },
  { name: "quotes", body: () => ({ text: repeatTo("\"“”'’", MB) }) },
  { name: "unclosed brackets", body: () => ({ text: repeatTo("([{", MB) }) },
  { name: "bracketed words", body: () => ({ text: repeatTo("(a) ", MB) }) },
  { name: "a a a a", body: () => ({ text: repeatTo("a ", MB) }) },
  { name: "prison prison", body: () => ({ text: repeatTo("prison ", MB) }) },
  { name: "prison per line", body: () => ({ text: repeatTo("prison\n", MB) }) },
  { name: "full stops", body: () => ({ text: repeatTo(". ", MB) }) },
  { name: "nested-looking html", body: () => ({ html: `<html><body>${repeatTo("<div><p><span>", MB / 2)}escape${"</span></p></div>".repeat(20_000)}</body></html>` }) },
  { name: "tags as plain text", body: () => ({ text: repeatTo("<div><b>", MB) }) },
  { name: "one sentence per clause", body: () => ({ text: repeatTo("37 prisoners escaped from the prison. ", SENTENCE_DENSE_BYTES) }) },
  {
    name: "run-on sentence full of entities",
    body: () => ({ text: repeatTo("at least 1,500 inmates fled Ghwayran prison in Hasakah according to police and ", SENTENCE_DENSE_BYTES) }),
  },
];

function assertOffsetsInRange(doc: Doc, mentions: ReturnType<typeof extract>["mentions"]): void {
  const n = doc.text.length;
  const inRange = (s: { start: number; end: number }, what: string) =>
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start <= s.end && s.end <= n, `${what} [${s.start}, ${s.end}) outside 0..${n}`);
  for (const s of doc.segments) inRange(s, "segment");
  for (const a of doc.annotations) inRange(a, `annotation ${a.rule}`);
  for (const m of mentions) {
    inRange(m.trigger, `trigger ${m.trigger.rule}`);
    for (const e of m.evidence) inRange(e, `evidence ${e.rule}`);
  }
}

describe("adversarial input completes with offsets in range", () => {
  for (const c of CASES) {
    it(c.name, () => {
      let doc: Doc;
      try {
        doc = prepareDocument(record(c.name, c.body()));
      } catch (error) {
        // A page that is all boilerplate is rejected with its stable code, which is fine.
        assert.ok(error instanceof IngestError && error.code === "E_NO_TEXT", `unexpected ${String(error)}`);
        return;
      }
      const { mentions } = extract(doc);
      assertOffsetsInRange(doc, mentions);
    });
  }
});

// The gazetteer alone on megabytes of facility names, owners and references back: overlaps,
// identity and references are settled in one pass each, never by comparing every pair.
describe("the gazetteer on facility-dense megabytes", () => {
  const letters = (i: number) => {
    let s = "";
    do {
      s += String.fromCharCode(97 + (i % 26));
      i = Math.floor(i / 26);
    } while (i > 0);
    return s;
  };
  const distinct = Array.from({ length: 40_000 }, (_, i) => `Za${letters(i)} prison in Gombe and the prison, Nigerian police said; `).join("").slice(0, MB);
  const CASES: Array<[string, string]> = [
    ["a different facility name every few words", distinct],
    ["owners, towns and references", repeatTo("Conakry's central prison and a prison in Kano and the jail ", MB)],
    ["curated names of several countries", repeatTo("Kuje prison, the National Penitentiary and San Pedro prison in the capital; ", MB)],
  ];
  for (const [name, text] of CASES) {
    it(name, () => {
      for (const a of matchGazetteer(text)) assert.ok(a.start >= 0 && a.start < a.end && a.end <= text.length);
    });
  }
});

// The linear rewrites made for these inputs must answer exactly as the code they replaced.
describe("linear rewrites match the originals", () => {
  const text = fc.string({ unit: fc.constantFrom("(", ")", "a", " ", "\n", "\t", "."), maxLength: 40 });

  it("withoutClosingParenthetical equals the old /\\s*\\([^)]*\\)\\s*$/ replace", () => {
    fc.assert(fc.property(text, (t) => withoutClosingParenthetical(t) === t.replace(/\s*\([^)]*\)\s*$/, "")), { numRuns: 5000 });
  });

  it("wordDistance equals the old slice/trim/split count, and with a limit agrees up to it", () => {
    const words = fc.string({ unit: fc.constantFrom("a", "b", " ", "\n", "\u00a0"), maxLength: 40 });
    fc.assert(
      fc.property(words, fc.nat(40), fc.nat(40), fc.nat(12), (t, x, y, limit) => {
        const [from, to] = [Math.min(x, y, t.length), Math.min(Math.max(x, y), t.length)];
        const between = t.slice(from, to).trim();
        const old = between ? between.split(/\s+/).length : 0;
        const a = { start: 0, end: from };
        const b = { start: to, end: to };
        const limited = wordDistance(t, a, b, limit);
        return wordDistance(t, a, b) === old && (old <= limit ? limited === old : limited > limit);
      }),
      { numRuns: 5000 },
    );
  });

  it("examples", () => {
    assert.equal(withoutClosingParenthetical("Smoke rises over the town (AFP)"), "Smoke rises over the town");
    assert.equal(withoutClosingParenthetical("Ends with a stop."), "Ends with a stop.");
    assert.equal(withoutClosingParenthetical("a (b) c (d)  "), "a (b) c");
    assert.equal(wordDistance("one two three four", { start: 0, end: 3 }, { start: 14, end: 18 }), 2);
  });
});
