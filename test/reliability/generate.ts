// A small deterministic generator of valid news-style reports for the reliability suites: the
// same seed always gives the same documents. Sentences are written for this generator; facility
// names come from the gazetteer so some reports produce incidents.
import facilitiesData from "../../src/gazetteer/data/facilities.json" with { type: "json" };

/** mulberry32: a tiny seeded PRNG, enough for test data (not for anything secret). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FACILITIES = (facilitiesData as { facilities: Array<{ name: string }> }).facilities.map((f) => f.name);
const SOURCES = ["a local monitoring group", "the interior ministry", "a prison official", "residents", "a regional security spokesman"];
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

type Pick = <T>(list: readonly T[]) => T;

// Each template writes one short report; `n` is a count, `f` a facility, `s` a source, `d` a weekday.
const INCIDENT_TEMPLATES: Array<(p: { n: number; f: string; s: string; d: string }) => string> = [
  ({ n, f, s, d }) =>
    `Gunmen attacked ${f} on ${d} night and at least ${n} inmates escaped in the confusion, ${s} said.\n\n` +
    `Security forces sealed the roads around the compound and began searching nearby villages.`,
  ({ n, f, s, d }) =>
    `Guards recaptured ${n} detainees on ${d}, two days after they broke out of ${f}, according to ${s}.\n\n` +
    `Officials did not say how many were still at large.`,
  ({ n, f, s, d }) =>
    `Authorities moved ${n} prisoners from ${f} to another facility on ${d}, ${s} told reporters.\n\n` +
    `The transfer followed weeks of overcrowding complaints.`,
  ({ n, f, s, d }) =>
    `A riot broke out inside ${f} on ${d} and ${n} people were wounded before order was restored, ${s} said.\n\n` +
    `Families gathered outside the gates waiting for news.`,
];
const QUIET_TEMPLATES: Array<(p: { n: number; s: string; d: string }) => string> = [
  ({ n, s, d }) =>
    `The city council approved a budget of ${n} million for road repairs on ${d}, ${s} said.\n\n` +
    `Work on the main avenue is expected to start next month.`,
  ({ n, d }) =>
    `A football club signed ${n} young players from the regional academy on ${d}.\n\n` +
    `The coach said the squad would train through the summer.`,
];

export interface GeneratedReport {
  id: string;
  url: string;
  title: string;
  date_publish: string;
  maintext: string;
}

/**
 * `count` reports, about two in three telling a detention-facility incident. Every report has a
 * unique id and a unique serial sentence, so no two share content.
 */
export function generateReports(count: number, seed: number): GeneratedReport[] {
  const random = seededRandom(seed);
  const pick: Pick = (list) => list[Math.floor(random() * list.length)];
  const reports: GeneratedReport[] = [];
  for (let i = 0; i < count; i++) {
    const month = Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const params = { n: 5 + Math.floor(random() * 300), f: pick(FACILITIES), s: pick(SOURCES), d: pick(WEEKDAYS) };
    const incident = random() < 0.66;
    const body = incident ? pick(INCIDENT_TEMPLATES)(params) : pick(QUIET_TEMPLATES)(params);
    const id = `gen-${seed}-${String(i).padStart(4, "0")}`;
    reports.push({
      id,
      url: `https://news.example/${seed}/${i}`,
      title: incident ? `Unrest reported at ${params.f}` : `Local news roundup ${i}`,
      date_publish: `2024-${String(month + 1).padStart(2, "0")}-${String(day).padStart(2, "0")} 09:00:00`,
      maintext: `${body}\n\nThis is bulletin number ${i} of the ${MONTHS[month]} series.`,
    });
  }
  return reports;
}

/** Reports as JSON Lines. */
export function toJsonl(reports: GeneratedReport[]): string {
  return reports.map((r) => JSON.stringify(r)).join("\n") + "\n";
}
