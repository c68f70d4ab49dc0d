// A deterministic synthetic news stream for the benchmark: scraped-looking pages (captions
// repeated, "Also Read" lines, share blocks, "Related Posts" tails) where about one page in ten
// reports an incident at a detention facility and the rest is unrelated news, some of it close
// to the domain on purpose (a refugee-camp fire, a hostage story, an attack on an army barracks).
// Each incident is told by several pages in different words, dated within a couple of days.
// All prose is written for this file; facility and town names come from the gazetteer so the
// extractor sees places it knows.
import type { Day, RawRecord } from "../src/model/doc.ts";
import facilityData from "../src/gazetteer/data/facilities.json" with { type: "json" };
import placeData from "../src/gazetteer/data/places.json" with { type: "json" };

/** Share of pages that report a detention incident in the mixed stream. */
export const INCIDENT_SHARE = 0.1;
/** Share of pages delivered as HTML (the rest as plain text, like corpus.jsonl). */
export const HTML_SHARE = 0.1;
/** Each incident is told by this many pages, inclusive. */
export const REPORTS_PER_INCIDENT = { min: 2, max: 8 };
/** Reports of one incident appear up to this many days after it. */
export const MAX_REPORT_DELAY_DAYS = 2;
/** Pages published per simulated day: sets how long the stream's calendar runs. */
export const PAGES_PER_DAY = 300;
/** Body words an article aims for before boilerplate. */
export const TARGET_WORDS = 600;
/** Body words of a relevant page at real density: real reports run longer than the synthetic ones. */
export const REAL_TARGET_WORDS = 900;
export const DEFAULT_SEED = 20240611;
const STREAM_START = Date.UTC(2021, 0, 1);
const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Seeded PRNG (mulberry32): the same seed gives the same stream on every machine.

export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [lo, hi], inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)];
  }
  /** `k` distinct items in random order (Fisher-Yates on a copy). */
  sample<T>(list: readonly T[], k: number): T[] {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, Math.min(k, copy.length));
  }
}

// ---------------------------------------------------------------------------------------------
// Calendar and number wording.

export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
export const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];

export const dayOf = (ms: number): Day => new Date(ms).toISOString().slice(0, 10);

/** "1,500" */
export function withCommas(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export function roundDown(n: number): number {
  const step = n >= 1000 ? 100 : n >= 100 ? 10 : 5;
  return Math.max(step, Math.floor(n / step) * step);
}

/** One of the many ways reporters give a head count, e.g. "at least 1,500" or "dozens of". */
export function countPhrase(rng: Rng, n: number, noun: string): string {
  const options: string[] = [`${withCommas(n)} ${noun}`, `at least ${withCommas(roundDown(n))} ${noun}`, `more than ${withCommas(roundDown(n))} ${noun}`, `a little over ${withCommas(roundDown(n))} ${noun}`, `about ${withCommas(roundDown(n))} ${noun}`, `nearly ${withCommas(roundDown(n) + (n >= 100 ? 10 : 5))} ${noun}`];
  if (n <= 20) options.push(`${NUMBER_WORDS[n]} ${noun}`);
  if (n >= 24 && n < 100) options.push(`dozens of ${noun}`);
  if (n >= 200 && n < 1000) options.push(`hundreds of ${noun}`);
  return rng.pick(options);
}

function whenPhrase(rng: Rng, eventMs: number, publishedMs: number): string {
  const date = new Date(eventMs);
  const weekday = WEEKDAYS[date.getUTCDay()];
  if (eventMs === publishedMs && rng.chance(0.3)) return rng.pick(["in the early hours", "earlier today", "overnight"]);
  return rng.pick([`on ${weekday}`, `late on ${weekday}`, `early on ${weekday}`, `on ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`, `on ${weekday} night`]);
}

export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Fills `{slot}` placeholders; a missing slot is a bug in a template, so it throws. */
export function fill(template: string, slots: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = slots[key];
    if (value === undefined) throw new Error(`template slot {${key}} has no value: ${template}`);
    return value;
  });
}

// ---------------------------------------------------------------------------------------------
// Names the stream draws on.

export interface Site {
  facility: string;
  town: string;
  country: string;
}

const TOWN_NAMES = new Map(placeData.places.map((p) => [p.id, p.name]));
export const SITES: Site[] = facilityData.facilities.map((f) => {
  const facility = f as { name: string; aliases: string[]; town: string | null; townName?: string; country: string };
  return {
    facility: facility.name,
    town: (facility.town ? TOWN_NAMES.get(facility.town) : facility.townName) ?? facility.name,
    country: facility.country,
  };
});
/** Aliases reporters use, so pages about one incident name the facility differently. */
export const ALIASES = new Map(facilityData.facilities.map((f) => [f.name, f.aliases.filter((a) => /prison|jail|camp|centre|center|penitentiary|facility/i.test(a))]));
export const TOWNS = placeData.places.filter((p) => p.kind === "town").map((p) => p.name);
export const COUNTRY_NAMES: Record<string, string> = { SY: "Syria", IQ: "Iraq", NG: "Nigeria", HT: "Haiti", AF: "Afghanistan", PK: "Pakistan", LY: "Libya", YE: "Yemen", CD: "Congo", CM: "Cameroon", NE: "Niger", BF: "Burkina Faso", ML: "Mali", GN: "Guinea", SD: "Sudan", EC: "Ecuador", MX: "Mexico", CO: "Colombia", PH: "the Philippines", ID: "Indonesia", MM: "Myanmar" };
export const PEOPLE = ["Amina Yusuf", "Karim Haddad", "Lena Okafor", "Tomas Rivera", "Samir Khalil", "Grace Mensah", "Omar Farouk", "Nadia Petrova", "David Osei", "Layla Hassan", "Ibrahim Sule", "Rosa Delgado", "Yusuf Demir", "Hana Saleh", "Peter Ndlovu", "Maria Santos"];
const TEAMS = ["Harbour City", "Northern Rovers", "Al-Wahda", "Riverside United", "Desert Falcons", "Eastern Stars", "Coastal Athletic", "Mountain Lions", "Capital FC", "Green Eagles"];
const COMPANIES = ["Delta Cement", "National Grain Board", "Orion Telecom", "Sahel Mining", "Crescent Bank", "Blue River Textiles", "Atlas Freight", "Summit Energy"];
const SOURCES = ["according to police", "the Observatory said", "a prison official told reporters", "the interior ministry said in a statement", "local media reported", "according to a security source", "the Syrian Observatory for Human Rights said", "the correctional service said in a statement", "a spokesman for the local authorities said", "residents told journalists"];
/** Sources that can open a sentence: "According to police, ...". */
const OPENING_SOURCES = ["According to police", "According to a security source", "According to local media", "According to the Observatory", "According to the interior ministry", "According to witnesses", "According to the prison administration"];
const AGENCIES = ["AFP", "Reuters", "AP", "EPA"];

// ---------------------------------------------------------------------------------------------
// Incident pages. Lead templates tell the event; detail templates add figures and colour;
// context templates pad the story with background that names no event.

type IncidentKind = "escape" | "attack" | "recapture" | "transfer" | "control" | "alert";
const INCIDENT_KINDS: IncidentKind[] = ["escape", "escape", "escape", "attack", "attack", "recapture", "transfer", "control", "alert"];

const LEADS: Record<IncidentKind, string[]> = {
  escape: [
    "{count} escaped from {facility} in {town} {when}, {source}.",
    "{Source}, {count} broke out of {facility} {when} after a riot in one of its wings.",
    "A mass jailbreak at {facility} near {town} {when} let {count} flee, {source}.",
    "{Count} fled {facility} {when} when guards abandoned their posts during heavy fighting, {source}.",
    "Authorities in {town} launched a manhunt after {count} escaped from {facility} {when}, {source}.",
  ],
  attack: [
    "Gunmen stormed {facility} in {town} {when}, detonating a car bomb at the main gate, {source}.",
    "Militants attacked {facility} {when} with rockets and rifles in an attempt to free jailed comrades, {source}.",
    "{Source}, armed men assaulted {facility} on the edge of {town} {when} and fought guards for several hours.",
    "An attack on {facility} {when} left the outer wall breached and two watchtowers burning, {source}.",
  ],
  recapture: [
    "Security forces recaptured {count} who had escaped from {facility} {when}, {source}.",
    "{Count} who fled {facility} were rearrested in raids around {town} {when}, {source}.",
    "{Source}, police caught {count} of the fugitives from {facility} {when} at checkpoints outside {town}.",
  ],
  transfer: [
    "{Count} were transferred from {facility} to a prison in {town2} {when}, {source}.",
    "{Source}, the authorities moved {count} out of {facility} {when} because of the fighting near {town}.",
  ],
  control: [
    "Government troops took control of {facility} {when} after the guards withdrew, {source}.",
    "{Source}, fighters seized {facility} near {town} {when}, along with {count} held inside.",
  ],
  alert: [
    "Authorities in {town} put the area around {facility} on high alert {when} after warnings of a planned jailbreak, {source}.",
    "{Source}, guards at {facility} were reinforced {when} amid fears that militants would attack the prison to free {count}.",
  ],
};
export const INMATE_NOUNS = ["inmates", "prisoners", "detainees"];

export const INCIDENT_DETAILS = [
  "The facility near {town} held roughly {capacity} people, many of them awaiting trial for years.",
  "Residents of {town} said they heard gunfire and explosions for several hours before dawn.",
  "A curfew was imposed on {town} while the search continued, {source2}.",
  "Photographs shared online showed a wide gap in the outer wall and a burnt-out vehicle at the gate.",
  "Officials did not say how many guards were on duty at the time.",
  "The interior ministry promised an investigation into how security at the facility failed.",
  "Relatives gathered outside the gates asking for news of family members held inside.",
  "Checkpoints were set up on the roads leading out of {town}, and drivers were searched.",
  "A guard and two attackers were killed in the exchange of fire, {source2}.",
  "Among those held at the site are people accused of belonging to armed groups.",
  "The prison administration said the situation was under control by the afternoon.",
  "Human rights groups have long warned about overcrowding at {facilityShort}.",
];

export const INCIDENT_CONTEXT = [
  "The wider region has seen repeated clashes between armed groups and government forces over the past year.",
  "Aid agencies say tens of thousands of families in {country} depend on food deliveries that are often delayed.",
  "Diplomats in the capital have called for talks between the parties, but no date has been set.",
  "Analysts say the security services are stretched thin across a long and porous border.",
  "Roads between {town} and {town2} have been closed several times this year because of fighting.",
  "Local officials have asked the central government for more funding to pay salaries that are months late.",
  "The economy of {country} has been hit hard by inflation, and many young men have joined armed groups for pay.",
  "Several international organisations have reduced their staff in the area citing security concerns.",
  "Electricity in {town} is available for only a few hours a day, residents say.",
  "Observers note that similar incidents have occurred in neighbouring provinces in recent months.",
  "The government has repeatedly said it will restore order and rebuild damaged public buildings.",
  "Community leaders in {town} have urged calm and asked young people to stay away from the streets.",
  "A report published by a research group last month described the area as one of the most unstable in {country}.",
  "Foreign governments have been slow to respond to requests for help with border security.",
];

const INCIDENT_HEADLINES: Record<IncidentKind, string[]> = {
  escape: ["Prisoners escape from {facilityShort} as fighting spreads", "Jailbreak in {town}: {count} on the run", "Manhunt under way after mass escape near {town}"],
  attack: ["Gunmen attack {facilityShort} in {town}", "Militants storm prison near {town}", "Car bomb hits gate of {facilityShort}"],
  recapture: ["Police recapture escapees in {town}", "Fugitives from {facilityShort} caught at checkpoints"],
  transfer: ["Detainees moved from {facilityShort} amid fighting", "Authorities transfer prisoners out of {town}"],
  control: ["Troops take over {facilityShort}", "Control of {facilityShort} changes hands"],
  alert: ["Security tightened around {facilityShort}", "{town} on alert over jailbreak fears"],
};

/**
 * Further events of the same story, for pages at real density: a real report of a breakout also
 * tells of the attack before it, the recaptures, the curfew and the transfer of those left.
 */
const FOLLOW_ON_EVENTS: Record<IncidentKind, string[]> = {
  escape: [
    "{Count2} escaped during the assault, {source3}.",
    "In the confusion {count2} slipped out through the breach in the wall, {source2}.",
  ],
  attack: [
    "Gunmen had stormed {facility} with explosives shortly before the breakout, killing {small} guards, {source2}.",
    "The attackers blew open the main gate of {facilityShort} and exchanged fire with guards for about an hour, {source3}.",
  ],
  recapture: [
    "By the following morning security forces had recaptured {count3} of the escapees in villages around {town}, {source2}.",
    "{Count3} of the fugitives were caught at checkpoints on the road to {town2} the next day, {source3}.",
  ],
  transfer: [
    "The remaining {count3} were transferred to {otherFacility} in {town2} the next day, {source3}.",
    "Officials moved {count3} who had stayed behind to {otherFacility}, {source2}.",
  ],
  control: [
    "Troops regained control of {facilityShort} after several hours, {source2}.",
  ],
  alert: [
    "The governor declared a dusk-to-dawn curfew in {town} and ordered troops onto the streets after the breakout, {source3}.",
    "Border posts near {town} were put on high alert for fugitives from the prison, {source2}.",
  ],
};

/** History a real report recalls: earlier events at another facility, dated by a year. */
const BACKGROUND_EVENTS = [
  "In {year}, {count4} escaped from {otherFacility} in a similar attack that officials blamed on the same group.",
  "In {year}, {count4} broke out of {otherFacility} after a riot over conditions there, and many were never found.",
  "Gunmen attacked {otherFacility} in {year}, freeing {count4}, according to records kept by a monitoring group.",
];

/** Kinds of further events each lead kind's story goes on to tell. */
const FOLLOW_ONS: Record<IncidentKind, IncidentKind[]> = {
  escape: ["attack", "recapture", "alert", "transfer"],
  attack: ["escape", "recapture", "alert", "transfer"],
  recapture: ["escape", "alert", "transfer"],
  transfer: ["attack", "escape", "alert"],
  control: ["escape", "transfer", "alert"],
  alert: ["escape", "recapture", "transfer"],
};

// ---------------------------------------------------------------------------------------------
// Unrelated news, including near-misses the relevance filter must leave out.

type NewsTopic = "sport" | "economy" | "weather" | "politics" | "camp-fire" | "hostage" | "barracks";
const NEWS_TOPICS: NewsTopic[] = ["sport", "sport", "economy", "economy", "weather", "politics", "politics", "camp-fire", "hostage", "barracks"];

const NEWS_HEADLINES: Record<NewsTopic, string[]> = {
  sport: ["{team} edge {team2} in late thriller", "{team} coach defends selection after defeat", "Title race tightens as {team} drop points"],
  economy: ["{company} profits rise {pct} percent", "Central bank holds rates as prices climb", "{company} to cut {num} jobs in restructuring"],
  weather: ["Floods cut roads around {town}", "Heatwave pushes temperatures past {temp} degrees", "Storm warning issued for coastal districts"],
  politics: ["Parliament passes budget after long debate", "Minister resigns over procurement row", "Opposition calls for early elections"],
  "camp-fire": ["Fire destroys tents at displacement camp near {town}", "Hundreds homeless after blaze sweeps camp"],
  hostage: ["Aid worker freed after {num} days in captivity", "Kidnappers release bus passengers near {town}"],
  barracks: ["Gunmen attack army barracks near {town}", "Soldiers killed in assault on military base"],
};

const NEWS_SENTENCES: Record<NewsTopic, string[]> = {
  sport: [
    "{team} beat {team2} {score} on Saturday, with {person} scoring the winner in the final minutes.",
    "The home side dominated possession but struggled to turn pressure into chances until the second half.",
    "{person}, who joined the club last summer, has now scored {num} goals in all competitions this season.",
    "The coach told reporters after the match that his players had shown character under pressure.",
    "Attendance at the stadium reached {crowd}, the highest figure of the season so far.",
    "The result lifts {team} to third place in the table, two points behind the leaders.",
    "{team2} have now gone {small} matches without a win and face a difficult run of away fixtures.",
    "A penalty appeal in the first half was turned down after a lengthy video review.",
    "Supporters sang throughout the evening despite the cold wind and steady rain.",
    "The league said it would review the referee's decision to send off a defender before the break.",
  ],
  economy: [
    "{company} reported quarterly revenue of {money} million dollars, up {pct} percent on the year before.",
    "Analysts had expected weaker results because of higher fuel and transport costs.",
    "The central bank left its main interest rate unchanged at {pct} percent, citing stubborn inflation.",
    "Consumer prices rose {pct} percent in the year to last month, driven by food and rent.",
    "{person}, chief executive of {company}, said the firm would invest in new production lines.",
    "Shares in the company rose sharply in early trading before settling slightly higher.",
    "Exporters have complained that the strong currency makes their goods harder to sell abroad.",
    "The finance ministry expects growth of around {small} percent next year, a forecast some economists call optimistic.",
    "Trade unions said they would resist any plan to cut jobs without consultation.",
    "The government plans to issue new bonds worth {money} million dollars to fund road building.",
  ],
  weather: [
    "Heavy rain over the weekend flooded low-lying neighbourhoods of {town} and cut several main roads.",
    "The national weather service said temperatures would reach {temp} degrees Celsius by midweek.",
    "Farmers warned that the dry spell could ruin the wheat harvest in the north.",
    "Emergency teams used boats to reach families cut off by rising water, officials said.",
    "Schools in the district were closed for two days as a precaution.",
    "Forecasters expect the storm to weaken as it moves inland on Thursday.",
    "Residents were advised to stay indoors during the hottest hours of the day and to drink plenty of water.",
    "The river rose by more than {small} metres in a single night, the highest level in a decade.",
    "Power lines were brought down by strong winds, leaving thousands of homes without electricity.",
    "The authorities opened public buildings as cooling centres for elderly people.",
  ],
  politics: [
    "Lawmakers approved the budget by {num} votes to {num2} after a debate that lasted into the night.",
    "The opposition accused the government of hiding the true cost of its spending plans.",
    "{person}, the minister for public works, resigned on Tuesday amid questions about a road contract.",
    "The prime minister said early elections would only deepen uncertainty at a difficult time.",
    "Protesters gathered outside parliament calling for lower fuel prices and better public services.",
    "A new coalition agreement is expected to be signed before the end of the month.",
    "Observers from regional organisations will monitor the vote, the electoral commission said.",
    "The president met tribal leaders to discuss reconciliation in the eastern provinces.",
    "Members of parliament also debated a bill on the independence of the courts.",
    "Turnout in the last national election was about {pct} percent, the lowest on record.",
  ],
  "camp-fire": [
    "A fire swept through a camp for displaced families near {town} on Sunday, destroying around {num} tents.",
    "Residents said the blaze started in a kitchen area and spread quickly because of strong winds.",
    "Aid workers distributed blankets and food to families who lost their shelters.",
    "No deaths were reported, but several children were treated for smoke inhalation.",
    "The camp is home to thousands of people who fled fighting in their villages years ago.",
    "Camp managers have long warned that tents are packed too closely together.",
    "Humanitarian groups appealed for funding to replace tents before the winter.",
    "Firefighters from {town} took more than two hours to bring the flames under control.",
  ],
  hostage: [
    "{person}, an aid worker kidnapped {num} days ago, was released unharmed on Friday, her organisation said.",
    "Gunmen had stopped her vehicle on the road to {town} and taken her into the hills.",
    "Negotiations involving community elders led to her release, according to people close to the talks.",
    "The kidnappers had demanded a ransom, but officials would not say whether any money was paid.",
    "Kidnapping for ransom has become a major source of income for armed gangs in the area.",
    "Her colleagues said she would return home after medical checks.",
    "Several passengers taken from a bus last month are still held, relatives say.",
    "Security forces have set up more checkpoints on highways after a rise in abductions.",
  ],
  barracks: [
    "Gunmen attacked an army barracks near {town} before dawn on Monday, killing {small} soldiers, the military said.",
    "The attackers arrived on motorcycles and fired on the gate before troops pushed them back.",
    "Reinforcements and helicopters were sent to the area, and the fighting lasted several hours.",
    "The army said it killed a number of attackers and seized weapons and ammunition.",
    "No group immediately claimed the attack, but similar raids have been blamed on armed groups active in the region.",
    "The base has been hit twice before in the past two years.",
    "Villagers near the barracks said they fled to nearby farms when the shooting began.",
    "The defence minister visited the wounded soldiers in hospital on Tuesday.",
  ],
};

/** Generic background any page may carry, to reach article length. */
export const NEWS_CONTEXT = [
  "Officials said more details would be released in the coming days.",
  "The announcement was welcomed by business groups, though some critics said it came too late.",
  "Local radio stations carried the news throughout the morning.",
  "A spokesperson declined to comment further when contacted by telephone.",
  "The issue has been widely discussed on social media, where opinions are sharply divided.",
  "Experts say the long-term effects will take months to assess.",
  "Residents interviewed in the market said they were worried about rising costs.",
  "The story has drawn attention far beyond the region.",
  "Earlier this year, a similar situation was resolved after several weeks of negotiations.",
  "Independent figures were not immediately available.",
  "Shopkeepers in {town} said business had been slow for weeks.",
  "The ministry's website was updated with a short statement later in the day.",
  "Travel between the provinces remains difficult, with long queues at every checkpoint.",
  "A group of volunteers has been collecting donations for the families affected.",
  "Newspapers in the capital devoted several pages to the subject on Wednesday.",
  "Some residents said they had heard nothing from the authorities for days.",
  "The regional governor is expected to visit {town2} before the end of the week.",
  "A teacher in {town} said many pupils had missed months of school.",
  "Prices for bread and cooking gas have doubled since the start of the year.",
  "Mobile phone coverage in parts of the district has been patchy for weeks.",
  "The United Nations has repeatedly asked for safe access for relief convoys.",
  "Officials in {town2} said they were following the situation closely.",
  "Several families said they were considering leaving for the city.",
  "Local elders met on Thursday to discuss how to respond.",
  "The last census, carried out more than a decade ago, is widely considered out of date.",
  "Radio presenters invited listeners to call in with their questions.",
];

// ---------------------------------------------------------------------------------------------
// Page chrome: the boilerplate a scraper picks up around the story.

const SECTION_LABELS = ["Middle East World", "Africa News", "World Politics", "Sport Football", "Business Economy", "Home News"];
const CAPTIONS = [
  "Smoke rises over the outskirts of the town on {weekday}",
  "A vehicle drives past a checkpoint on the main road",
  "People gather near the entrance on {weekday} morning",
  "A general view of the area, seen from a nearby hill",
];
const RELATED_HEADLINES = [
  "Fuel prices rise for the third month running",
  "Teachers strike over unpaid wages",
  "New bridge opens to traffic after two years",
  "Football federation names new national coach",
  "Hospital workers call for better equipment",
  "Exports fall as shipping costs climb",
  "Festival returns after four-year break",
  "Officials promise to repair flooded roads",
];

export interface Page {
  title: string;
  paragraphs: string[];
}

function wordCount(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32) n += 1;
  return n;
}

/** Pads a story to article length with context paragraphs, two or three sentences each. */
export function padStory(rng: Rng, body: string[], context: string[], slots: Record<string, string>, targetWords = TARGET_WORDS): string[] {
  const pool = rng.sample(context, context.length);
  let next = 0;
  let words = body.reduce((n, p) => n + wordCount(p), 0);
  while (words < targetWords) {
    const k = rng.int(2, 3);
    const sentences = [];
    for (let i = 0; i < k; i++) sentences.push(fill(pool[next++ % pool.length], slots));
    const paragraph = sentences.join(" ");
    words += wordCount(paragraph);
    body.splice(rng.int(2, body.length), 0, paragraph);
  }
  return body;
}

/** Wraps a story in page boilerplate: section label, duplicated caption, "Also Read", share block, related tail. */
function chrome(rng: Rng, page: Page, weekday: string): string[] {
  const lines: string[] = [];
  if (rng.chance(0.5)) lines.push(rng.pick(SECTION_LABELS));
  lines.push(page.title);
  const caption = `${fill(rng.pick(CAPTIONS), { weekday })} (${rng.pick(AGENCIES)})`;
  lines.push(caption);
  if (rng.chance(0.6)) lines.push(caption);
  const body = [...page.paragraphs];
  body.splice(rng.int(2, Math.max(2, body.length - 1)), 0, `Also Read: ${rng.pick(RELATED_HEADLINES)}`);
  if (rng.chance(0.5)) body.splice(rng.int(3, Math.max(3, body.length - 1)), 0, `Also Read: ${rng.pick(RELATED_HEADLINES)}`);
  lines.push(...body);
  lines.push("Share this article", "Facebook", "Twitter", "WhatsApp", "Email");
  if (rng.chance(0.7)) lines.push("Related Posts", ...rng.sample(RELATED_HEADLINES, rng.int(3, 5)));
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Incidents and their reports.

interface Incident {
  kind: IncidentKind;
  site: Site;
  eventMs: number;
  count: number;
  town2: string;
}

function newIncident(rng: Rng, eventMs: number): Incident {
  const kind = rng.pick(INCIDENT_KINDS);
  const count = rng.pick([rng.int(3, 20), rng.int(21, 99), rng.int(100, 900), rng.int(1000, 4000)]);
  return { kind, site: rng.pick(SITES), eventMs, count, town2: rng.pick(TOWNS) };
}

/** How many incidents a relevant page tells and how long it runs: today's synthetic pages, or real ones. */
export type PageDensity = "synthetic" | "real";

function incidentPage(rng: Rng, incident: Incident, publishedMs: number, density: PageDensity): Page {
  const { site } = incident;
  const aliases = ALIASES.get(site.facility) ?? [];
  const facility = aliases.length && rng.chance(0.4) ? rng.pick(aliases) : site.facility;
  const noun = rng.pick(INMATE_NOUNS);
  const count = countPhrase(rng, incident.count, noun);
  const source = rng.pick(SOURCES);
  const slots: Record<string, string> = {
    count,
    Count: capitalize(count),
    facility: /^(al-|Al-|Camp |the )/.test(facility) || rng.chance(0.5) ? facility : `the ${facility}`,
    facilityShort: facility,
    town: site.town,
    town2: incident.town2,
    country: COUNTRY_NAMES[site.country] ?? "the country",
    when: whenPhrase(rng, incident.eventMs, publishedMs),
    source,
    Source: rng.pick(OPENING_SOURCES),
    source2: rng.pick(SOURCES),
    capacity: withCommas(Math.max(incident.count * rng.int(2, 6), rng.int(300, 5000))),
  };
  const lead = fill(rng.pick(LEADS[incident.kind]), slots);
  const details = rng.sample(INCIDENT_DETAILS, rng.int(4, 8)).map((d) => fill(d, slots));
  const body = [lead, ...pairUp(details)];
  if (density === "real") body.splice(1, 0, ...realDensityEvents(rng, incident, slots));
  const target = density === "real" ? REAL_TARGET_WORDS : TARGET_WORDS;
  return { title: fill(rng.pick(INCIDENT_HEADLINES[incident.kind]), slots), paragraphs: padStory(rng, body, [...INCIDENT_CONTEXT, ...NEWS_CONTEXT], slots, target) };
}

/** Paragraphs of further events and history, so a page tells about as many incidents as a real one. */
function realDensityEvents(rng: Rng, incident: Incident, slots: Record<string, string>): string[] {
  const other = rng.pick(SITES.filter((s) => s.facility !== incident.site.facility));
  const share = (k: number) => Math.max(1, Math.floor(incident.count / k));
  Object.assign(slots, {
    count2: countPhrase(rng, incident.count, rng.pick(INMATE_NOUNS)),
    count3: countPhrase(rng, share(rng.int(3, 8)), rng.pick(INMATE_NOUNS)),
    count4: countPhrase(rng, rng.int(12, 600), rng.pick(INMATE_NOUNS)),
    otherFacility: other.facility,
    source3: rng.pick(SOURCES),
    small: String(rng.int(2, 9)),
    year: String(rng.int(2009, 2019)),
  });
  slots.Count2 = capitalize(slots.count2);
  slots.Count3 = capitalize(slots.count3);
  const kinds = rng.sample(FOLLOW_ONS[incident.kind], FOLLOW_ONS[incident.kind].length);
  const events = kinds.map((kind) => fill(rng.pick(FOLLOW_ON_EVENTS[kind]), slots));
  for (const background of rng.sample(BACKGROUND_EVENTS, 2)) {
    const site = rng.pick(SITES.filter((s) => s.facility !== incident.site.facility));
    events.push(fill(background, { ...slots, otherFacility: site.facility, year: String(rng.int(2009, 2019)) }));
  }
  return pairUp(events);
}

function newsPage(rng: Rng): Page {
  const topic = rng.pick(NEWS_TOPICS);
  const [team, team2] = rng.sample(TEAMS, 2);
  const slots: Record<string, string> = {
    team,
    team2,
    company: rng.pick(COMPANIES),
    person: rng.pick(PEOPLE),
    town: rng.pick(TOWNS),
    town2: rng.pick(TOWNS),
    country: rng.pick(Object.values(COUNTRY_NAMES)),
    score: `${rng.int(1, 4)}-${rng.int(0, 3)}`,
    num: String(rng.int(12, 480)),
    num2: String(rng.int(10, 200)),
    small: String(rng.int(2, 9)),
    pct: `${rng.int(1, 14)}.${rng.int(0, 9)}`,
    money: withCommas(rng.int(40, 9000)),
    crowd: withCommas(rng.int(8000, 61000)),
    temp: String(rng.int(38, 49)),
  };
  const sentences = rng.sample(NEWS_SENTENCES[topic], rng.int(6, NEWS_SENTENCES[topic].length)).map((s) => fill(s, slots));
  const body = pairUp(sentences);
  return { title: fill(rng.pick(NEWS_HEADLINES[topic]), slots), paragraphs: padStory(rng, body, [...NEWS_CONTEXT, ...INCIDENT_CONTEXT], slots) };
}

/** Groups sentences into paragraphs of one to three. */
export function pairUp(sentences: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < sentences.length; ) {
    const k = 1 + ((i * 7 + sentences.length) % 3);
    out.push(sentences.slice(i, i + k).join(" "));
    i += k;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Rendering a page as a scraped record.

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function toHtml(page: Page, lines: string[], published: Day): string {
  const paragraphs = lines.filter((l) => l !== page.title).map((l) => `<p>${escapeHtml(l)}</p>`);
  return [
    `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(page.title)}</title>`,
    `<meta property="article:published_time" content="${published}T08:00:00Z"></head><body>`,
    `<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>`,
    `<article><h1>${escapeHtml(page.title)}</h1>${paragraphs.join("\n")}</article>`,
    `<footer><p>© 2024 The Daily Example. All rights reserved.</p></footer></body></html>`,
  ].join("\n");
}

export function toRecord(rng: Rng, index: number, page: Page, publishedMs: number, htmlShare: number): RawRecord {
  const published = dayOf(publishedMs);
  const lines = chrome(rng, page, WEEKDAYS[new Date(publishedMs).getUTCDay()]);
  const asHtml = rng.chance(htmlShare);
  const id = `bench-${String(index).padStart(7, "0")}`;
  return {
    id,
    origin: `bench:${index}`,
    url: `https://news.example.org/${published.replace(/-/g, "/")}/${id}`,
    title: null,
    published,
    text: asHtml ? null : lines.join("\n\n"),
    html: asHtml ? toHtml(page, lines, published) : null,
  };
}

export interface StreamOptions {
  seed?: number;
  /** Share of pages that report a detention incident (1 = incident reports only). */
  incidentShare?: number;
  htmlShare?: number;
  /** "real": relevant pages as long and as dense in incidents as real reports (default "synthetic"). */
  density?: PageDensity;
}

/**
 * `count` scraped pages in publication order. Example: `[...syntheticStream(1000)]` gives the
 * same thousand records on every run; `syntheticStream(1000, { incidentShare: 1 })` only reports.
 */
export function* syntheticStream(count: number, opts: StreamOptions = {}): Generator<RawRecord> {
  const rng = new Rng(opts.seed ?? DEFAULT_SEED);
  const incidentShare = opts.incidentShare ?? INCIDENT_SHARE;
  const htmlShare = opts.htmlShare ?? HTML_SHARE;
  // Reports of open incidents wait here until they are drawn, so one incident's pages interleave
  // with other news over the following days.
  const pending: Array<{ incident: Incident; publishedMs: number }> = [];
  for (let i = 0; i < count; i++) {
    const todayMs = STREAM_START + Math.floor(i / PAGES_PER_DAY) * DAY_MS;
    if (rng.chance(incidentShare)) {
      if (pending.length === 0) {
        const incident = newIncident(rng, todayMs);
        const reports = rng.int(REPORTS_PER_INCIDENT.min, REPORTS_PER_INCIDENT.max);
        for (let r = 0; r < reports; r++) pending.push({ incident, publishedMs: todayMs + rng.int(0, MAX_REPORT_DELAY_DAYS) * DAY_MS });
      }
      const { incident, publishedMs } = pending.shift()!;
      yield toRecord(rng, i, incidentPage(rng, incident, publishedMs, opts.density ?? "synthetic"), publishedMs, htmlShare);
    } else {
      yield toRecord(rng, i, newsPage(rng), todayMs, htmlShare);
    }
  }
}
