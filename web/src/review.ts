// The review page's pure logic, kept apart from the DOM so it is tested without a browser:
// the queue's order, the edit form as values, the form turned into the PATCH body (only what the
// reviewer changed, refused with a message per field when it does not make sense), and a
// history entry turned into rows of "field: before → after" text.
import type { RevisionView } from "./api.ts";
import { dateLabel, formatRange, QUANTITY_LABEL, TYPES, STATUSES } from "./incidents.ts";

/** A figure in an incident under review (the queue's summary or the incident's full count). */
export interface ReviewCount {
  quantity: string;
  group?: string | null;
  low: number;
  best: number;
  high: number | null;
  disputed?: boolean;
  derived?: boolean;
  /** The claims themselves, or how many there are (summaries). */
  claims?: unknown[] | number;
}

/** What the review page needs of an incident: the queue's items and full incidents both fit. */
export interface ReviewIncident {
  id: string;
  type: string;
  status: string;
  facility: { id: string; name: string } | null;
  place: { name: string; admin1?: string | null; country?: string | null } | null;
  date: { earliest: string; latest: string } | null;
  actors?: string[];
  counts: ReviewCount[];
  documents?: string[];
  reviewed?: boolean;
  /** The server's own word that sources disagree. */
  disputed?: boolean;
  /** How well the incident is supported: a number (higher is better) or its parts. */
  evidence?: number | { documents?: number; claims?: number; sources?: number } | null;
}

// ---------------------------------------------------------------------------------------------
// The queue

/** True when sources disagree on the incident or on one of its figures. */
export const isContested = (incident: Pick<ReviewIncident, "status" | "counts" | "disputed">) =>
  incident.disputed === true || incident.status === "disputed" || incident.counts.some((c) => c.disputed);

/**
 * How much supports the incident, as one number to sort by (fewer first): the server's own
 * figure when it gives one, else its reports and claims counted here.
 */
export function evidenceWeight(incident: Pick<ReviewIncident, "evidence" | "documents" | "counts">): number {
  const { evidence } = incident;
  if (typeof evidence === "number") return evidence;
  const claims = incident.counts.reduce((sum, c) => sum + (typeof c.claims === "number" ? c.claims : (c.claims?.length ?? 0)), 0);
  if (evidence && typeof evidence === "object") return (evidence.documents ?? 0) + (evidence.sources ?? 0) + (evidence.claims ?? claims);
  return (incident.documents?.length ?? 0) + claims;
}

/**
 * The order a reviewer works in: unreviewed before reviewed, contested before agreed, the
 * thinnest evidence first; otherwise the server's order is kept (the sort is stable).
 */
export function orderQueue<T extends ReviewIncident>(items: readonly T[]): T[] {
  return items
    .map((item, index) => ({ item, index, key: [item.reviewed ? 1 : 0, isContested(item) ? 0 : 1, evidenceWeight(item)] }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2] || a.index - b.index)
    .map(({ item }) => item);
}

/** The id after `current` in the queue (wrapping), or the first when `current` is not in it. */
export function nextInQueue(queue: readonly { id: string }[], current: string | null, step: 1 | -1 = 1): string | null {
  if (queue.length === 0) return null;
  const at = queue.findIndex((item) => item.id === current);
  if (at < 0) return queue[0].id;
  return queue[(at + step + queue.length) % queue.length].id;
}

// ---------------------------------------------------------------------------------------------
// The edit form

/** A count's three figures as typed; an empty high means open-ended ("at least 750"). */
export interface CountFields {
  best: string;
  low: string;
  high: string;
}

/** The edit form's values, as strings the way inputs hold them. */
export interface ReviewForm {
  type: string;
  facility: string;
  place: string;
  dateStart: string;
  dateEnd: string;
  status: string;
  /** Actors separated by commas or new lines. */
  actors: string;
  counts: Record<string, CountFields>;
  note: string;
}

/** The key a count is edited under in the PATCH body: its quantity (one editable count per quantity). */
export const countKey = (count: Pick<ReviewCount, "quantity">) => count.quantity;

/** "escaped", "killed (security forces)". */
export const countLabel = (count: Pick<ReviewCount, "quantity" | "group">) =>
  (QUANTITY_LABEL[count.quantity] ?? count.quantity) + (count.group ? ` (${count.group.replace(/_/g, " ")})` : "");

/**
 * The counts a reviewer may edit: per quantity, the incident's main figure (the overall count,
 * else its first group's), as the server applies an edit; never a figure escapewatch derives
 * from other incidents.
 */
export function editableCounts<C extends ReviewCount>(incident: { counts: C[] }): C[] {
  const main = new Map<string, C>();
  for (const count of incident.counts) {
    if (count.derived) continue;
    const known = main.get(count.quantity);
    if (!known || (known.group && !count.group)) main.set(count.quantity, count);
  }
  return [...main.values()];
}

/** The form as it opens on an incident: its current values and an empty note. */
export function formFromIncident(incident: ReviewIncident): ReviewForm {
  const counts: Record<string, CountFields> = {};
  for (const c of editableCounts(incident)) counts[countKey(c)] = { best: String(c.best), low: String(c.low), high: c.high === null ? "" : String(c.high) };
  return {
    type: incident.type,
    facility: incident.facility?.name ?? "",
    place: incident.place?.name ?? "",
    dateStart: incident.date?.earliest ?? "",
    dateEnd: incident.date?.latest ?? "",
    status: incident.status,
    actors: (incident.actors ?? []).join(", "),
    counts,
    note: "",
  };
}

/** A facility the reviewer may pick by name; picking one sends its id, so the gazetteer's record is kept. */
export interface KnownFacility {
  id: string;
  name: string;
}

/** The fields of PATCH /api/incidents/:id. */
export interface IncidentChanges {
  type?: string;
  facility_id?: string;
  facility_name?: string;
  place?: string;
  date_start?: string;
  date_end?: string;
  status?: string;
  actors?: string[];
  counts?: Record<string, { best?: number; low?: number; high?: number | null }>;
}

export interface PatchBody {
  changes: IncidentChanges;
  note: string;
}

/** A problem with one field of the form: `field` is the form's field name ("counts.escaped.best", "note"). */
export interface FieldError {
  field: string;
  message: string;
}

export type PatchResult = { ok: true; body: PatchBody } | { ok: false; errors: FieldError[] };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Counts above this are typing mistakes, not prisoners. */
export const MAX_COUNT = 10_000_000;
/** Longest note the form sends; a note explains one change, it is not a report. */
export const MAX_NOTE = 2000;

const isDay = (value: string) => DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

/** "Abu Ali, the SDF" -> ["Abu Ali", "the SDF"]: trimmed, empty and repeated names dropped. */
export function splitActors(text: string): string[] {
  return [...new Set(text.split(/[,\n]/).map((a) => a.replace(/\s+/g, " ").trim()).filter(Boolean))];
}

/**
 * The PATCH body for what the reviewer changed in `form` against `incident`, or the fields that
 * must be fixed first. Only changed fields are sent, so a review records exactly what a person
 * decided and leaves the rest to the pipeline. A note is required: every correction says why.
 */
export function patchFromForm(incident: ReviewIncident, form: ReviewForm, facilities: readonly KnownFacility[] = []): PatchResult {
  const errors: FieldError[] = [];
  const changes: IncidentChanges = {};
  const before = formFromIncident(incident);

  // 1. Plain choices and names.
  if (form.type !== before.type) {
    if (!TYPES.includes(form.type)) errors.push({ field: "type", message: `"${form.type}" is not an incident type.` });
    else changes.type = form.type;
  }
  if (form.status !== before.status) {
    if (!(STATUSES as readonly string[]).includes(form.status)) errors.push({ field: "status", message: `"${form.status}" is not a status.` });
    else changes.status = form.status;
  }
  const facility = form.facility.replace(/\s+/g, " ").trim();
  if (facility !== before.facility) {
    if (!facility) errors.push({ field: "facility", message: "Name the facility; an incident cannot lose its facility here." });
    else {
      // A known facility by its name (any case) keeps the gazetteer's id; a new name is sent as typed.
      const known = facilities.find((f) => f.name.toLowerCase() === facility.toLowerCase());
      if (known) {
        if (known.id !== incident.facility?.id) changes.facility_id = known.id;
      } else changes.facility_name = facility;
    }
  }
  const place = form.place.replace(/\s+/g, " ").trim();
  if (place !== before.place) {
    if (!place) errors.push({ field: "place", message: "Name the place; an incident cannot lose its place here." });
    else changes.place = place;
  }
  const actors = splitActors(form.actors);
  if (actors.join("\u0000") !== splitActors(before.actors).join("\u0000")) changes.actors = actors;

  // 2. The date window: both ends are sent together, so the server never sees half a window.
  if (form.dateStart !== before.dateStart || form.dateEnd !== before.dateEnd) {
    const start = form.dateStart.trim();
    const end = form.dateEnd.trim() || start;
    if (!isDay(start)) errors.push({ field: "dateStart", message: "The first day must be a date (YYYY-MM-DD)." });
    else if (!isDay(end)) errors.push({ field: "dateEnd", message: "The last day must be a date (YYYY-MM-DD)." });
    else if (end < start) errors.push({ field: "dateEnd", message: "The last day is before the first." });
    else {
      changes.date_start = start;
      changes.date_end = end;
    }
  }

  // 3. Counts: each figure a whole number, low ≤ best ≤ high; only changed figures are sent.
  for (const count of editableCounts(incident)) {
    const key = countKey(count);
    const typed = form.counts[key];
    const was = before.counts[key];
    if (!typed || (typed.best === was.best && typed.low === was.low && typed.high === was.high)) continue;
    const parsed = { best: parseCount(typed.best), low: parseCount(typed.low), high: typed.high.trim() === "" ? null : parseCount(typed.high) };
    let valid = true;
    for (const part of ["best", "low", "high"] as const) {
      if (parsed[part] === undefined) {
        errors.push({ field: `counts.${key}.${part}`, message: `${countLabel(count)}: ${part} must be a whole number from 0 to ${MAX_COUNT.toLocaleString("en")}${part === "high" ? ", or empty for open-ended" : ""}.` });
        valid = false;
      }
    }
    if (!valid) continue;
    const [low, best, high] = [parsed.low!, parsed.best!, parsed.high as number | null];
    if (low > best) errors.push({ field: `counts.${key}.low`, message: `${countLabel(count)}: low (${low}) is above best (${best}).` });
    else if (high !== null && best > high) errors.push({ field: `counts.${key}.high`, message: `${countLabel(count)}: high (${high}) is below best (${best}).` });
    else {
      const edit: { best?: number; low?: number; high?: number | null } = {};
      if (best !== count.best) edit.best = best;
      if (low !== count.low) edit.low = low;
      if (high !== count.high) edit.high = high;
      if (Object.keys(edit).length) (changes.counts ??= {})[key] = edit;
    }
  }

  // 4. The note, and something to send at all.
  const note = form.note.trim();
  if (!note) errors.push({ field: "note", message: "Say why in the note: every correction is kept with its reason." });
  else if (note.length > MAX_NOTE) errors.push({ field: "note", message: `The note is ${note.length} characters; keep it under ${MAX_NOTE}.` });
  if (errors.length === 0 && Object.keys(changes).length === 0) errors.push({ field: "form", message: "Nothing was changed." });
  return errors.length ? { ok: false, errors } : { ok: true, body: { changes, note } };
}

/** True when the reviewer typed something that differs from the incident (valid or not), whatever the note says. */
export function formChanged(incident: ReviewIncident, form: ReviewForm, facilities: readonly KnownFacility[] = []): boolean {
  const result = patchFromForm(incident, { ...form, note: "-" }, facilities);
  return result.ok || !result.errors.every((e) => e.field === "form");
}

/** A whole number in [0, MAX_COUNT], or undefined. "1,200" reads as 1200. */
function parseCount(text: string): number | undefined {
  const cleaned = text.trim().replace(/[,\s]/g, "");
  if (!/^\d+$/.test(cleaned)) return undefined;
  const value = Number(cleaned);
  return value <= MAX_COUNT ? value : undefined;
}

// ---------------------------------------------------------------------------------------------
// History as a diff

/** One revision of an incident (GET /api/incidents/:id/history), as the API client reads it. */
export type Revision = RevisionView;

/** One changed field as text, ready to show; values are never markup. */
export interface DiffRow {
  field: string;
  label: string;
  before: string;
  after: string;
}

const FIELD_LABEL: Record<string, string> = {
  type: "Type",
  status: "Status",
  facility: "Facility",
  facility_id: "Facility",
  facility_name: "Facility",
  place: "Place",
  date: "Date window",
  date_start: "First day",
  date_end: "Last day",
  actors: "Actors",
  documents: "Reports",
  mentions: "Mentions",
  reviewed: "Reviewed",
  reviewedBy: "Reviewed by",
  unconfirmed: "Unconfirmed",
  destination: "Destination",
  review: "Review",
  merged_into: "Merged into",
  merged_from: "Merged from",
  split_from: "Split from",
};

/** "counts.escaped.best" -> "escaped, best"; "counts.killed.security_forces" -> "killed (security forces)"; "facility" -> "Facility". */
export function fieldLabel(field: string): string {
  const count = /^counts?[.[/](\w+)\]?(?:[.:](?!(?:best|low|high)$)(\w+))?(?:\.(best|low|high))?$/.exec(field);
  if (count) return `${countLabel({ quantity: count[1], group: count[2] ?? null })}${count[3] ? `, ${count[3]}` : ""}`;
  return FIELD_LABEL[field] ?? field.replace(/_/g, " ").replace(/^\w/, (c) => c.toUpperCase());
}

/** A value from the history as plain text: a facility by its name, a window as dates, a count as its figure. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "number") return value.toLocaleString("en");
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return value.length ? value.map(valueText).join(", ") : "—";
  if (typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (typeof o.earliest === "string" && typeof o.latest === "string") return dateLabel({ earliest: o.earliest, latest: o.latest });
    if (typeof o.name === "string") return o.name;
    if (typeof o.low === "number" && typeof o.best === "number") return formatRange(o.low, o.best, typeof o.high === "number" ? o.high : null);
    return Object.entries(o)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}: ${valueText(v)}`)
      .join("; ");
  }
  return String(value);
}

/** The rows of one revision's diff; a field whose before and after read the same is left out. */
export function diffRows(revision: Pick<Revision, "changes">): DiffRow[] {
  return revision.changes
    .map(({ field, before, after }) => ({ field, label: fieldLabel(field), before: valueText(before), after: valueText(after) }))
    .filter((row) => row.before !== row.after);
}

/** Words for what a revision did: "confirmed", "corrected", "merged" … */
export function actionLabel(action: string): string {
  const labels: Record<string, string> = {
    confirm: "confirmed",
    reject: "rejected",
    edit: "corrected",
    patch: "corrected",
    merge: "merged",
    split: "split",
    "not-relevant": "lost a report marked not relevant",
    not_relevant: "lost a report marked not relevant",
    create: "created",
    created: "created",
    update: "updated by the pipeline",
    pipeline: "updated by the pipeline",
    delete: "deleted",
  };
  return labels[action] ?? action.replace(/[_-]/g, " ");
}

/** The names automatic revisions are recorded under (the store's AUTOMATIC_AUTHOR first). */
const AUTOMATIC_AUTHORS = new Set(["escapewatch", "pipeline", "system"]);

/** True for revisions a person made, as against the pipeline's. */
export const byPerson = (revision: Pick<Revision, "by">) => Boolean(revision.by) && !AUTOMATIC_AUTHORS.has(revision.by!);

// ---------------------------------------------------------------------------------------------
// Keyboard shortcuts

export type ShortcutAction = "confirm" | "reject" | "next" | "previous" | "edit" | "help" | "close";

/** Keys a reviewer presses, each to one action (shown in the help, `?`). */
export const SHORTCUTS: ReadonlyArray<{ keys: string[]; action: ShortcutAction; label: string }> = [
  { keys: ["c"], action: "confirm", label: "confirm this incident" },
  { keys: ["x"], action: "reject", label: "reject this incident (not a real event)" },
  { keys: ["j", "n"], action: "next", label: "next incident in the queue" },
  { keys: ["k", "p"], action: "previous", label: "previous incident in the queue" },
  { keys: ["e"], action: "edit", label: "edit: go to the first field of the form" },
  { keys: ["?"], action: "help", label: "show or hide this help" },
  { keys: ["Escape"], action: "close", label: "close the help" },
];

/** What a key press needs to be read as a shortcut: the key, its modifiers and where focus is. */
export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** The focused element's tag name (upper case, as the DOM gives it). */
  targetTag?: string;
  /** The focused element's type attribute, for inputs. */
  targetType?: string | null;
  targetEditable?: boolean;
}

/** Inputs that take no typing: a letter pressed on them is still a shortcut. */
const KEYLESS_INPUTS = new Set(["checkbox", "radio", "button", "submit", "reset"]);

/**
 * The action a key press asks for, or null. Never while the reviewer types (a text field, a
 * list box, an editable element: `c` in a note is a letter) nor with Ctrl, Cmd or Alt held
 * (the browser's own shortcuts); Escape works everywhere.
 */
export function shortcutFor(press: KeyPress): ShortcutAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  const tag = press.targetTag?.toUpperCase();
  const typing =
    press.targetEditable === true || tag === "TEXTAREA" || tag === "SELECT" || (tag === "INPUT" && !KEYLESS_INPUTS.has((press.targetType ?? "text").toLowerCase()));
  if (typing && press.key !== "Escape") return null;
  if (press.key === "Escape") return "close";
  return SHORTCUTS.find((s) => s.keys.includes(press.key))?.action ?? null;
}

// ---------------------------------------------------------------------------------------------
// A report's text with the incident's claims marked

/** A stretch of a report's text, marked when a claim of the incident under review covers it. */
export interface TextPiece {
  text: string;
  marked: boolean;
}

/**
 * The text cut into plain and marked stretches: overlapping and touching claim spans join into
 * one mark; spans outside the text are clipped, empty ones ignored. Linear after the sort.
 */
export function markedPieces(text: string, spans: ReadonlyArray<{ start: number; end: number }>): TextPiece[] {
  const clipped = spans
    .map((s) => ({ start: Math.max(0, Math.min(text.length, s.start)), end: Math.max(0, Math.min(text.length, s.end)) }))
    .filter((s) => s.start < s.end)
    .sort((a, b) => a.start - b.start);
  const pieces: TextPiece[] = [];
  let at = 0;
  let open: { start: number; end: number } | null = null;
  const flush = () => {
    if (!open) return;
    if (open.start > at) pieces.push({ text: text.slice(at, open.start), marked: false });
    pieces.push({ text: text.slice(open.start, open.end), marked: true });
    at = open.end;
    open = null;
  };
  for (const span of clipped) {
    if (open && span.start <= open.end) open.end = Math.max(open.end, span.end);
    else {
      flush();
      open = { start: Math.max(span.start, at), end: span.end };
    }
  }
  flush();
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}
