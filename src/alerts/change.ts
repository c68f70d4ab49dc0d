// What changed in an incident since a rule last looked: it is new, its figures moved by at least
// UPDATE_SHARE, or it became disputed. Compared through a small signature kept per (rule, incident).
import { createHash } from "node:crypto";
import type { Incident } from "../model/incident.ts";
import type { AlertChange } from "../store/store.ts";

/** Figures must move by at least this share of the earlier figure to count as an update. */
export const UPDATE_SHARE = 0.1;
/** Hex characters of the figures hash that tell one update of an incident from the next. */
export const UPDATE_KEY_CHARS = 12;

export interface IncidentSignature {
  disputed: boolean;
  /** Best figure per quantity (and group): "escaped" -> 120, "killed/guards" -> 2. */
  figures: Record<string, number>;
}

export function signatureOf(incident: Incident): IncidentSignature {
  const figures: Record<string, number> = {};
  for (const count of incident.counts) figures[count.group ? `${count.quantity}/${count.group}` : count.quantity] = count.best;
  return { disputed: incident.status === "disputed" || incident.counts.some((c) => c.disputed === true), figures };
}

/** A change to notify, with the outbox key that makes it notified once ("new", "disputed", "updated:<hash>"). */
export interface DetectedChange {
  kind: AlertChange;
  key: string;
}

function figuresMoved(before: Record<string, number>, after: Record<string, number>): boolean {
  return Object.entries(after).some(([name, value]) => {
    const earlier = before[name];
    if (earlier === undefined) return true;
    return Math.abs(value - earlier) >= UPDATE_SHARE * Math.max(earlier, 1);
  });
}

/** Every change between what the rule saw (null: never) and the incident now. */
export function changesBetween(before: IncidentSignature | null, now: IncidentSignature): DetectedChange[] {
  if (before === null) return [{ kind: "new", key: "new" }];
  const changes: DetectedChange[] = [];
  if (now.disputed && !before.disputed) changes.push({ kind: "disputed", key: "disputed" });
  if (figuresMoved(before.figures, now.figures)) {
    const hash = createHash("sha256").update(JSON.stringify(Object.entries(now.figures).sort())).digest("hex");
    changes.push({ kind: "updated", key: `updated:${hash.slice(0, UPDATE_KEY_CHARS)}` });
  }
  return changes;
}
