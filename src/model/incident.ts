// Domain types shared by extraction, incident merging, the store, the exports and the API.
// Field names follow the export contract (shared/contract/export-v1.md) so that exporting is a
// projection, not a translation.
import type { DateWindow, Span } from "./doc.ts";

export const INCIDENT_TYPES = [
  "attack",
  "riot",
  "escape",
  "release",
  "recapture",
  "transfer",
  "alert",
  "control_change",
] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

export const QUANTITIES = [
  "escaped",
  "recaptured",
  "at_large",
  "released",
  "transferred",
  "held",
  "attackers",
  "killed",
  "wounded",
  "families",
] as const;
export type QuantityName = (typeof QUANTITIES)[number];

export type CasualtyGroup = "security_forces" | "attackers" | "detainees" | "civilians";

/** occurred: it happened; planned: announced or possible; negated: the text says it did not happen. */
export type Modality = "occurred" | "planned" | "negated";
export type IncidentStatus = "occurred" | "planned" | "disputed";

/** A count as a range: "at least 750" is {low: 750, high: null}; "37" is {low: 37, high: 37}. */
export interface Quantity {
  low: number;
  /** null = open-ended. */
  high: number | null;
  /** The most likely value inside the range, when the wording suggests one ("about 120"). */
  best?: number;
}

export type PlacePrecision = "facility" | "town" | "admin1" | "country" | "region";

export interface PlaceRef {
  /** Gazetteer id when the place is known to it. */
  id?: string;
  name: string;
  admin1: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  lat: number | null;
  lon: number | null;
  precision: PlacePrecision;
}

export type FacilityKind = "prison" | "camp" | "detention_centre" | "jail" | "police_station" | "other";

export interface FacilityRef {
  /** Gazetteer id, or a slug minted from the text for facilities the gazetteer lacks. */
  id: string;
  name: string;
  kind: FacilityKind;
  place: PlaceRef | null;
}

/** One source's statement of one count, with its evidence. */
export interface Claim extends Span {
  low: number;
  high: number | null;
  /** Normalised source ("Syrian Observatory for Human Rights"), null when unattributed. */
  source: string | null;
  /** The office the text gives a person source ("mayor of Beni"), when it gives one. */
  role?: string;
  /** The outlet the source spoke to or through ("told AFP"), when the text names one. */
  via?: string;
  document: string;
  /** The sentence (or clause) that carries the claim: a projection of start/end, for readers. */
  quote: string;
  /** Rule that read the number. */
  rule: string;
  /** The most likely value when the wording suggests one ("about 120"); optional. */
  best?: number;
  /** The story says the figure was later revised ("initially 30 dead"): kept as a claim, not used for the best figure. */
  revised?: boolean;
}

export interface CountClaims {
  quantity: QuantityName;
  group: CasualtyGroup | null;
  claims: Claim[];
}

/** Reconciled count over all claims (low/best/high as UCDP does). */
export interface Count extends CountClaims {
  low: number;
  best: number;
  high: number | null;
  /** True when distinct sources disagree beyond the tolerance. */
  disputed?: boolean;
  /** True when `best` stands for a vague amount ("thousands"): show the range, not the point. */
  vague?: boolean;
  /** True for figures escapewatch computed (at_large) rather than read. */
  derived?: boolean;
  /** When disputed: each distinct source's figure, so the disagreement is named. */
  disagreement?: SourceFigure[];
  /** When derived: the incidents whose counts it was computed from. */
  derivedFrom?: string[];
}

/** One distinct source's figure for a count, after repeated claims by that source are folded. */
export interface SourceFigure {
  /** Normalised source, null when the document states it without attribution. */
  source: string | null;
  low: number;
  high: number | null;
  best: number;
  document: string;
}

/**
 * What an actor did in an incident. initiator: who acted (stormed, recaptured, took over);
 * target: who was acted upon (the attacked guards, the force that lost the facility); holder:
 * who held the facility ("the SDF-run prison"); source: who stated its figures.
 */
export type ActorRole = "initiator" | "target" | "holder" | "source";
export const ACTOR_ROLES: readonly ActorRole[] = ["initiator", "target", "holder", "source"];

export interface RoledActor {
  actor: string;
  role: ActorRole;
}

/** One incident as told by one document: the output of extraction. */
export interface IncidentMention {
  /** Stable within the document: hash of document id, type and trigger offsets. */
  id: string;
  document: string;
  type: IncidentType;
  modality: Modality;
  /** "Unconfirmed reports claimed ...": kept, but marked. */
  unconfirmed: boolean;
  facility: FacilityRef | null;
  place: PlaceRef | null;
  destination: PlaceRef | null;
  date: DateWindow | null;
  actors: string[];
  /** The actors' roles in this report (src/extract/actor-roles.ts); absent in mentions stored before roles were read. */
  roles?: RoledActor[];
  counts: CountClaims[];
  /** The trigger span and rule ("trigger.escape.verb"). */
  trigger: Span & { rule: string };
  /** Every span that contributed (trigger, facility, date, counts): the explanation. */
  evidence: Array<Span & { kind: string; rule: string }>;
}

/** The force holding a facility from a day on (from control_change incidents and "SDF-run"). */
export interface Holding {
  holder: string;
  since: DateWindow | null;
  document: string;
  start: number;
  end: number;
  rule: string;
}

/** A real-world event, merged over every document that reports it. */
export interface Incident {
  id: string;
  type: IncidentType;
  status: IncidentStatus;
  unconfirmed: boolean;
  facility: FacilityRef | null;
  place: PlaceRef | null;
  destination: PlaceRef | null;
  date: DateWindow | null;
  actors: string[];
  /** Actors by role over every report (src/incidents/roles.ts); absent in incidents built before roles were read. */
  roles?: RoledActor[];
  counts: Count[];
  documents: string[];
  mentions: string[];
  /** Bumped by the store on every change (automatic or human); absent before the first write. */
  version?: number;
  /** True once a person confirmed, corrected, merged or split it (src/review). */
  reviewed?: boolean;
  /** Who made the latest review decision on it. */
  reviewedBy?: string | null;
  /** What people decided and what arrived since; absent for incidents nobody reviewed. */
  review?: IncidentReview;
}

/** A reviewed field that the reports now tell differently: the review stands, but asks for another look. */
export interface ReviewFlag {
  field: string;
  /** The value the reviewer set. */
  reviewed: unknown;
  /** What the reports said when the reviewer set it, and what they say now. */
  evidenceThen: unknown;
  evidenceNow: unknown;
}

/** The review state an incident carries: who last decided on it, and what changed since. */
export interface IncidentReview {
  by: string;
  at: string;
  /** The latest decision: confirm, edit, merge, split. */
  action: string;
  /** Documents that joined the incident after the latest review: shown as new since it. */
  newDocuments: string[];
  flagged: ReviewFlag[];
}
