// Hand-built documents, mentions and incidents for the store contract suite and the export tests.
// The texts are written for these tests; offsets are computed from them, never typed by hand.
import { createHash } from "node:crypto";
import type { Doc } from "../model/doc.ts";
import type {
  Claim,
  Count,
  FacilityRef,
  Incident,
  IncidentMention,
  IncidentType,
  PlaceRef,
} from "../model/incident.ts";
import type { FacilityHolding, StoredMention } from "./store.ts";

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export const HASAKAH_TOWN: PlaceRef = {
  id: "sy-hasakah",
  name: "Hasakah",
  admin1: "Hasakah",
  country: "SY",
  lat: 36.5,
  lon: 40.75,
  precision: "town",
};

export const NORTH_PRISON: FacilityRef = {
  id: "north-gate-prison",
  name: "North Gate Prison",
  kind: "prison",
  place: HASAKAH_TOWN,
};

export const RIVER_CAMP: FacilityRef = {
  id: "river-bend-camp",
  name: "River Bend Camp",
  kind: "camp",
  place: { name: "Tal Khadra", admin1: null, country: "IQ", lat: 35.1, lon: 43.2, precision: "town" },
};

export const ESCAPE_TEXT =
  "Local officials said on Tuesday that 12 inmates escaped from North Gate Prison after a power cut.\n\n" +
  "A guard was wounded, according to a hospital source.";

/** A cleaned document; `text` defaults to a one-line report naming `id`. */
export function makeDoc(id: string, overrides: Partial<Doc> = {}): Doc {
  const text = overrides.text ?? `Report ${id}: guards at a district jail were reinforced overnight.`;
  return {
    id,
    contentHash: sha256(text),
    url: `https://news.example/${id}`,
    title: `Report ${id}`,
    published: "2025-03-04",
    publishedOrigin: "metadata",
    segments: [{ start: 0, end: text.length, relevant: true, reason: "test fixture" }],
    annotations: [{ kind: "sentence", rule: "sentence.split", start: 0, end: text.length, value: null }],
    ...overrides,
    text,
  };
}

/** A claim whose quote and offsets are those of `phrase` inside `text`. */
export function claimIn(document: string, text: string, phrase: string, low: number, high: number | null, source: string | null): Claim {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`fixture phrase not in text: ${phrase}`);
  return { low, high, source, document, quote: phrase, start, end: start + phrase.length, rule: "quantity.cardinal" };
}

export function makeMention(document: string, id: string, overrides: Partial<IncidentMention> = {}): IncidentMention {
  return {
    id,
    document,
    type: "escape",
    modality: "occurred",
    unconfirmed: false,
    facility: NORTH_PRISON,
    place: HASAKAH_TOWN,
    destination: null,
    date: { earliest: "2025-03-03", latest: "2025-03-03" },
    actors: [],
    counts: [],
    trigger: { start: 0, end: 7, rule: "trigger.escape.verb" },
    evidence: [{ start: 0, end: 7, kind: "trigger", rule: "trigger.escape.verb" }],
    ...overrides,
  };
}

export function stored(mention: IncidentMention, block: string): StoredMention {
  return { mention, block };
}

export function makeHolding(document: string, facility: FacilityRef, holder: string, since: string | null): FacilityHolding {
  return {
    facility,
    holder,
    since: since ? { earliest: since, latest: since } : null,
    document,
    start: 0,
    end: 10,
    rule: "holding.run-by",
  };
}

/** A reconciled count from claims; best is the first claim's low unless given. */
export function makeCount(quantity: Count["quantity"], claims: Claim[], overrides: Partial<Count> = {}): Count {
  const low = Math.min(...claims.map((c) => c.low));
  return { quantity, group: null, claims, low, best: claims[0]?.low ?? low, high: claims[0]?.high ?? null, ...overrides };
}

export function makeIncident(id: string, overrides: Partial<Incident> = {}): Incident {
  const type: IncidentType = overrides.type ?? "escape";
  return {
    id,
    type,
    status: "occurred",
    unconfirmed: false,
    facility: NORTH_PRISON,
    place: HASAKAH_TOWN,
    destination: null,
    date: { earliest: "2025-03-03", latest: "2025-03-03" },
    actors: [],
    counts: [],
    documents: [],
    mentions: [],
    ...overrides,
  };
}
