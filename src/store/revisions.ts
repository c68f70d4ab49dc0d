// What a revision records: the fields of an incident that differ between two stored versions.
// Shared by every Store implementation, so history reads the same whatever the database.
import type { Count, Incident } from "../model/incident.ts";
import type { FieldChange } from "./store.ts";

/** Fields a revision names, in display order; the rest of an incident (mention ids, roles) follows from them. */
const FIELDS = ["type", "status", "unconfirmed", "facility", "place", "destination", "date", "actors", "documents", "reviewed", "reviewedBy"] as const;

/** A count as history shows it: its figures and how many claims it rests on, not the claims. */
function countFigure(count: Count | undefined): unknown {
  return count ? { low: count.low, best: count.best, high: count.high, claims: count.claims.length, ...(count.disputed ? { disputed: true } : {}) } : null;
}

/** Short values for history: a facility or place by id and name, not its whole record. */
function shown(field: string, value: unknown): unknown {
  if (value === undefined) return null;
  if ((field === "facility" || field === "place" || field === "destination") && value && typeof value === "object") {
    const ref = value as { id?: string; name: string };
    return ref.id ? { id: ref.id, name: ref.name } : { name: ref.name };
  }
  return value;
}

const countKey = (c: Count) => (c.group ? `counts.${c.quantity}.${c.group}` : `counts.${c.quantity}`);

/** The fields that differ from `before` (null: a new incident) to `after` (null: deleted). */
export function incidentChanges(before: Incident | null, after: Incident | null): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of FIELDS) {
    const a = shown(field, before?.[field]);
    const b = shown(field, after?.[field]);
    if (JSON.stringify(a) !== JSON.stringify(b)) changes.push({ field, before: a, after: b });
  }
  const counts = new Map<string, [Count | undefined, Count | undefined]>();
  for (const c of before?.counts ?? []) counts.set(countKey(c), [c, undefined]);
  for (const c of after?.counts ?? []) counts.set(countKey(c), [counts.get(countKey(c))?.[0], c]);
  for (const [field, [a, b]] of counts) {
    const x = countFigure(a);
    const y = countFigure(b);
    if (JSON.stringify(x) !== JSON.stringify(y)) changes.push({ field, before: x, after: y });
  }
  return changes;
}

/** True when two versions of an incident differ in anything but their version number. */
export function incidentDiffers(before: Incident, after: Incident): boolean {
  const { version: _a, ...x } = before;
  const { version: _b, ...y } = after;
  return JSON.stringify(x) !== JSON.stringify(y);
}
