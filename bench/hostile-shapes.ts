// Hostile inputs of any size, for the linearity guard (bench/linearity.test.ts) and the server's
// event-loop test: markup that defeats naive tag patterns, text dense with incident sentences and
// dates, and runs of digits, commas and long words. Deterministic: the same size gives the same
// bytes. Every sentence here is written for these tests.
import type { RawRecord } from "../src/model/doc.ts";

const TOWNS = ["Kobo", "Maiduguri", "Goma", "Hasakah", "Mosul", "Raqqa", "Kuje", "Beni", "Sokoto", "Aden", "Kandahar", "Bunia"];
const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const SOURCES = ["police said", "a prison official said", "according to local officials", "a spokesman for the army said"];

/** A lead paragraph that makes a page relevant, so the hostile part is read by extraction too. */
export const LEAD = "Gunmen attacked the prison in Kobo on Monday night and 40 inmates escaped, police said.\n\n";

/** Units repeated (with a counter for variety) until the text is `bytes` long. */
export function fill(bytes: number, unit: (i: number) => string): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const u = unit(i);
    parts.push(u);
    length += u.length;
  }
  return parts.join("").slice(0, bytes);
}

/** One incident sentence, varied by `i`: number, town, weekday and source change. */
export function incidentSentence(i: number): string {
  const town = TOWNS[i % TOWNS.length];
  const source = SOURCES[i % SOURCES.length];
  return `${10 + (i % 890)} prisoners escaped from the ${town} prison on ${DAYS[i % 7]} after gunmen stormed its gate, ${source}.`;
}

/** A pronounceable invented name for each i: "Bacede", "Fagu", ... */
export function inventedName(i: number): string {
  let name = "";
  let n = i;
  do {
    name += "bcdfghjklmnpqrstvwz"[n % 19] + "aeiou"[n % 5];
    n = Math.floor(n / 19);
  } while (n > 0);
  return name[0].toUpperCase() + name.slice(1);
}

export interface HostileShape {
  name: string;
  record: (bytes: number) => Pick<RawRecord, "text" | "html">;
  /**
   * Also time extraction over the raw text as one relevant segment: today's cleaner drops such
   * pages, and extraction must stay linear on them whatever the cleaner keeps tomorrow.
   */
  extractRaw?: boolean;
}

export const HOSTILE_SHAPES: readonly HostileShape[] = [
  { name: "'<a' repeated", record: (n) => ({ text: null, html: LEAD + fill(n, () => "<a") }) },
  { name: "unclosed tags with open attributes", record: (n) => ({ text: null, html: `<p>${LEAD}</p>` + fill(n, (i) => `<div class="c${i % 10} `) }) },
  { name: "comment and script openers", record: (n) => ({ text: null, html: `<p>${LEAD}</p>` + fill(n, (i) => (i % 2 ? "<!--" : "<script>")) }) },
  { name: "meta tags with open quotes", record: (n) => ({ text: null, html: `<p>${LEAD}</p>` + fill(n, () => `<meta content='`) }) },
  { name: "deep nesting", record: (n) => ({ text: null, html: fill(n / 2, () => "<div>") + `<p>${LEAD}</p>` + fill(n / 2, () => "</div>") }) },
  {
    name: "dense incident sentences",
    record: (n) => ({ text: fill(n, (i) => incidentSentence(i) + (i % 4 === 3 ? "\n\n" : " ")), html: null }),
  },
  {
    name: "one run-on line of incidents",
    record: (n) => ({ text: fill(n, (i) => `${10 + (i % 890)} inmates fled ${TOWNS[i % TOWNS.length]} jail on ${DAYS[i % 7]} and `), html: null }),
  },
  {
    name: "dense dates",
    record: (n) => ({ text: LEAD + fill(n, (i) => `On ${DAYS[i % 7]}, ${1 + (i % 28)} ${MONTHS[i % 12]} ${1990 + (i % 35)}, ${i % 60} detainees were moved. `), html: null }),
  },
  {
    name: "thousands of distinct facilities",
    record: (n) => ({ text: fill(n, (i) => `Police said ${10 + (i % 80)} inmates escaped from ${inventedName(i)} Prison on ${DAYS[i % 7]}. `), html: null }),
  },
  { name: "digits and commas", record: (n) => ({ text: LEAD + fill(n, (i) => `${i % 1000},${(i * 7) % 1000} `), html: null }), extractRaw: true },
  { name: "long words", record: (n) => ({ text: LEAD + fill(n, (i) => "x".repeat(4000 + (i % 9)) + " "), html: null }), extractRaw: true },
  { name: "markup as plain text", record: (n) => ({ text: LEAD + fill(n, (i) => (i % 3 ? "<a" : "<div class='")), html: null }), extractRaw: true },
  { name: "short numbered sentences", record: (n) => ({ text: LEAD + fill(n, (i) => `Cell ${i % 97} was searched. `), html: null }) },
];
