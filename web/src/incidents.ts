// Presentation knowledge about incidents: colours, labels, the count a marker is sized by, and
// how a figure reads (a vague amount always as its range, never as a bare point value).
import type { IncidentSummary } from "./api.ts";

export const TYPE_STYLE: Record<string, { label: string; color: string }> = {
  attack: { label: "Attack", color: "#d62728" },
  riot: { label: "Riot", color: "#ff7f0e" },
  escape: { label: "Escape", color: "#9467bd" },
  release: { label: "Release", color: "#2ca02c" },
  recapture: { label: "Recapture", color: "#1f77b4" },
  transfer: { label: "Transfer", color: "#17becf" },
  alert: { label: "Alert", color: "#8a8b14" },
  control_change: { label: "Control change", color: "#8c564b" },
};
export const TYPES = Object.keys(TYPE_STYLE);

export const STATUSES = ["occurred", "planned", "disputed"] as const;

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

export const ROLE_LABEL: Record<string, string> = {
  initiator: "Initiator",
  target: "Target",
  holder: "Holder",
  source: "Sources",
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

interface Figure {
  quantity: string;
  group?: string | null;
  low: number;
  best: number;
  high: number | null;
  vague?: boolean;
}

/** The figure to show for a quantity: the overall count when stated, else the first group's. */
function figureOf(incident: { counts: Figure[] }, quantity: string): Figure | undefined {
  const counts = incident.counts.filter((c) => c.quantity === quantity);
  return counts.find((c) => !c.group) ?? counts[0];
}

/** "37 escaped", "2,000–9,999 escaped (vague)": the headline figure with its label, or null. */
export function headlineCount(incident: { type: string; counts: Figure[] }): { quantity: string; best: number; text: string } | null {
  const quantity = (HEADLINE_QUANTITY[incident.type] ?? []).find((q) => figureOf(incident, q)) ?? incident.counts[0]?.quantity;
  const figure = quantity ? figureOf(incident, quantity) : undefined;
  if (!figure) return null;
  return { quantity: figure.quantity, best: figure.best, text: `${formatFigure(figure)} ${QUANTITY_LABEL[figure.quantity] ?? figure.quantity}` };
}

const n = (x: number) => x.toLocaleString("en");

/** "37", "6,000 (2,000–9,999)", "30–45", "at least 750". */
export function formatRange(low: number, best: number | undefined, high: number | null): string {
  if (high === null) return `at least ${n(low)}`;
  if (low === high) return n(low);
  if (best !== undefined && best !== low && best !== high) return `${n(best)} (${n(low)}–${n(high)})`;
  return `${n(low)}–${n(high)}`;
}

/** A count as it must read: a vague amount as its range with "(vague)", never as the bare best. */
export function formatFigure(figure: Pick<Figure, "low" | "best" | "high" | "vague">): string {
  if (figure.vague) return `${figure.high === null ? `at least ${n(figure.low)}` : `${n(figure.low)}–${n(figure.high)}`} (vague)`;
  return formatRange(figure.low, figure.best, figure.high);
}

/** Where an incident is on the map: the facility's point, else the place's, with its precision. */
export function incidentLocation(incident: Pick<IncidentSummary, "facility" | "place">): { lon: number; lat: number; precision: string } | null {
  const place = incident.facility?.place?.lat != null ? incident.facility.place : incident.place;
  if (!place || place.lat == null || place.lon == null) return null;
  return { lon: place.lon, lat: place.lat, precision: place.precision };
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

/** The actors of an incident by role, generic words never among them (the server drops them). */
export function actorsByRole(incident: Pick<IncidentSummary, "roles">): Map<string, string[]> {
  const byRole = new Map<string, string[]>();
  for (const { actor, role } of incident.roles ?? []) byRole.set(role, [...(byRole.get(role) ?? []), actor]);
  return byRole;
}
