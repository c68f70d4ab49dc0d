// ACLED's `notes`: one generated summary of the incident in plain words (never a copied quote):
// when, what, where, who against whom, and every figure with its range, its vagueness and, when
// sources disagree, each source's own figure.
import type { Count, Incident, IncidentType, SourceFigure } from "../model/incident.ts";
import { countryName } from "./countries.ts";
import { partiesOf } from "./parties.ts";

const WHAT: Record<IncidentType, string> = {
  attack: "attack on",
  riot: "riot at",
  escape: "escape from",
  release: "release of detainees from",
  recapture: "recapture of escapees from",
  transfer: "transfer of detainees from",
  alert: "forces on alert over",
  control_change: "change of control of",
};

const n = (x: number) => x.toLocaleString("en-US");

/** "37", "100-130", "more than 1,500". */
export function rangeText(low: number, high: number | null): string {
  if (high === null) return `at least ${n(low)}`;
  return low === high ? n(low) : `${n(low)}-${n(high)}`;
}

function figureText(f: SourceFigure): string {
  return `${f.source ?? "unattributed"} ${rangeText(f.low, f.high)}`;
}

/** "escaped 100 to at least 1,500 (best 115; disputed: Kurdish media at least 1,500, SANA 100-130)". */
export function countText(count: Count): string {
  const name = count.group ? `${count.quantity.replace("_", " ")} (${count.group.replace("_", " ")})` : count.quantity.replace("_", " ");
  const range = count.low === count.high ? n(count.low) : `${n(count.low)} to ${count.high === null ? "an open number" : n(count.high)}`;
  const details = [
    ...(count.low !== count.high ? [`best ${n(count.best)}`] : []),
    ...(count.vague ? ["a vague amount"] : []),
    ...(count.derived ? [`derived from ${count.derivedFrom?.length ?? 0} incidents`] : []),
    ...(count.disputed && count.disagreement ? [`disputed: ${count.disagreement.map(figureText).join(", ")}`] : []),
  ];
  return `${name} ${range}${details.length ? ` (${details.join("; ")})` : ""}`;
}

/** The notes cell: "On 2022-01-20, attack on Ghwayran prison in Hasakah, Syria by Islamic State against ... Escaped ..." */
export function notesOf(incident: Incident): string {
  const when = !incident.date
    ? "On an unknown date"
    : incident.date.earliest === incident.date.latest
      ? `On ${incident.date.earliest}`
      : `Between ${incident.date.earliest} and ${incident.date.latest}`;
  const place = incident.facility?.place ?? incident.place;
  const site = incident.facility?.name ?? "a detention facility";
  // "in Hasakah, Syria": each name once, and never the facility's own name again.
  const names = [place?.name, countryName(place?.country ?? null)].filter((name): name is string => Boolean(name) && name !== incident.facility?.name);
  const where = [...new Set(names)].join(", ");
  const parties = partiesOf(incident);
  const sentences = [
    `${when}, ${incident.unconfirmed ? "unconfirmed " : ""}${incident.status === "planned" ? "planned " : ""}${WHAT[incident.type]} ${site}` +
      `${where ? ` in ${where}` : ""}` +
      `${incident.destination ? ` to ${incident.destination.name}` : ""}` +
      `${parties.initiators.length ? ` by ${parties.initiators.join(" and ")}` : ""}` +
      `${parties.targets.length ? ` against ${parties.targets.join(" and ")}` : ""}.`,
    ...(parties.holders.length ? [`Held by ${parties.holders.join(" and ")}.`] : []),
    ...incident.counts.map((c) => `${capitalised(countText(c))}.`),
  ];
  return sentences.join(" ");
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
