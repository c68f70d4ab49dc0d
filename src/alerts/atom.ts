// A rule's alerts as an Atom feed any feed reader can follow. Every value comes from reports,
// so all of it is escaped as text; nothing is rendered as markup.
import type { Incident } from "../model/incident.ts";
import type { AlertEntry, AlertRule } from "../store/store.ts";
import type { AlertPayload } from "./evaluate.ts";

/** Entries in one feed document: the newest alerts. */
export const ATOM_ENTRIES = 50;

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

function xml(text: string): string {
  // Characters XML 1.0 cannot carry at all are dropped rather than escaped.
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "").replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
}

/** "escape at Maiduguri Maximum Security Custodial Centre, Maiduguri, NG on 2025-03-02". */
export function headlineOf(incident: Incident): string {
  const place = [incident.facility?.name, incident.place?.name, incident.place?.country].filter(Boolean).join(", ");
  const day = incident.date ? (incident.date.earliest === incident.date.latest ? incident.date.earliest : `${incident.date.earliest}/${incident.date.latest}`) : "an unknown day";
  return `${incident.type.replace("_", " ")} at ${place || "an unknown place"} on ${day}`;
}

/** One line per headline figure, each claim with its source and document. */
export function figuresOf(incident: Incident): string[] {
  return incident.counts.map((count) => {
    const claims = count.claims.map((c) => `${c.low}${c.high === null ? "+" : c.high !== c.low ? `-${c.high}` : ""} (${c.source ?? "unattributed"}, ${c.document})`);
    return `${count.quantity}${count.group ? `/${count.group}` : ""} ${count.best}${count.disputed ? " (disputed)" : ""}: ${claims.join("; ")}`;
  });
}

/** The Atom document for a rule; `base` is the server's origin, for links. */
export function alertsAtom(rule: AlertRule, alerts: AlertEntry[], base: string): string {
  const self = `${base}/api/alerts/${encodeURIComponent(rule.name)}.atom`;
  const updated = alerts[0]?.createdAt ?? new Date(0).toISOString();
  const entries = alerts.map((alert) => {
    const { incident, change } = JSON.parse(alert.payload) as AlertPayload;
    const link = `${base}/api/incidents/${encodeURIComponent(incident.id)}`;
    return `  <entry>
    <id>urn:escapewatch:alert:${xml(rule.name)}:${alert.id}</id>
    <title>${xml(`${change}: ${headlineOf(incident)}`)}</title>
    <updated>${xml(alert.createdAt)}</updated>
    <link rel="alternate" href="${xml(link)}"/>
    <content type="text">${xml([headlineOf(incident), ...figuresOf(incident)].join("\n"))}</content>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>urn:escapewatch:rule:${xml(rule.name)}</id>
  <title>${xml(`escapewatch alerts: ${rule.name}`)}</title>
  <updated>${xml(updated)}</updated>
  <link rel="self" href="${xml(self)}"/>
${entries.join("\n")}
</feed>
`;
}
