// "One big event": thousands of reports of one prison breakout, as real coverage runs. Breaking
// reports on the first days (an attack, an escape, a curfew), then updates (recaptures, inmates
// still at large, the transfer of those left), then follow-ups for weeks, some dated by the text
// ("the July 9 attack"), some not. Outlets name the facility several ways, give their own and
// revised figures, and quote many sources. Reports arrive in publication order, a few late.
// All prose is written for this file; the facility and towns come from the gazetteer.
import type { RawRecord } from "../src/model/doc.ts";
import {
  ALIASES,
  COUNTRY_NAMES,
  HTML_SHARE,
  INCIDENT_CONTEXT,
  INCIDENT_DETAILS,
  INMATE_NOUNS,
  MONTHS,
  NEWS_CONTEXT,
  PEOPLE,
  REAL_TARGET_WORDS,
  Rng,
  SITES,
  TOWNS,
  WEEKDAYS,
  capitalize,
  countPhrase,
  fill,
  padStory,
  pairUp,
  toRecord,
  withCommas,
  type Page,
  type Site,
} from "./stream.ts";

export const BIG_EVENT_REPORTS = 5_000;
/** Reports keep coming this many days after the breakout, most of them in the first days. */
export const COVERAGE_DAYS = 90;
/** Share of reports a scraper delivers late, after reports published days after them. */
export const LATE_SHARE = 0.01;
const BIG_EVENT_SEED = 90_210;
/** Ids after the mixed stream's, so the two never collide. */
const BIG_EVENT_ID_BASE = 5_000_000;
const BREAKOUT_DAY = Date.UTC(2023, 6, 9);
const DAY_MS = 86_400_000;

/** Who tells the story, each with the escaped figure it gives (a share of the true figure). */
const SOURCE_FIGURES: Array<{ source: string; opening: string; share: number }> = [
  { source: "the correctional service said in a statement", opening: "According to the correctional service", share: 1 },
  { source: "police said", opening: "According to police", share: 0.97 },
  { source: "the state governor told reporters", opening: "The state governor said", share: 1.1 },
  { source: "a prison official told reporters", opening: "A prison official said", share: 0.9 },
  { source: "residents told journalists", opening: "Residents said", share: 1.3 },
  { source: "the interior ministry said in a statement", opening: "According to the interior ministry", share: 1 },
  { source: "a security source said", opening: "According to a security source", share: 0.85 },
];

const BREAKING = [
  "Gunmen stormed {facility} in {town} {when}, blasting through the main gate and freeing {count}, {source}.",
  "{Count} escaped from {facility} {when} after armed men attacked the facility with explosives, {source}.",
  "{Opening}, {count} broke out of {facility} {when} during a night-long assault by militants.",
  "Attackers on motorcycles overran {facility} near {town} {when}, and {count} fled in the confusion, {source}.",
];
const CURFEW = [
  "A dusk-to-dawn curfew was imposed on {town} and troops were deployed at checkpoints after the breakout, {source2}.",
  "Security was tightened along the roads out of {town} as the search for the escapees began, {source2}.",
];
const UPDATES = [
  "Security forces have recaptured {recaptured} of the inmates who escaped from {facility} {when}, {source}.",
  "{Recaptured} of the fugitives from {facility} were caught at checkpoints around {town}, {source}, while {remaining} remain at large.",
  "{Opening}, {remaining} of those who fled {facility} {when} are still on the run.",
  "The remaining {held} were transferred from {facility} to {otherFacility} in {town2} because the walls were too damaged to hold them, {source}.",
];
const FOLLOW_UPS = [
  "An inquiry into the {month} {date} attack on {facility} has blamed poor intelligence and a shortage of guards, {source}.",
  "Weeks after the breakout, {remaining} of the inmates who escaped from {facility} are still at large, {source}.",
  "Police said they were still searching for inmates who escaped from {facility}, and offered a reward for information.",
  "{Recaptured} inmates who escaped from {facility} in {month} have now been returned to custody, {source}.",
];

interface Breakout {
  site: Site;
  names: string[];
  escaped: number;
  otherFacility: string;
  town2: string;
}

function breakoutOf(rng: Rng): Breakout {
  // A facility the news names several ways, as big breakouts are.
  const site = rng.pick(SITES.filter((s) => (ALIASES.get(s.facility) ?? []).length >= 3 && !/camp/i.test(s.facility)));
  const names = [site.facility, ...(ALIASES.get(site.facility) ?? []), `${site.town} Central Prison`, `the prison in ${site.town}`];
  const other = rng.pick(SITES.filter((s) => s.facility !== site.facility));
  return { site, names, escaped: rng.int(600, 1800), otherFacility: other.facility, town2: rng.pick(TOWNS) };
}

function whenOf(rng: Rng, publishedMs: number): string {
  const date = new Date(BREAKOUT_DAY);
  const days = Math.round((publishedMs - BREAKOUT_DAY) / DAY_MS);
  const options = [`on ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`];
  if (days === 0) options.push("overnight", "early on Sunday", "on Sunday night");
  else if (days < 6) options.push(`on ${WEEKDAYS[date.getUTCDay()]}`, `late on ${WEEKDAYS[date.getUTCDay()]}`);
  else options.push(`in ${MONTHS[date.getUTCMonth()]}`);
  if (new Date(publishedMs).getUTCMonth() === date.getUTCMonth() + 1) options.push("last month");
  return rng.pick(options);
}

function reportPage(rng: Rng, breakout: Breakout, publishedMs: number): Page {
  const days = Math.round((publishedMs - BREAKOUT_DAY) / DAY_MS);
  const teller = rng.pick(SOURCE_FIGURES);
  const noun = rng.pick(INMATE_NOUNS);
  // Figures firm up over the first days; recaptures grow with time.
  const told = Math.round(breakout.escaped * teller.share * (days < 2 ? rng.pick([0.7, 0.85, 1]) : 1));
  const recaptured = Math.min(breakout.escaped - 10, Math.round(breakout.escaped * Math.min(0.9, 0.05 + days / 60)));
  const name = rng.pick(breakout.names);
  const slots: Record<string, string> = {
    facility: /^(al-|Al-|the |The )/.test(name) || rng.chance(0.5) ? name : `the ${name}`,
    facilityShort: name,
    town: breakout.site.town,
    town2: breakout.town2,
    otherFacility: breakout.otherFacility,
    country: COUNTRY_NAMES[breakout.site.country] ?? "the country",
    when: whenOf(rng, publishedMs),
    month: MONTHS[new Date(BREAKOUT_DAY).getUTCMonth()],
    date: String(new Date(BREAKOUT_DAY).getUTCDate()),
    source: teller.source,
    Opening: teller.opening,
    source2: rng.pick(SOURCE_FIGURES).source,
    capacity: withCommas(breakout.escaped * 2),
    count: countPhrase(rng, told, noun),
    recaptured: countPhrase(rng, Math.max(1, recaptured), noun),
    remaining: countPhrase(rng, breakout.escaped - recaptured, noun),
    held: countPhrase(rng, rng.int(200, 500), noun),
    person: rng.pick(PEOPLE),
  };
  slots.Count = capitalize(slots.count);
  slots.Recaptured = capitalize(slots.recaptured);
  const lead = days < 3 ? [rng.pick(BREAKING), rng.pick(CURFEW)] : days < 14 ? rng.sample(UPDATES, 2) : rng.sample(FOLLOW_UPS, 2);
  if (days >= 3) lead.push(rng.pick(BREAKING)); // real updates retell the breakout
  const body = [...lead.map((s) => fill(s, slots)), ...pairUp(rng.sample(INCIDENT_DETAILS, rng.int(3, 6)).map((d) => fill(d, slots)))];
  const title = days < 3 ? `Hundreds escape as gunmen storm prison in ${breakout.site.town}` : `Manhunt continues for ${breakout.site.town} escapees`;
  return { title, paragraphs: padStory(rng, body, [...INCIDENT_CONTEXT, ...NEWS_CONTEXT], slots, REAL_TARGET_WORDS) };
}

/**
 * `count` reports of one breakout, in the order a scraper delivers them (publication order, with
 * LATE_SHARE of them late). Example: `[...bigEventStream(5000)]` is the same on every run.
 */
export function* bigEventStream(count: number, seed = BIG_EVENT_SEED): Generator<RawRecord> {
  const rng = new Rng(seed);
  const breakout = breakoutOf(rng);
  // Publication days, front-loaded: a quarter on the first day, half within the first week.
  const days = Array.from({ length: count }, () => Math.floor(COVERAGE_DAYS * rng.next() ** 4)).sort((a, b) => a - b);
  const order = days.map((_, i) => i);
  for (let i = 0; i < count; i++) {
    if (!rng.chance(LATE_SHARE)) continue;
    const later = Math.min(count - 1, i + rng.int(50, 400));
    order.splice(later, 0, order.splice(i, 1)[0]);
  }
  for (const i of order) {
    const publishedMs = BREAKOUT_DAY + days[i] * DAY_MS;
    yield toRecord(rng, BIG_EVENT_ID_BASE + i, reportPage(rng, breakout, publishedMs), publishedMs, HTML_SHARE);
  }
}
