// The state merging stores per incident (Store.IncidentState): the aggregate new mentions are
// placed against, and for escapes and recaptures the movement derived figures are computed from.
import type { Incident } from "../model/incident.ts";
import type { IncidentState } from "../store/store.ts";
import { matchDays, type IncidentAggregate } from "./aggregate.ts";
import { movementOf, type Movement } from "./derived.ts";

export interface StateData {
  aggregate: IncidentAggregate;
  movement: Movement | null;
}

export function stateOf(block: string, aggregate: IncidentAggregate, incident: Incident, attachedTo: string | null): IncidentState {
  const movement = movementOf(incident);
  const data: StateData = { aggregate, movement };
  return { id: incident.id, block, type: incident.type, match: matchDays(aggregate), date: movement?.date ?? null, attachedTo, data: JSON.stringify(data) };
}

export function readState(state: IncidentState): StateData {
  return JSON.parse(state.data) as StateData;
}
