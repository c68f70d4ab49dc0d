// The GeoJSON export (RFC 7946): a FeatureCollection with one Feature per incident. Incidents
// without coordinates keep a null geometry rather than being dropped, so the file lists every
// incident and a map simply skips those it cannot place.
import type { Writable } from "node:stream";
import { QUANTITIES, type Incident } from "../model/incident.ts";
import { writeChunk, type ExportSource } from "./sink.ts";
import { coordinatesOf, locationOf, totalsAreVague, totalsOf, type Totals } from "./project.ts";
import type { IncidentFilter } from "../store/store.ts";
import { partiesOf } from "./parties.ts";

/** "37" for an exact count, "24-99" for a range, "750+" for an open one. */
export function formatTotals(totals: Totals): string {
  if (totals.high === null) return `${totals.low}+`;
  return totals.low === totals.high ? `${totals.low}` : `${totals.low}-${totals.high}`;
}

/** One incident as a Feature; properties are flat (many GIS tools read no nested values). */
export function geojsonFeature(incident: Incident) {
  const coordinates = coordinatesOf(incident);
  const where = locationOf(incident);
  const properties: Record<string, string | number | boolean | null> = {
    id: incident.id,
    type: incident.type,
    status: incident.status,
    unconfirmed: incident.unconfirmed,
    date_earliest: incident.date?.earliest ?? null,
    date_latest: incident.date?.latest ?? null,
    facility_id: incident.facility?.id ?? null,
    facility: incident.facility?.name ?? null,
    place: where?.name ?? null,
    admin1: where?.admin1 ?? null,
    country: where?.country ?? null,
    precision: where?.precision ?? null,
    actors: incident.actors.join("; "),
    initiators: partiesOf(incident).initiators.join("; "),
    targets: partiesOf(incident).targets.join("; "),
    holders: partiesOf(incident).holders.join("; "),
  };
  const summary: string[] = [];
  for (const quantity of QUANTITIES) {
    const totals = totalsOf(incident, quantity);
    if (!totals) continue;
    properties[`${quantity}_best`] = totals.best;
    if (totalsAreVague(incident, quantity)) properties[`${quantity}_vague`] = true;
    summary.push(`${quantity} ${formatTotals(totals)}`);
  }
  properties.counts = summary.join(", ");
  properties.documents = incident.documents.join("; ");
  return {
    type: "Feature" as const,
    id: incident.id,
    geometry: coordinates ? { type: "Point" as const, coordinates } : null,
    properties,
  };
}

/** Writes the incidents (matching `filter`) as a GeoJSON FeatureCollection to `out` (which is left open). */
export async function exportGeojson(source: ExportSource, out: Writable, filter?: IncidentFilter): Promise<void> {
  await writeChunk(out, `{"type":"FeatureCollection","features":[`);
  let separator = "\n";
  for await (const incident of source.iterateIncidents(filter)) {
    await writeChunk(out, separator + JSON.stringify(geojsonFeature(incident)));
    separator = ",\n";
  }
  await writeChunk(out, "\n]}\n");
}
