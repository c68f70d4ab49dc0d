// The CSV export's row: ACLED's 31 columns in ACLED's order and meanings, then escapewatch's
// own (type, status, dates, facility, roles, low/best/high and vague flag per quantity, reports).
// How the eight incident types map onto ACLED's event types is data (data/acled.json) and is
// explained in the README.
import { QUANTITIES, type Incident } from "../model/incident.ts";
import type { DocumentSummary } from "../store/store.ts";
import { getLexicon } from "../gazetteer/lexicon.ts";
import { isGenericActor } from "../extract/actor-roles.ts";
import { countryInfo } from "./countries.ts";
import { notesOf } from "./notes.ts";
import { acledActors, partiesOf } from "./parties.ts";
import { GEO_PRECISION, eventDay, eventNumber, locationOf, timePrecision, totalsAreVague, totalsOf } from "./project.ts";
import acled from "./data/acled.json" with { type: "json" };

/** ACLED's columns, in the order of ACLED's exports. */
export const ACLED_COLUMNS = [
  "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
  "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
  "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
  "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
] as const;

/** escapewatch's own columns after ACLED's. */
export const OWN_COLUMNS = [
  "incident_id", "type", "status", "unconfirmed", "date_earliest", "date_latest", "facility_id", "facility", "facility_kind",
  "initiators", "targets", "holders", "sources_cited",
  ...QUANTITIES.flatMap((q) => [`${q}_low`, `${q}_best`, `${q}_high`, `${q}_vague`]),
  "reports", "documents", "reviewed", "reviewed_by", "version",
];

export const CSV_COLUMNS: readonly string[] = [...ACLED_COLUMNS, ...OWN_COLUMNS];

/** Joins several values inside one cell, as ACLED joins sources. */
export const LIST_SEPARATOR = "; ";
/** ACLED marks an event with no identified country this way in its ids. */
const NO_COUNTRY_PREFIX = "XXX";

type Cell = string | number | null;
type EventCodes = { disorder_type: string; event_type: string; sub_event_type: string };

/** ACLED's disorder_type, event_type and sub_event_type for an incident (see data/acled.json). */
export function acledEventCodes(incident: Incident, inter1: number | null): EventCodes {
  const mapping = acled.events[incident.type];
  const fatal = (totalsOf(incident, "killed")?.best ?? 0) > 0;
  if (incident.type === "control_change" && fatal) {
    const battle = acled.events.control_change.with_fatalities;
    return inter1 === acled.inter.by_kind.state_force ? battle.state : battle.non_state;
  }
  return { disorder_type: mapping.disorder_type, event_type: mapping.event_type, sub_event_type: mapping.sub_event_type };
}

/** "www.reuters.com/..." -> "reuters.com"; null for a missing or unparsable url. */
export function outletOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, "") || null;
  } catch {
    return null;
  }
}

let actorsByName: Map<string, { id: string; kind: string; country: string | null }> | null = null;

/** ACLED's source_scale from the cited sources' kinds (data/acled.json "source_scale"). */
export function sourceScale(sources: string[], country: string | null): string | null {
  actorsByName ??= new Map([...getLexicon().actors.values()].map((a) => [a.name.toLowerCase(), a]));
  const rules = acled.source_scale;
  const scales = new Set<string>();
  for (const source of sources) {
    const actor = actorsByName.get(source.toLowerCase());
    if (!actor) continue;
    if (rules.subnational_actors.includes(actor.id)) scales.add("Subnational");
    else if (rules.media_kinds.includes(actor.kind)) scales.add(actor.country && actor.country === country ? "National" : "International");
    else scales.add("Other");
  }
  const ordered = rules.order.filter((s) => scales.has(s));
  return ordered.length ? ordered.join("-") : null;
}

function tagsOf(incident: Incident): string {
  const tags = [
    incident.facility ? `facility=${incident.facility.kind.replace("_", " ")}` : null,
    incident.status === "disputed" ? "disputed figures" : null,
    incident.counts.some((c) => c.vague) ? "vague figures" : null,
    incident.counts.some((c) => c.derived) ? "derived figures" : null,
    incident.unconfirmed ? "unconfirmed" : null,
    incident.status === "planned" ? "planned" : null,
  ];
  return tags.filter(Boolean).join(LIST_SEPARATOR);
}

/** One incident as a CSV row keyed by column name; `documents` are the summaries of its reports. */
export function acledRow(incident: Incident, documents: DocumentSummary[]): Record<string, Cell> {
  const where = locationOf(incident);
  const country = countryInfo(where?.country);
  const actors = acledActors(incident, country?.name ?? null);
  const day = eventDay(incident);
  const parties = partiesOf(incident);
  const cited = [...new Set(incident.counts.flatMap((c) => c.claims.map((claim) => claim.source)))].filter((s): s is string => Boolean(s) && !isGenericActor(s!));
  const outlets = documents.map((d) => outletOf(d.url)).filter((o): o is string => o !== null);
  const ingested = documents.map((d) => Date.parse(d.ingestedAt)).filter(Number.isFinite);
  const row: Record<string, Cell> = {
    event_id_cnty: `${country?.iso3 ?? NO_COUNTRY_PREFIX}${eventNumber(incident.id)}`,
    event_date: day,
    year: day ? Number(day.slice(0, 4)) : null,
    time_precision: timePrecision(incident.date),
    ...acledEventCodes(incident, actors.inter1),
    ...actors,
    civilian_targeting: null,
    iso: country?.isoNumeric ?? null,
    region: country?.region ?? null,
    country: country?.name ?? where?.country ?? null,
    admin1: where?.admin1 ?? null,
    admin2: null,
    admin3: null,
    location: where?.name ?? null,
    latitude: where?.lat ?? null,
    longitude: where?.lon ?? null,
    geo_precision: where ? GEO_PRECISION[where.precision] : null,
    source: [...new Set([...cited, ...outlets])].join(LIST_SEPARATOR),
    source_scale: sourceScale(cited, where?.country ?? null),
    notes: notesOf(incident),
    fatalities: totalsOf(incident, "killed")?.best ?? 0,
    tags: tagsOf(incident),
    timestamp: ingested.length ? Math.floor(Math.max(...ingested) / 1000) : null,
    incident_id: incident.id,
    type: incident.type,
    status: incident.status,
    unconfirmed: incident.unconfirmed ? 1 : 0,
    date_earliest: incident.date?.earliest ?? null,
    date_latest: incident.date?.latest ?? null,
    facility_id: incident.facility?.id ?? null,
    facility: incident.facility?.name ?? null,
    facility_kind: incident.facility?.kind ?? null,
    initiators: parties.initiators.join(LIST_SEPARATOR),
    targets: parties.targets.join(LIST_SEPARATOR),
    holders: parties.holders.join(LIST_SEPARATOR),
    sources_cited: parties.sources.join(LIST_SEPARATOR),
    reports: incident.documents.length,
    documents: incident.documents.join(LIST_SEPARATOR),
    reviewed: incident.reviewed ? 1 : 0,
    reviewed_by: incident.reviewedBy ?? null,
    version: incident.version ?? null,
  };
  for (const quantity of QUANTITIES) {
    const totals = totalsOf(incident, quantity);
    row[`${quantity}_low`] = totals?.low ?? null;
    row[`${quantity}_best`] = totals?.best ?? null;
    row[`${quantity}_high`] = totals?.high ?? null;
    row[`${quantity}_vague`] = totals ? (totalsAreVague(incident, quantity) ? 1 : 0) : null;
  }
  return row;
}
