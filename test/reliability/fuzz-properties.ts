// Fuzz properties over prepareDocument + extract, run by fuzz.test.ts inside a worker thread so a
// hang (catastrophic backtracking, an endless loop) is caught by a watchdog instead of freezing CI.
// Every property: never throws (except IngestError E_NO_TEXT when nothing is left), and every
// offset the pipeline emits lies inside the cleaned text, with claim quotes equal to their span.
import fc from "fast-check";
import type { Doc, RawRecord, Span } from "../../src/model/doc.ts";
import type { Extraction } from "../../src/store/store.ts";
import { IngestError } from "../../src/ingest/errors.ts";
import { prepareDocument } from "../../src/ingest/prepare.ts";
import { extract } from "../../src/extract/pipeline.ts";
import facilitiesData from "../../src/gazetteer/data/facilities.json" with { type: "json" };

/** Fixed so CI runs the same inputs every time; change it locally to explore. */
export const FUZZ_SEED = 20_250_607;
/** Runs per property: bounded so the whole reliability suite stays within its CI budget. */
export const RUNS_PER_PROPERTY = 500;
/** Size of the explicit long-line inputs. */
export const LONG_LINE_BYTES = 1024 * 1024;

const FACILITY_NAMES = (facilitiesData as { facilities: Array<{ name: string }> }).facilities.map((f) => f.name);

// Tokens that exercise the recognisers: numbers in every spelling, triggers, sources, dates,
// punctuation that splits or joins sentences, and quote/bracket pairs left open.
const NEWS_TOKENS = [
  "escaped", "fled", "broke out", "stormed", "attacked", "recaptured", "transferred", "released",
  "at least", "about", "more than", "up to", "dozens of", "hundreds", "some", "nearly", "between",
  "inmates", "prisoners", "detainees", "families", "guards", "gunmen", "militants", "killed", "wounded",
  "said", "according to", "told", "claimed", "reportedly", "denied", "did not", "no", "planned", "may",
  "on Monday", "last week", "yesterday", "in March", "2024", "March 3, 2023", "3/4/2022", "1990s",
  "prison", "camp", "jail", "detention centre", "Islamic State", "SDF", "the ministry", "residents",
  "one", "twenty-five", "a hundred", "1,500", "1.000.000", "12,34,56", "0", "-7", "3.5", "1e9", "9999999999999999",
  ",", ".", "...", ";", ":", "!", "?", '"', "'", "“", "”", "«", "»", "(", ")", "[", "]", "{", "}", "—", "-",
  "\n", "\n\n", "\t", " ", "  ", "\u00a0", "\u200b", "\u202e",
];
const HTML_TOKENS = [
  "<div>", "</div>", "<p>", "</p>", "<span class=x>", "</span>", "<br>", "<br/>", "<h1>", "</h1>", "<article>", "</article>",
  "<script>alert(1)</script>", "<style>p{}</style>", "<!--", "-->", "<![CDATA[", "]]>", "<a href='javascript:x'>", "</a>",
  "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "<table><tr><td>", "</td></tr></table>", "<li>", "<ul>", "</ul>",
  "&amp;", "&lt;", "&gt;", "&quot;", "&nbsp;", "&#0;", "&#x0;", "&#xD800;", "&#1114112;", "&#x1F600;", "&#65;", "&bogus;", "&",
  "<meta property='article:published_time' content='2024-02-30'>", "<title>", "</title>", "<", ">", "</", "<p", "=\"",
];

const fullUnicode = fc.string({ unit: "binary", maxLength: 400 });
const graphemes = fc.string({ unit: "grapheme", maxLength: 300 });
const loneSurrogates = fc.string({ unit: fc.integer({ min: 0xd700, max: 0xe000 }).map((c) => String.fromCharCode(c)), maxLength: 100 });
const digitsAndPunctuation = fc.string({ unit: fc.constantFrom(..."0123456789,.'\"()[]{} -\n"), maxLength: 400 });
const newsToken = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...NEWS_TOKENS) },
  { weight: 2, arbitrary: fc.constantFrom(...FACILITY_NAMES) },
  { weight: 2, arbitrary: fc.nat().map(String) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 6 }) },
);
const newsSoup = fc.array(newsToken, { maxLength: 120 }).chain((tokens) =>
  fc.constantFrom(" ", "", "\n").map((glue) => tokens.join(glue)),
);
const htmlSoup = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...HTML_TOKENS) }, { weight: 4, arbitrary: newsToken }), { maxLength: 150 })
  .map((tokens) => tokens.join(""));
const nestedDivs = fc
  .tuple(fc.integer({ min: 1, max: 400 }), newsSoup, fc.boolean())
  .map(([depth, inner, closed]) => "<div>".repeat(depth) + `<p>${inner}</p>` + (closed ? "</div>".repeat(depth) : ""));

const title = fc.option(fc.oneof(graphemes, newsSoup, fc.constantFrom(...HTML_TOKENS)), { nil: null });
const published = fc.option(fc.constantFrom("2024-01-15", "2019-12-31", "2000-02-29"), { nil: null });

// Random text alone is almost never about a detention facility, so extraction would stop at the
// relevance test; framing it between relevant sentences drives it through every recogniser.
const LEAD = "Gunmen stormed Ghwayran prison on Friday night and at least 120 inmates escaped, a monitoring group said.";
const TAIL = "Guards recaptured 40 of the escapees near Hasakah on Sunday, the interior ministry said.";
const framed = (inner: string) => `${LEAD} ${inner} ${TAIL}`;

function textRecord(text: string, t: string | null, p: string | null): RawRecord {
  return { id: "fuzz", origin: "fuzz", url: null, title: t, published: p, text, html: null };
}
function htmlRecord(html: string, t: string | null, p: string | null): RawRecord {
  return { id: "fuzz", origin: "fuzz", url: "https://news.example/2024/fuzz", title: t, published: p, text: null, html };
}

/** Throws (with a message naming the offence) when the pipeline breaks its contract on `raw`. */
export function checkPipeline(raw: RawRecord): void {
  let doc: Doc;
  try {
    doc = prepareDocument(raw);
  } catch (error) {
    if (error instanceof IngestError && error.code === "E_NO_TEXT") return;
    throw error;
  }
  const extraction = extract(doc);
  checkOffsets(doc, extraction);
}

function checkOffsets(doc: Doc, extraction: Extraction): void {
  const length = doc.text.length;
  const inside = (span: Span, what: string) => {
    if (!(Number.isInteger(span.start) && Number.isInteger(span.end) && 0 <= span.start && span.start <= span.end && span.end <= length)) {
      throw new Error(`${what} [${span.start}, ${span.end}) is outside the cleaned text of length ${length}`);
    }
  };
  for (const s of doc.segments) inside(s, "segment");
  for (const a of doc.annotations) inside(a, `annotation ${a.kind}/${a.rule}`);
  for (const m of extraction.mentions) {
    inside(m.trigger, `trigger ${m.trigger.rule}`);
    for (const e of m.evidence) inside(e, `evidence ${e.kind}/${e.rule}`);
    for (const count of m.counts) {
      for (const claim of count.claims) {
        inside(claim, `claim ${claim.rule}`);
        if (claim.quote !== doc.text.slice(claim.start, claim.end)) {
          throw new Error(`claim quote ${JSON.stringify(claim.quote)} differs from its span ${JSON.stringify(doc.text.slice(claim.start, claim.end))}`);
        }
        if (claim.document !== doc.id) throw new Error(`claim names document ${claim.document}, not ${doc.id}`);
      }
    }
  }
  for (const h of extraction.holdings) inside(h, `holding ${h.rule}`);
}

export interface PropertyResult {
  name: string;
  runs: number;
  /** fast-check's report when the property failed (with the shrunk counterexample), else null. */
  failure: string | null;
}

const PROPERTIES: Array<{ name: string; arbitrary: fc.Arbitrary<RawRecord> }> = [
  { name: "full-unicode plain text", arbitrary: fc.tuple(fullUnicode, title, published).map(([s, t, p]) => textRecord(s, t, p)) },
  { name: "lone surrogates", arbitrary: fc.tuple(loneSurrogates, title, published).map(([s, t, p]) => textRecord(s, t, p)) },
  { name: "digits, commas, quotes, brackets", arbitrary: fc.tuple(digitsAndPunctuation, published).map(([s, p]) => textRecord(s, null, p)) },
  { name: "news-token soup as text", arbitrary: fc.tuple(newsSoup, title, published).map(([s, t, p]) => textRecord(s, t, p)) },
  { name: "news-token soup framed in a relevant story", arbitrary: fc.tuple(newsSoup, title, published).map(([s, t, p]) => textRecord(framed(s), t, p)) },
  { name: "full-unicode framed in a relevant story", arbitrary: fc.tuple(fullUnicode, published).map(([s, p]) => textRecord(framed(s), null, p)) },
  { name: "digits and punctuation framed in a relevant story", arbitrary: fc.tuple(digitsAndPunctuation, published).map(([s, p]) => textRecord(framed(s), null, p)) },
  { name: "HTML and entity soup", arbitrary: fc.tuple(htmlSoup, title, published).map(([s, t, p]) => htmlRecord(s, t, p)) },
  { name: "HTML soup framed in a relevant story", arbitrary: fc.tuple(htmlSoup, title, published).map(([s, t, p]) => htmlRecord(`<article><p>${LEAD}</p><p>${s}</p><p>${TAIL}</p></article>`, t, p)) },
  { name: "nested <div> around news soup", arbitrary: fc.tuple(nestedDivs, title, published).map(([s, t, p]) => htmlRecord(s.replace("<p>", `<p>${LEAD} `), t, p)) },
  { name: "full-unicode as HTML", arbitrary: fc.tuple(fullUnicode, title).map(([s, t]) => htmlRecord(s, t, null)) },
];

/** Runs every property with the fixed seed; never throws, reports each result as it finishes. */
export function runFuzzProperties(onResult: (result: PropertyResult) => void, runs = RUNS_PER_PROPERTY, seed = FUZZ_SEED): void {
  for (const { name, arbitrary } of PROPERTIES) {
    let executed = 0;
    const details = fc.check(
      fc.property(arbitrary, (raw) => {
        executed += 1;
        checkPipeline(raw);
      }),
      { seed, numRuns: runs },
    );
    onResult({ name, runs: executed, failure: details.failed ? (fc.defaultReportMessage(details) ?? "failed") : null });
  }
}

/** Explicit 1 MB single-line inputs of the characters recognisers loop over. */
export function longLineInputs(): Array<{ name: string; raw: RawRecord }> {
  const line = (unit: string) => unit.repeat(Math.ceil(LONG_LINE_BYTES / unit.length)).slice(0, LONG_LINE_BYTES);
  const units: Array<[string, string]> = [
    ["digits", "7"],
    ["commas", ","],
    ["digit groups", "1,"],
    ["double quotes", '"'],
    ["curly quotes", "“"],
    ["brackets", "(["],
    ["closing brackets", ")]"],
    ["number words", "twenty-five "],
    ["spaced digits", "1 "],
    ["dots", "."],
  ];
  const inputs = units.map(([name, unit]) => ({ name: `1 MB of ${name}`, raw: textRecord(line(unit), null, "2024-01-15") }));
  // Every line above is irrelevant text (extraction stops early); these make extraction read them.
  inputs.push({ name: "1 MB of digits and commas inside a relevant story", raw: textRecord(framed(line("1,2 ")), null, "2024-01-15") });
  inputs.push({ name: "1 MB of quotes and brackets inside a relevant story", raw: textRecord(framed(line("\"(x) [y] ")), null, "2024-01-15") });
  // One run-on "sentence" dense with claims: every number pairs with every cue in its sentence,
  // so before sentences were capped (MAX_SENTENCE_CHARS) this took over five minutes.
  inputs.push({ name: "1 MB run-on sentence of escape claims", raw: textRecord(framed(line("at least 5 inmates escaped from Ghwayran prison, ")), null, "2024-01-15") });
  inputs.push({ name: "1 MB of <div> nesting as HTML", raw: htmlRecord(line("<div>"), null, null) });
  inputs.push({ name: "1 MB of entities as HTML", raw: htmlRecord(`<p>${line("&amp;&#x1F600;")}</p>`, null, null) });
  return inputs;
}
