// What every Store derives from an incident to filter it: the denormalised columns beside its JSON
// and the WHERE clause of an IncidentFilter. Shared by the dialects so a filter finds the same
// incidents in SQLite and in PostgreSQL; the clause uses `?` placeholders, which a dialect that
// numbers its parameters rewrites (postgres/sql.ts).
import type { Incident } from "../model/incident.ts";
import type { IncidentFilter } from "./store.ts";
import { facilityIdsFor, textTermsFor } from "./filter-terms.ts";

/** The WHERE clause (or "") of a filter over the incidents table, with its parameters in order. */
export function incidentWhere(filter: IncidentFilter): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filter.type) {
    clauses.push("type = ?");
    params.push(filter.type);
  }
  if (filter.status) {
    clauses.push("status = ?");
    params.push(filter.status);
  }
  if (filter.country) {
    clauses.push("country = ?");
    params.push(filter.country.toUpperCase());
  }
  if (filter.facility) {
    // The id as given or of the gazetteer facility it is an alias of, else a fragment of the name.
    const ids = facilityIdsFor(filter.facility);
    clauses.push(`(facility_id IN (${placeholders(ids)}) OR facility_name LIKE ? ESCAPE '\\')`);
    params.push(...ids, containsPattern(filter.facility));
  }
  // Window overlap: an incident is in [since, until] when any of its possible days is.
  if (filter.since) {
    clauses.push("latest >= ?");
    params.push(filter.since);
  }
  if (filter.until) {
    clauses.push("earliest <= ?");
    params.push(filter.until);
  }
  if (filter.text) {
    const terms = textTermsFor(filter.text);
    const alternatives = terms.fragments.map(() => "search LIKE ? ESCAPE '\\'");
    params.push(...terms.fragments.map(containsPattern));
    if (terms.facilityIds.length) {
      alternatives.push(`facility_id IN (${placeholders(terms.facilityIds)})`);
      params.push(...terms.facilityIds);
    }
    if (terms.countries.length) {
      alternatives.push(`country IN (${placeholders(terms.countries)})`);
      params.push(...terms.countries);
    }
    clauses.push(`(${alternatives.join(" OR ")})`);
  }
  if (filter.document) {
    clauses.push("id IN (SELECT incident FROM incident_documents WHERE document = ?)");
    params.push(filter.document);
  }
  if (filter.reviewed !== undefined) {
    clauses.push("reviewed = ?");
    params.push(filter.reviewed ? 1 : 0);
  }
  return { where: clauses.length ? `WHERE ${clauses.join(" AND ")}` : "", params };
}

/** SQLite's LIKE folds ASCII case only (PostgreSQL's none), so both sides are lower-cased in JavaScript instead. */
export function containsPattern(fragment: string): string {
  return `%${fragment.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function countryOf(incident: Incident): string | null {
  const country = incident.place?.country ?? incident.facility?.place?.country ?? null;
  return country ? country.toUpperCase() : null;
}

/** What free-text search looks through: facility, places, actors, claim quotes and sources. */
export function searchTextOf(incident: Incident): string {
  const parts: Array<string | null | undefined> = [
    incident.facility?.name,
    incident.facility?.id,
    incident.facility?.place?.name,
    incident.place?.name,
    incident.place?.admin1,
    incident.destination?.name,
    ...incident.actors,
  ];
  for (const count of incident.counts) {
    for (const claim of count.claims) parts.push(claim.quote, claim.source);
  }
  return parts.filter((part): part is string => Boolean(part)).join("\n").toLowerCase();
}

function placeholders(values: unknown[]): string {
  return values.map(() => "?").join(", ");
}
