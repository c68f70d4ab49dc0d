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
}

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

/** The incident with every claim and the summaries of the documents that report it. */
export async function incidentView(store: Store, incident: Incident): Promise<IncidentView> {
  const documents: DocumentSummaryView[] = [];
  for (const id of incident.documents) {
    const doc = await store.getDocument(id);
    if (doc) documents.push(documentSummary(doc));
  }
  return { incident, documents };
}

/** The history of the facility matching `nameOrId`, or null when none does. */
export async function facilityView(store: Store, nameOrId: string): Promise<FacilityView | null> {
  const history = await facilityHistory(store, nameOrId);
  if (!history) return null;
  return { ...history, incidents: history.incidents.map(incidentSummary) };
}
