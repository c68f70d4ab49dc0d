// `escapewatch incidents`: the incident list as a readable table, a page at a time, or JSON.
//   escapewatch incidents [--db PATH] [filters] [--limit N] [--offset N] [--json]
// The filters (see `filterOptions`) are the same for `export` and GET /api/incidents.
import type { Command } from "commander";
import { INCIDENT_TYPES, type Count, type Incident, type IncidentStatus, type IncidentType } from "../../model/incident.ts";
import type { DateWindow } from "../../model/doc.ts";
import type { IncidentFilter } from "../../store/store.ts";
import { isDay } from "../../incidents/days.ts";
import type { partiesOf } from "../../export/parties.ts";
import { existingStoreFrom } from "../options.ts";
import type { RegisterCommand } from "./index.ts";

/** Stable codes for the mistakes a user can make on this command line. */
export const INCIDENTS_ERRORS = {
  badType: "E_INCIDENTS_TYPE",
  badCountry: "E_INCIDENTS_COUNTRY",
  badDay: "E_INCIDENTS_SINCE",
  badStatus: "E_INCIDENTS_STATUS",
  badPage: "E_INCIDENTS_PAGE",
} as const;

export const STATUSES: readonly IncidentStatus[] = ["occurred", "planned", "disputed"];
/** Rows per page when --limit is not given. */
export const DEFAULT_LIMIT = 100;
/** The store's largest page. */
export const MAX_LIMIT = 1000;

/** "37", "100–130", "750+". */
export function formatRange(low: number, high: number | null): string {
  if (high === null) return `${low}+`;
  return low === high ? `${low}` : `${low}–${high}`;
}

/** "escaped 100+ (best 115, disputed)"; "killed/attackers 9"; "escaped 2000–9999 (vague, best 3000)". */
export function formatCount(count: Count): string {
  const name = count.group ? `${count.quantity}/${count.group}` : count.quantity;
  const notes = [
    // A vague amount is never shown as its point value alone: the range leads, "vague" says why.
    ...(count.vague ? ["vague"] : []),
    ...(count.low !== count.high ? [`best ${count.best}`] : []),
    ...(count.disputed ? ["disputed"] : []),
    ...(count.derived ? ["derived"] : []),
  ];
  return `${name} ${formatRange(count.low, count.high)}${notes.length ? ` (${notes.join(", ")})` : ""}`;
}

export function formatWindow(date: DateWindow | null): string {
  if (!date) return "undated";
  return date.earliest === date.latest ? date.earliest : `${date.earliest}..${date.latest}`;
}

/** Where: the facility's name, else the place, with the country. */
export function formatSite(incident: Pick<Incident, "facility" | "place">): string {
  const place = incident.facility?.place ?? incident.place;
  const where = incident.facility?.name ?? place?.name ?? "unknown place";
  const country = place?.country;
  return country ? `${where}, ${country}` : where;
}

/** Distinct named sources behind an incident's figures. */
export function sourcesOf(incident: Incident): string[] {
  return [...new Set(incident.counts.flatMap((c) => c.claims.map((cl) => cl.source)).filter((s): s is string => s !== null))].sort();
}

/**
 * "Islamic State → Syrian Democratic Forces": who acted on whom, "-" when no one is named.
 * `parties` is export/parties.ts's partiesOf, passed in because it loads the gazetteer's lexicon:
 * commands that never print a table do not load it.
 */
export function formatSides(incident: Incident, parties: typeof partiesOf): string {
  const { initiators, targets, holders } = parties(incident);
  const other = targets.length ? targets : holders.map((h) => `${h} (holder)`);
  if (!initiators.length && !other.length) return "-";
  return `${initiators.join(", ") || "?"} → ${other.join(", ") || "?"}`;
}

const HEADERS = ["date", "type", "status", "facility / place", "counts", "who", "sources", "reports"];

/** The incidents as an aligned plain-text table (one row per incident; reports as a count, never a list of ids). */
export function incidentTable(incidents: Incident[], parties: typeof partiesOf): string {
  const rows = incidents.map((i) => [
    formatWindow(i.date),
    i.type,
    i.unconfirmed ? `${i.status}?` : i.status,
    formatSite(i),
    i.counts.map(formatCount).join("; ") || "-",
    formatSides(i, parties),
    String(sourcesOf(i).length),
    String(i.documents.length),
  ]);
  const widths = HEADERS.map((h, col) => Math.max(h.length, ...rows.map((r) => r[col].length)));
  const line = (cells: string[]) => cells.map((c, col) => (col === cells.length - 1 ? c : c.padEnd(widths[col]))).join("  ");
  return [line(HEADERS), ...rows.map(line)].join("\n");
}

/** "Incidents 1–100 of 665 (next page: --offset 100)". */
export function pageLine(shown: number, offset: number, total: number): string {
  if (shown === 0) return offset > 0 ? `No incidents at offset ${offset}; there are ${total}.` : "No incidents match.";
  const next = offset + shown < total ? ` (next page: --offset ${offset + shown})` : "";
  return `Incidents ${offset + 1}–${offset + shown} of ${total}${next}`;
}

/** A reader that stops early (`| head`) ends the command quietly, not with an EPIPE trace. */
export function quietOnClosedPipe(): void {
  process.stdout.once("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
}

export class UsageError extends Error {
  constructor(readonly code: string, message: string) {
    super(`${code}: ${message}`);
  }
}

export interface FilterOptions {
  type?: string;
  country?: string;
  facility?: string;
  since?: string;
  until?: string;
  q?: string;
  status?: string;
  reviewedOnly?: boolean;
}

/** Adds the filter options `incidents` and `export` share. */
export function filterOptions(command: Command): Command {
  return command
    .option("--type <type>", `only this type (${INCIDENT_TYPES.join(", ")})`)
    .option("--country <cc>", "only this country (ISO 3166-1 alpha-2, e.g. SY)")
    .option("--facility <name>", "only this facility: its id, a fragment of its name, or any alias (\"Gweiran\", \"Sinaa prison\")")
    .option("--since <day>", "only incidents ending on or after this day (YYYY-MM-DD)")
    .option("--until <day>", "only incidents starting on or before this day (YYYY-MM-DD)")
    .option("--q <text>", "free text over facility, place, actors, quotes and sources; aliases count (\"Hassakeh\")")
    .option("--status <status>", `only this status (${STATUSES.join(", ")})`)
    .option("--reviewed-only", "only incidents a person has confirmed, corrected, merged or split");
}

/** Validates the command-line filter; throws a UsageError naming the fix. */
export function filterFrom(opts: FilterOptions): IncidentFilter {
  const filter: IncidentFilter = {};
  if (opts.type !== undefined) {
    if (!(INCIDENT_TYPES as readonly string[]).includes(opts.type)) {
      throw new UsageError(INCIDENTS_ERRORS.badType, `unknown type "${opts.type}"; use one of ${INCIDENT_TYPES.join(", ")}`);
    }
    filter.type = opts.type as IncidentType;
  }
  if (opts.country !== undefined) {
    if (!/^[A-Za-z]{2}$/.test(opts.country)) {
      throw new UsageError(INCIDENTS_ERRORS.badCountry, `country "${opts.country}" is not a two-letter ISO code (e.g. SY, IQ)`);
    }
    filter.country = opts.country.toUpperCase();
  }
  for (const name of ["since", "until"] as const) {
    const day = opts[name];
    if (day === undefined) continue;
    if (!isDay(day)) throw new UsageError(INCIDENTS_ERRORS.badDay, `--${name} "${day}" is not a day; write YYYY-MM-DD`);
    filter[name] = day;
  }
  if (opts.status !== undefined) {
    if (!(STATUSES as readonly string[]).includes(opts.status)) {
      throw new UsageError(INCIDENTS_ERRORS.badStatus, `unknown status "${opts.status}"; use one of ${STATUSES.join(", ")}`);
    }
    filter.status = opts.status as IncidentStatus;
  }
  if (opts.facility?.trim()) filter.facility = opts.facility.trim();
  if (opts.q?.trim()) filter.text = opts.q.trim();
  if (opts.reviewedOnly) filter.reviewed = true;
  return filter;
}

function pageNumber(value: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d{1,9}$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(INCIDENTS_ERRORS.badPage, `--${name} "${value}" must be a whole number from ${min} to ${max}`);
  }
  return Number(value);
}

interface IncidentsOptions extends FilterOptions {
  db?: string;
  limit?: string;
  offset?: string;
  json?: boolean;
}

export const register: RegisterCommand = (program, exit) => {
  filterOptions(
    program
      .command("incidents")
      .description("List incidents a page at a time: date, type, status, facility, reconciled counts, who acted on whom, sources, reports."),
  )
    .option("--db <path>", "database file or postgres:// URL (default: $ESCAPEWATCH_DB or ./escapewatch.db)")
    .option("--limit <n>", `incidents per page (default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT})`)
    .option("--offset <n>", "skip this many incidents (the next page starts at the previous offset + limit)")
    .option("--json", "print { total, offset, limit, items } as JSON")
    .action(async (opts: IncidentsOptions) => {
      let filter: IncidentFilter;
      try {
        filter = {
          ...filterFrom(opts),
          limit: pageNumber(opts.limit, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT),
          offset: pageNumber(opts.offset, "offset", 0, 0, Number.MAX_SAFE_INTEGER),
        };
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        console.error(`escapewatch incidents: ${error.message}`);
        exit(2);
        return;
      }
      quietOnClosedPipe();
      const store = await existingStoreFrom(opts.db);
      try {
        const [total, incidents] = await Promise.all([store.countIncidents(filter), store.listIncidents(filter)]);
        if (opts.json) {
          console.log(JSON.stringify({ total, offset: filter.offset, limit: filter.limit, items: incidents }, null, 2));
          return;
        }
        if (incidents.length) console.log(incidentTable(incidents, (await import("../../export/parties.ts")).partiesOf));
        console.log(pageLine(incidents.length, filter.offset ?? 0, total));
      } finally {
        await store.close();
      }
    });
};
