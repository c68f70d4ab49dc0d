// A store of a few thousand incidents for driving the dashboard as an analyst would: facilities,
// towns, provinces and countries from the gazetteer; eight types over four years, with a burst of
// 665 incidents in two weeks around Hasakah; disputed, vague and derived figures; actors with
// roles; holder statements and control changes. Seeded, so every run builds the same store.
// Every report text is generated here from sentences written for this file; claims point at
// their sentence's offsets, so the document page can highlight them.
import type { Doc } from "../../src/model/doc.ts";
import type { Count, FacilityRef, Incident, IncidentType, PlaceRef, RoledActor } from "../../src/model/incident.ts";
import type { FacilityHolding, Store } from "../../src/store/store.ts";
import { facilityById, placeById } from "../../src/gazetteer/index.ts";
import facilityData from "../../src/gazetteer/data/facilities.json" with { type: "json" };
import placeData from "../../src/gazetteer/data/places.json" with { type: "json" };
import { Rng } from "../../bench/stream.ts";
import { createHash } from "node:crypto";

export interface AnalystStoreOptions {
  incidents?: number;
  seed?: number;
}

/** The burst: this many incidents over BURST_DAYS days from BURST_START, most at Hasakah. */
export const BURST = { start: "2025-01-10", days: 14, incidents: 665 };
const START_MS = Date.UTC(2021, 0, 1);
const SPAN_DAYS = 4 * 365;
const DAY_MS = 86_400_000;
/** Incidents told by one generated report. */
const INCIDENTS_PER_REPORT = 6;

const TYPES: IncidentType[] = ["escape", "attack", "recapture", "transfer", "release", "riot", "alert", "control_change"];
const TYPE_WEIGHTS = [30, 14, 18, 10, 8, 7, 8, 5];
const SOURCES = ["Syrian Observatory for Human Rights", "SANA", "Reuters", "AFP", "Rudaw", "Hawar News Agency", "Associated Press", "local media"];
const ATTACKERS = ["Islamic State", "Boko Haram", "Islamic State West Africa Province", "Taliban", "G9 gang alliance", "al-Shabaab", "JNIM"];
const HOLDERS: Record<string, string[]> = {
  SY: ["Syrian Democratic Forces", "Syrian army", "Syrian National Army"],
  IQ: ["Iraqi security forces", "Peshmerga"],
  NG: ["Nigerian Correctional Service"],
  HT: ["Haitian National Police"],
};
const QUANTITY_OF: Partial<Record<IncidentType, Count["quantity"]>> = {
  escape: "escaped",
  recapture: "recaptured",
  transfer: "transferred",
  release: "released",
  attack: "killed",
  riot: "wounded",
  control_change: "held",
};
const VERB_OF: Record<IncidentType, string> = {
  escape: "escaped from",
  recapture: "were caught again after fleeing",
  transfer: "were moved out of",
  release: "were let out of",
  attack: "died when gunmen assaulted",
  riot: "were hurt in unrest inside",
  alert: "troops were sent to guard",
  control_change: "were held when control passed at",
};

function weighted<T>(rng: Rng, items: T[], weights: number[]): T {
  let roll = rng.next() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < items.length; i++) if ((roll -= weights[i]) < 0) return items[i];
  return items[items.length - 1];
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

interface Site {
  facility: FacilityRef | null;
  place: PlaceRef;
}

function sites(): { precise: Site[]; province: Site[]; country: Site[]; hasakah: Site } {
  const facilities = facilityData.facilities.map((f) => facilityById(f.id)).filter((f): f is FacilityRef => f !== null && f.place !== null);
  const towns = placeData.places.filter((p) => p.kind === "town").map((p) => placeById(p.id)).filter((p): p is PlaceRef => p !== null);
  const provinces = placeData.places.filter((p) => p.kind === "admin1").map((p) => placeById(p.id)).filter((p): p is PlaceRef => p !== null);
  const countries = ["SY", "IQ", "NG", "AF", "CD"].map((c) => placeById(`country:${c}`)).filter((p): p is PlaceRef => p !== null && p.lat !== null);
  const hasakah = facilities.find((f) => f.id === "ghwayran-prison")!;
  return {
    precise: [...facilities.map((f) => ({ facility: f, place: f.place! })), ...towns.map((place) => ({ facility: null, place }))],
    province: provinces.map((place) => ({ facility: null, place })),
    country: countries.map((place) => ({ facility: null, place })),
    hasakah: { facility: hasakah, place: hasakah.place! },
  };
}

interface Draft {
  incident: Incident;
  /** The sentence a report tells it with; its figure's claim is this sentence. */
  sentence: string;
  figure: { quantity: Count["quantity"]; low: number; high: number | null; best: number; vague: boolean } | null;
  source: string;
}

/** Fills `store` with generated reports, holder statements and incidents; returns the incidents. */
export async function fillAnalystStore(store: Store, options: AnalystStoreOptions = {}): Promise<Incident[]> {
  const rng = new Rng(options.seed ?? 7);
  const total = options.incidents ?? 3000;
  const { precise, province, country, hasakah } = sites();
  const drafts: Draft[] = [];
  for (let i = 0; i < total; i++) {
    const inBurst = i < BURST.incidents;
    const type = weighted(rng, TYPES, TYPE_WEIGHTS);
    const site = inBurst && rng.chance(0.7) ? hasakah : rng.pick(weighted(rng, [precise, province, country], [85, 11, 4]));
    const ms = inBurst ? Date.parse(BURST.start) + rng.int(0, BURST.days - 1) * DAY_MS : START_MS + rng.int(0, SPAN_DAYS) * DAY_MS;
    const width = rng.chance(0.8) ? 0 : rng.int(1, 9);
    drafts.push(draft(rng, `gen_${String(i).padStart(5, "0")}`, type, site, dayOf(ms), dayOf(ms + width * DAY_MS)));
  }
  // Reports: each tells a handful of incidents, one sentence each; claims point at the sentences.
  const docs: Array<{ doc: Doc; holdings: FacilityHolding[] }> = [];
  for (let r = 0; r * INCIDENTS_PER_REPORT < drafts.length; r++) {
    const told = drafts.slice(r * INCIDENTS_PER_REPORT, (r + 1) * INCIDENTS_PER_REPORT);
    const id = `report-${String(r).padStart(4, "0")}`;
    let text = `Round-up of detention news compiled for analysts, part ${r + 1}.\n\n`;
    const holdings: FacilityHolding[] = [];
    for (const d of told) {
      const start = text.length;
      text += `${d.sentence}\n\n`;
      const end = start + d.sentence.length;
      d.incident.documents.push(id);
      if (d.figure) {
        const claim = { low: d.figure.low, high: d.figure.high, source: d.source, document: id, quote: d.sentence, start, end, rule: d.figure.vague ? "quantity.thousands" : "quantity.digits" };
        d.incident.counts[0].claims.push(claim);
      }
      const holder = d.incident.roles?.find((role) => role.role === "holder");
      if (holder && d.incident.facility) {
        holdings.push({ facility: d.incident.facility, holder: holder.actor, since: d.incident.date, document: id, start, end, rule: "holding.run-by" });
      }
    }
    const published = told.map((d) => d.incident.date?.latest ?? "2025-01-01").sort().at(-1)!;
    docs.push({ doc: reportDoc(id, `Detention round-up ${r + 1}: ${told.length} incidents`, text, published), holdings });
  }
  await store.addDocuments(docs.map(({ doc, holdings }) => ({ doc, mentions: [], holdings })));
  // A second report for some incidents, with another source's figure: disputes to show.
  for (const d of drafts.filter((_, i) => i % 9 === 0 && drafts[i].figure)) addSecondOpinion(rng, d);
  linkDerivedAtLarge(drafts);
  const incidents = drafts.map((d) => d.incident);
  await store.replaceIncidents(["generated"], incidents);
  return incidents;
}

/** Who holds a facility on a day: its country's first force, its second from HANDOVER_DAY on. */
const HANDOVER_DAY = "2024-06-01";
function holderOf(site: Site, day: string): string {
  const forces = HOLDERS[site.place.country ?? ""] ?? ["state forces"];
  return day >= HANDOVER_DAY && forces.length > 1 ? forces[1] : forces[0];
}

function draft(rng: Rng, id: string, type: IncidentType, site: Site, earliest: string, latest: string): Draft {
  const where = site.facility?.name ?? site.place.name;
  const holder = holderOf(site, earliest);
  const roles: RoledActor[] = [];
  if (type === "attack" || type === "riot" || (type === "escape" && rng.chance(0.3))) roles.push({ actor: rng.pick(ATTACKERS), role: "initiator" });
  if (type === "recapture" || type === "transfer" || type === "alert") roles.push({ actor: holder, role: "initiator" });
  if (type === "attack") roles.push({ actor: holder, role: "target" });
  if (type === "control_change") roles.push({ actor: holder, role: "initiator" });
  if (site.facility && type !== "control_change") roles.push({ actor: holder, role: "holder" });
  const source = rng.pick(SOURCES);
  roles.push({ actor: source, role: "source" });
  const quantity = QUANTITY_OF[type];
  const vague = quantity !== undefined && rng.chance(0.08);
  const exact = rng.int(3, 400);
  const figure = quantity ? (vague ? { quantity, low: 2000, high: 9999, best: 3000, vague: true } : { quantity, low: exact, high: exact, best: exact, vague: false }) : null;
  const amount = figure ? (figure.vague ? "Thousands of" : String(figure.low)) : "Extra";
  const sentence = `${amount} ${type === "alert" ? "" : "detainees "}${VERB_OF[type]} ${where} between ${earliest} and ${latest}, according to ${source}.`.replace(/\s+/g, " ");
  const counts: Count[] = figure ? [{ quantity: figure.quantity, group: null, low: figure.low, best: figure.best, high: figure.high, claims: [], ...(figure.vague ? { vague: true } : {}) }] : [];
  const incident: Incident = {
    id,
    type,
    status: "occurred",
    unconfirmed: rng.chance(0.03),
    facility: site.facility,
    place: site.place,
    destination: null,
    date: { earliest, latest },
    actors: [...new Set(roles.filter((r) => r.role !== "source").map((r) => r.actor))],
    roles,
    counts,
    documents: [],
    mentions: [],
  };
  return { incident, sentence, figure, source };
}

/** A second source's figure far from the first: the count becomes disputed, each source named. */
function addSecondOpinion(rng: Rng, d: Draft): void {
  const count = d.incident.counts[0];
  const first = count.claims[0];
  if (!first || count.vague) return;
  const other = Math.max(1, Math.round(first.low * rng.pick([0.3, 2.5, 4])));
  const source = d.source === "SANA" ? "Hawar News Agency" : "SANA";
  count.claims.push({ ...first, low: other, high: other, source });
  count.low = Math.min(first.low, other);
  count.high = Math.max(first.low, other);
  count.best = Math.min(first.low, other);
  count.disputed = true;
  count.disagreement = [
    { source: first.source, low: first.low, high: first.high, best: first.low, document: first.document },
    { source, low: other, high: other, best: other, document: first.document },
  ];
  d.incident.status = "disputed";
  d.incident.roles = [...(d.incident.roles ?? []), { actor: source, role: "source" }];
}

/** An escape followed by a recapture at the same facility gets a derived at-large figure naming both. */
function linkDerivedAtLarge(drafts: Draft[]): void {
  const recaptures = new Map<string, Draft>();
  for (const d of drafts) if (d.incident.type === "recapture" && d.incident.facility && d.figure && !d.figure.vague) recaptures.set(d.incident.facility.id, d);
  for (const d of drafts) {
    const recapture = d.incident.facility ? recaptures.get(d.incident.facility.id) : undefined;
    if (d.incident.type !== "escape" || !recapture || !d.figure || d.figure.vague) continue;
    const left = Math.max(0, d.figure.low - recapture.figure!.low);
    d.incident.counts.push({ quantity: "at_large", group: null, low: left, best: left, high: left, claims: [], derived: true, derivedFrom: [d.incident.id, recapture.incident.id] });
  }
}

function reportDoc(id: string, title: string, text: string, published: string): Doc {
  return {
    id,
    contentHash: createHash("sha256").update(text).digest("hex"),
    url: `https://news.example/${id}`,
    title,
    published,
    publishedOrigin: "metadata",
    text,
    segments: [{ start: 0, end: text.length, relevant: true, reason: "generated" }],
    annotations: [],
  };
}
