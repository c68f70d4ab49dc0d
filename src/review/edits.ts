// A reviewer's corrections to an incident's fields: checked when they arrive (clear errors naming
// the field), applied on top of what the reports say, and compared with the reports later to flag
// a reviewed field that new evidence contradicts.
import { INCIDENT_TYPES, QUANTITIES, type Count, type FacilityRef, type Incident, type IncidentStatus, type PlaceRef } from "../model/incident.ts";
import { facilityById, findFacility, findPlace } from "../gazetteer/index.ts";
import type { CountEdit, IncidentEdit } from "./ledger.ts";

const STATUSES: readonly IncidentStatus[] = ["occurred", "planned", "disputed"];
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Longest name or actor a reviewer may type: a name, not a paragraph. */
export const MAX_EDIT_TEXT = 200;
export const MAX_ACTORS = 50;

export class EditError extends Error {}

const text = (field: string, value: unknown): string => {
  if (typeof value !== "string" || value.trim() === "" || value.length > MAX_EDIT_TEXT) throw new EditError(`${field} must be a non-empty string of at most ${MAX_EDIT_TEXT} characters.`);
  return value.trim();
};
const day = (field: string, value: unknown): string => {
  if (typeof value !== "string" || !DAY.test(value) || Number.isNaN(Date.parse(value))) throw new EditError(`${field} must be a day as YYYY-MM-DD.`);
  return value;
};
const figure = (field: string, value: unknown, nullable: boolean): number | null => {
  if (value === null && nullable) return null;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) throw new EditError(`${field} must be a non-negative integer${nullable ? " or null" : ""}.`);
  return value;
};

/** The edit in `changes` (the API body's `changes`), checked field by field. */
export function editFrom(changes: unknown): IncidentEdit {
  if (typeof changes !== "object" || changes === null || Array.isArray(changes)) throw new EditError("changes must be an object of the fields to set.");
  const input = changes as Record<string, unknown>;
  const edit: IncidentEdit = {};
  for (const [field, value] of Object.entries(input)) {
    switch (field) {
      case "type":
        if (!INCIDENT_TYPES.includes(value as never)) throw new EditError(`type must be one of ${INCIDENT_TYPES.join(", ")}.`);
        edit.type = value as IncidentEdit["type"];
        break;
      case "status":
        if (!STATUSES.includes(value as IncidentStatus)) throw new EditError(`status must be one of ${STATUSES.join(", ")}.`);
        edit.status = value as IncidentStatus;
        break;
      case "facility_id":
      case "facility_name":
      case "place":
        edit[field] = text(field, value);
        break;
      case "date_start":
      case "date_end":
        edit[field] = day(field, value);
        break;
      case "actors":
        if (!Array.isArray(value) || value.length > MAX_ACTORS) throw new EditError(`actors must be a list of at most ${MAX_ACTORS} names.`);
        edit.actors = value.map((a, i) => text(`actors[${i}]`, a));
        break;
      case "counts": {
        if (typeof value !== "object" || value === null || Array.isArray(value)) throw new EditError('counts must map a quantity to its figures, e.g. {"escaped": {"best": 12}}.');
        edit.counts = {};
        for (const [quantity, figures] of Object.entries(value as Record<string, unknown>)) {
          if (!QUANTITIES.includes(quantity as never)) throw new EditError(`counts.${quantity}: the quantity must be one of ${QUANTITIES.join(", ")}.`);
          if (typeof figures !== "object" || figures === null) throw new EditError(`counts.${quantity} must be an object with best, low or high.`);
          const f = figures as Record<string, unknown>;
          const count: CountEdit = {};
          for (const key of Object.keys(f)) if (!["best", "low", "high"].includes(key)) throw new EditError(`counts.${quantity}.${key} is not a figure: use best, low or high.`);
          if (f.best !== undefined) count.best = figure(`counts.${quantity}.best`, f.best, false)!;
          if (f.low !== undefined) count.low = figure(`counts.${quantity}.low`, f.low, false)!;
          if (f.high !== undefined) count.high = figure(`counts.${quantity}.high`, f.high, true);
          edit.counts[quantity] = count;
        }
        break;
      }
      default:
        throw new EditError(`${field} cannot be edited: use type, facility_id, facility_name, place, date_start, date_end, status, actors or counts.`);
    }
  }
  if (Object.keys(edit).length === 0) throw new EditError("changes names no field to set.");
  if (edit.date_start && edit.date_end && edit.date_start > edit.date_end) throw new EditError("date_start must not be after date_end.");
  return edit;
}

/** The incident fields an edit touches, as history and flags name them ("facility", "counts.escaped"). */
export function editedFields(edit: IncidentEdit): string[] {
  const fields: string[] = [];
  if (edit.type) fields.push("type");
  if (edit.facility_id || edit.facility_name) fields.push("facility");
  if (edit.place) fields.push("place");
  if (edit.date_start || edit.date_end) fields.push("date");
  if (edit.status) fields.push("status");
  if (edit.actors) fields.push("actors");
  for (const quantity of Object.keys(edit.counts ?? {})) fields.push(`counts.${quantity}`);
  return fields;
}

const mainCount = (incident: Incident, quantity: string): Count | undefined =>
  incident.counts.find((c) => c.quantity === quantity && c.group === null) ?? incident.counts.find((c) => c.quantity === quantity);

/** A field's value as a reviewer and a flag compare it: a facility by id, a place by name, a count by its figures. */
export function fieldValue(incident: Incident, field: string): unknown {
  if (field.startsWith("counts.")) {
    const count = mainCount(incident, field.slice("counts.".length));
    return count ? { low: count.low, best: count.best, high: count.high } : null;
  }
  switch (field) {
    case "facility":
      return incident.facility?.id ?? null;
    case "place":
      return incident.place?.name ?? null;
    case "date":
      return incident.date;
    case "type":
    case "status":
    case "actors":
      return incident[field];
    default:
      return null;
  }
}

function facilityFor(edit: IncidentEdit, incident: Incident): FacilityRef {
  const known = edit.facility_id ? facilityById(edit.facility_id) : edit.facility_name ? findFacility(edit.facility_name) : null;
  if (known && (!edit.facility_name || !edit.facility_id)) return known;
  // A facility the gazetteer lacks: the reviewer's name and id, placed where the incident is.
  const name = edit.facility_name ?? known?.name ?? edit.facility_id!;
  const id = edit.facility_id ?? `reviewed-${name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "")}`;
  return { id, name, kind: known?.kind ?? "other", place: known?.place ?? incident.place };
}

function placeFor(name: string, incident: Incident): PlaceRef {
  const country = incident.place?.country ?? incident.facility?.place?.country ?? undefined;
  return findPlace(name, country) ?? { name, admin1: null, country: country ?? null, lat: null, lon: null, precision: "town" };
}

/** `incident` with the edit's fields set (a new object; claims are kept, the figures are the reviewer's). */
export function applyEdit(incident: Incident, edit: IncidentEdit): Incident {
  const out: Incident = { ...incident, counts: incident.counts.map((c) => ({ ...c })) };
  if (edit.type) out.type = edit.type;
  if (edit.facility_id || edit.facility_name) {
    out.facility = facilityFor(edit, out);
    if (out.facility.place && !edit.place) out.place = out.facility.place;
  }
  if (edit.place) out.place = placeFor(edit.place, out);
  if (edit.date_start || edit.date_end) {
    const earliest = edit.date_start ?? (out.date && out.date.earliest <= edit.date_end! ? out.date.earliest : edit.date_end!);
    const latest = edit.date_end ?? (out.date && out.date.latest >= earliest ? out.date.latest : earliest);
    out.date = { earliest, latest };
  }
  if (edit.status) out.status = edit.status;
  if (edit.actors) out.actors = [...edit.actors];
  for (const [quantity, figures] of Object.entries(edit.counts ?? {})) {
    let count = mainCount(out, quantity);
    if (!count) {
      count = { quantity: quantity as Count["quantity"], group: null, claims: [], low: 0, best: 0, high: null };
      out.counts.push(count);
    }
    const best = figures.best ?? count.best;
    count.best = best;
    count.low = figures.low ?? (figures.best !== undefined ? Math.min(count.low, best) : count.low);
    count.high = figures.high !== undefined ? figures.high : count.high !== null && count.high < best ? best : count.high;
    if (figures.best !== undefined && figures.low === undefined && figures.high === undefined) {
      count.low = best;
      count.high = best;
    }
    delete count.vague;
    delete count.disputed;
    delete count.disagreement;
  }
  if (edit.status === undefined && out.status === "disputed" && !out.counts.some((c) => c.disputed)) out.status = "occurred";
  return out;
}
