// Presentation knowledge about incidents: colors, labels, the count a marker is sized by.
import type { IncidentSummary } from "./api.ts";

export const TYPE_STYLE: Record<string, { label: string; color: string }> = {
  attack: { label: "Attack", color: "#d62728" },
  riot: { label: "Riot", color: "#ff7f0e" },
  escape: { label: "Escape", color: "#9467bd" },
  release: { label: "Release", color: "#2ca02c" },
  recapture: { label: "Recapture", color: "#1f77b4" },
  transfer: { label: "Transfer", color: "#17becf" },
  alert: { label: "Alert", color: "#bcbd22" },
  control_change: { label: "Control change", color: "#8c564b" },
};
export const TYPES = Object.keys(TYPE_STYLE);

export const QUANTITY_LABEL: Record<string, string> = {
  escaped: "escaped",
  recaptured: "recaptured",
  at_large: "at large",
  released: "released",
  transferred: "transferred",
  held: "held",
  attackers: "attackers",
  killed: "killed",
  wounded: "wounded",
  families: "families",
};

/** The quantity that tells an incident's size, per type, in order of preference. */
const HEADLINE_QUANTITY: Record<string, string[]> = {
  attack: ["killed", "attackers", "escaped", "wounded"],
  riot: ["escaped", "killed", "wounded"],
  escape: ["escaped", "at_large"],
  release: ["released"],
  recapture: ["recaptured"],
  transfer: ["transferred", "families"],
  alert: ["escaped", "held"],
  control_change: ["held", "escaped"],
};

/** The headline count (quantity and best value) of an incident, or null when it has none. */
export function headlineCount(incident: IncidentSummary): { quantity: string; best: number } | null {
  for (const quantity of HEADLINE_QUANTITY[incident.type] ?? []) {
    const count = incident.counts.find((c) => c.quantity === quantity);
    if (count) return { quantity, best: count.best };
  }
  const first = incident.counts[0];
  return first ? { quantity: first.quantity, best: first.best } : null;
}

/** "37", "6,000 (2,000–9,999)", "30–45", "at least 750". */
export function formatRange(low: number, best: number | undefined, high: number | null): string {
  const n = (x: number) => x.toLocaleString("en");
  if (high === null) return `at least ${n(low)}`;
  if (low === high) return n(low);
  if (best !== undefined && best !== low && best !== high) return `${n(best)} (${n(low)}–${n(high)})`;
  return `${n(low)}–${n(high)}`;
}

export function incidentLocation(incident: IncidentSummary): { lon: number; lat: number } | null {
  const place = incident.place?.lat != null ? incident.place : incident.facility?.place;
  if (!place || place.lat == null || place.lon == null) return null;
  return { lon: place.lon, lat: place.lat };
}

export function incidentTitle(incident: IncidentSummary): string {
  const where = incident.facility?.name ?? incident.place?.name ?? "unknown place";
  return `${TYPE_STYLE[incident.type]?.label ?? incident.type} — ${where}`;
}

export function dateLabel(date: { earliest: string; latest: string } | null): string {
  if (!date) return "date unknown";
  return date.earliest === date.latest ? date.earliest : `${date.earliest} – ${date.latest}`;
}

export function isDisputed(incident: { status: string; counts: Array<{ disputed?: boolean }> }): boolean {
  return incident.status === "disputed" || incident.counts.some((c) => c.disputed);
}
