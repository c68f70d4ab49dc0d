// `escapewatch incidents`: the incident list as a readable table, or JSON.
//   escapewatch incidents [--db PATH] [--type T] [--country CC] [--since YYYY-MM-DD] [--json]
import { INCIDENT_TYPES, type Count, type Incident, type IncidentType } from "../../model/incident.ts";
import type { DateWindow } from "../../model/doc.ts";
import type { IncidentFilter } from "../../store/store.ts";
import { isDay } from "../../incidents/days.ts";
import { existingStoreFrom } from "../options.ts";
import type { RegisterCommand } from "./index.ts";

/** Stable codes for the mistakes a user can make on this command line. */
export const INCIDENTS_ERRORS = {
  badType: "E_INCIDENTS_TYPE",
  badCountry: "E_INCIDENTS_COUNTRY",
  badDay: "E_INCIDENTS_SINCE",
} as const;

/** "37", "100–130", "750+". */
export function formatRange(low: number, high: number | null): string {
  if (high === null) return `${low}+`;
  return low === high ? `${low}` : `${low}–${high}`;
}

/** "escaped 100+ (best 115, disputed)"; "killed/attackers 9". */
export function formatCount(count: Count): string {
  const name = count.group ? `${count.quantity}/${count.group}` : count.quantity;
  const notes = [
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

const HEADERS = ["date", "type", "status", "facility / place", "counts", "sources", "documents"];

/** The incidents as an aligned plain-text table (one row per incident). */
export function incidentTable(incidents: Incident[]): string {
  const rows = incidents.map((i) => [
    formatWindow(i.date),
    i.type,
    i.unconfirmed ? `${i.status}?` : i.status,
    formatSite(i),
    i.counts.map(formatCount).join("; ") || "-",
    String(sourcesOf(i).length),
    i.documents.join(","),
  ]);
  const widths = HEADERS.map((h, col) => Math.max(h.length, ...rows.map((r) => r[col].length)));
  const line = (cells: string[]) => cells.map((c, col) => (col === cells.length - 1 ? c : c.padEnd(widths[col]))).join("  ");
  return [line(HEADERS), ...rows.map(line)].join("\n");
}

class UsageError extends Error {
  constructor(readonly code: string, message: string) {
    super(`${code}: ${message}`);
  }
}

/** Validates the command-line filter; throws a UsageError naming the fix. */
export function filterFrom(opts: { type?: string; country?: string; since?: string }): IncidentFilter {
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
  if (opts.since !== undefined) {
    if (!isDay(opts.since)) throw new UsageError(INCIDENTS_ERRORS.badDay, `--since "${opts.since}" is not a day; write YYYY-MM-DD`);
    filter.since = opts.since;
  }
  return filter;
}

export const register: RegisterCommand = (program, exit) => {
  program
    .command("incidents")
    .description("List incidents: date, type, status, facility, reconciled counts, sources, documents.")
    .option("--db <path>", "database file (default: $ESCAPEWATCH_DB or ./escapewatch.db)")
    .option("--type <type>", `only this type (${INCIDENT_TYPES.join(", ")})`)
    .option("--country <cc>", "only this country (ISO 3166-1 alpha-2, e.g. SY)")
    .option("--since <day>", "only incidents ending on or after this day (YYYY-MM-DD)")
    .option("--json", "print the incidents as JSON")
    .action(async (opts: { db?: string; type?: string; country?: string; since?: string; json?: boolean }) => {
      let filter: IncidentFilter;
      try {
        filter = filterFrom(opts);
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        console.error(`escapewatch incidents: ${error.message}`);
        exit(2);
        return;
      }
      const store = await existingStoreFrom(opts.db);
      try {
        const incidents = await store.listIncidents(filter);
        if (opts.json) console.log(JSON.stringify(incidents, null, 2));
        else console.log(incidents.length ? incidentTable(incidents) : "No incidents match.");
      } finally {
        await store.close();
      }
    });
};
