// The JSON export: exactly shared/contract/export-v1.md ("escapewatch.export/1"), which the
// scorer reads. Streamed: the header, then one record per line as the store yields it.
import type { Writable } from "node:stream";
import type { Count, Incident, PlaceRef } from "../model/incident.ts";
import type { DocumentSummary, IncidentFilter } from "../store/store.ts";
import { writeChunk, type ExportSource } from "./sink.ts";

export const EXPORT_FORMAT_ID = "escapewatch.export/1";

export function exportedDocument(doc: DocumentSummary) {
  return { id: doc.id, url: doc.url, title: doc.title, published: doc.published, relevant: doc.relevant };
}

function exportedPlace(place: PlaceRef | null) {
  if (!place) return null;
  const { name, admin1, country, lat, lon, precision } = place;
  return { ...(place.id ? { id: place.id } : {}), name, admin1, country, lat, lon, precision };
}

function exportedCount(count: Count) {
  return {
    quantity: count.quantity,
    group: count.group,
    low: count.low,
    best: count.best,
    high: count.high,
    ...(count.disputed ? { disputed: true } : {}),
    ...(count.vague ? { vague: true } : {}),
    ...(count.derived ? { derived: true, derivedFrom: count.derivedFrom ?? [] } : {}),
    claims: count.claims.map((c) => ({
      low: c.low,
      high: c.high,
      source: c.source,
      ...(c.role ? { role: c.role } : {}),
      ...(c.via ? { via: c.via } : {}),
      document: c.document,
      quote: c.quote,
      start: c.start,
      end: c.end,
      rule: c.rule,
    })),
  };
}

/**
 * One incident in contract shape (plus `unconfirmed`). `place` falls back to the facility's
 * place: an incident at a known facility happened where the facility is.
 */
export function exportedIncident(incident: Incident) {
  const facility = incident.facility;
  return {
    id: incident.id,
    type: incident.type,
    status: incident.status,
    unconfirmed: incident.unconfirmed,
    facility: facility ? { id: facility.id, name: facility.name, kind: facility.kind } : null,
    place: exportedPlace(incident.place ?? facility?.place ?? null),
    destination: exportedPlace(incident.destination),
    date: incident.date ? { earliest: incident.date.earliest, latest: incident.date.latest } : null,
    actors: incident.actors,
    roles: incident.roles ?? [],
    counts: incident.counts.map(exportedCount),
    documents: incident.documents,
    ...reviewColumns(incident),
  };
}

/** What every export adds about review (fields beyond the contract, which allows more): whether a person checked the incident, who, and its version. */
export function reviewColumns(incident: Incident): { reviewed: boolean; reviewed_by: string | null; version: number | null } {
  return { reviewed: incident.reviewed === true, reviewed_by: incident.reviewedBy ?? null, version: incident.version ?? null };
}

/**
 * Writes the store as escapewatch.export/1 JSON to `out` (which is left open). With a filter:
 * the matching incidents and only the documents that report them.
 */
export async function exportJson(source: ExportSource, out: Writable, filter?: IncidentFilter): Promise<void> {
  await writeChunk(out, `{"format":${JSON.stringify(EXPORT_FORMAT_ID)},\n"documents":[`);
  let separator = "\n";
  for await (const doc of source.iterateDocuments(filter)) {
    await writeChunk(out, separator + JSON.stringify(exportedDocument(doc)));
    separator = ",\n";
  }
  await writeChunk(out, `\n],\n"incidents":[`);
  separator = "\n";
  for await (const incident of source.iterateIncidents(filter)) {
    await writeChunk(out, separator + JSON.stringify(exportedIncident(incident)));
    separator = ",\n";
  }
  await writeChunk(out, "\n]}\n");
}
