// What the API returns: projections of the store's model, never new facts. Lists carry
// summaries (counts without their claims) so a page of 500 incidents stays small; detail views
// carry every claim with its quote and offsets.
import type { Annotation, Day, Doc, Segment } from "../model/doc.ts";
import { isRelevant } from "../model/doc.ts";
import type { Count, Incident } from "../model/incident.ts";
import { facilityHistory, type FacilityHistory } from "../incidents/facilities.ts";
import type { Store } from "../store/store.ts";

export interface CountSummary {
  quantity: Count["quantity"];
  group: Count["group"];
  low: number;
  best: number;
  high: number | null;
  disputed: boolean;
  derived: boolean;
  /** Present (true) when best stands for a vague amount ("thousands"). */
  vague?: boolean;
  claims: number;
}

export type IncidentSummary = Omit<Incident, "counts" | "mentions"> & { counts: CountSummary[] };

export interface DocumentSummaryView {
  id: string;
  url: string | null;
  title: string | null;
  published: Day | null;
  relevant: boolean;
  length: number;
}

export interface DocumentView extends DocumentSummaryView {
  publishedOrigin: Doc["publishedOrigin"];
  text: string;
  segments: Segment[];
  annotations: Array<Pick<Annotation, "kind" | "rule" | "start" | "end" | "value">>;
}

export interface IncidentView {
  incident: Incident;
  documents: DocumentSummaryView[];
  /** The incidents its derived figures were computed from (at_large: the escape and the recaptures). */
  derivedFrom: IncidentSummary[];
}

/** A claim a document gave to an incident, without the quote (the document page has the text). */
export interface FedClaim {
  quantity: Count["quantity"];
  group: Count["group"];
  low: number;
  high: number | null;
  source: string | null;
  start: number;
  end: number;
  rule: string;
}

/** What one document fed: each incident it reports, with the claims it gave it. */
export interface DocumentFed {
  incident: IncidentSummary;
  claims: FedClaim[];
}

export type DocumentPageView = DocumentView & { fed: DocumentFed[] };

/** A facility's history (incidents/facilities.ts) with its incidents as summaries. */
export type FacilityView = Omit<FacilityHistory, "incidents"> & { incidents: IncidentSummary[] };

export function incidentSummary(incident: Incident): IncidentSummary {
  const { counts, mentions: _mentions, ...rest } = incident;
  return {
    ...rest,
    counts: counts.map((c) => ({
      quantity: c.quantity,
      group: c.group,
      low: c.low,
      best: c.best,
      high: c.high,
      disputed: c.disputed ?? false,
      derived: c.derived ?? false,
      ...(c.vague ? { vague: true } : {}),
      claims: c.claims.length,
    })),
  };
}

export function documentSummary(doc: Doc): DocumentSummaryView {
  return {
    id: doc.id,
    url: doc.url,
    title: doc.title,
    published: doc.published,
    relevant: isRelevant(doc),
    length: doc.text.length,
  };
}

export function documentView(doc: Doc): DocumentView {
  return {
    ...documentSummary(doc),
    publishedOrigin: doc.publishedOrigin,
    text: doc.text,
    segments: doc.segments,
    annotations: doc.annotations.map(({ kind, rule, start, end, value }) => ({ kind, rule, start, end, value })),
  };
}

/** The incident with every claim, the summaries of the documents that report it, and the incidents its derived figures come from. */
export async function incidentView(store: Store, incident: Incident): Promise<IncidentView> {
  const documents = (await store.documentSummaries(incident.documents)).map(({ id, url, title, published, relevant, length }) => ({ id, url, title, published, relevant, length }));
  const sourceIds = [...new Set(incident.counts.flatMap((c) => c.derivedFrom ?? []))].filter((id) => id !== incident.id);
  const derivedFrom: IncidentSummary[] = [];
  for (const id of sourceIds) {
    const source = await store.getIncident(id);
    if (source) derivedFrom.push(incidentSummary(source));
  }
  return { incident, documents, derivedFrom };
}

/** Most incidents one document page lists: a report tells a handful, never hundreds. */
export const MAX_FED_INCIDENTS = 200;

/** The document with the incidents it reports and the claims it gave each of them. */
export async function documentPageView(store: Store, doc: Doc): Promise<DocumentPageView> {
  const incidents = await store.listIncidents({ document: doc.id, limit: MAX_FED_INCIDENTS });
  const fed = incidents.map((incident) => ({
    incident: incidentSummary(incident),
    claims: incident.counts.flatMap((count) =>
      count.claims
        .filter((claim) => claim.document === doc.id)
        .map((claim) => ({ quantity: count.quantity, group: count.group, low: claim.low, high: claim.high, source: claim.source, start: claim.start, end: claim.end, rule: claim.rule })),
    ),
  }));
  return { ...documentView(doc), fed };
}

/** The history of the facility matching `nameOrId`, or null when none does. */
export async function facilityView(store: Store, nameOrId: string): Promise<FacilityView | null> {
  const history = await facilityHistory(store, nameOrId);
  if (!history) return null;
  return { ...history, incidents: history.incidents.map(incidentSummary) };
}
