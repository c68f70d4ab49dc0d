// Derived at_large figures kept up to date after a resolution step, without reading the block.
// A recapture counts against the escape escapeOfRecapture (derived.ts) picks for it; the store
// keeps that choice (IncidentState.attachedTo). A step that changed some escapes and recaptures
// can change the choice only for:
// 1. the recaptures it changed, those attached to an escape it changed, and those an escape it
//    changed could now claim (dated within that escape's reach, before or after the change);
// so it picks again for those, among the escapes that could take each (stored ones within
// reach, with the changed ones in their new form), and then
// 2. derives again the escapes it changed and those that lost or gained a recapture.
// That is the figure a derivation over the whole block gives, because every other recapture keeps
// its escape and every other escape its recaptures.
import type { Incident } from "../model/incident.ts";
import type { IncidentState, Store } from "../store/store.ts";
import { DATE_TOLERANCE_DAYS, RECAPTURE_WINDOW_DAYS } from "./constants.ts";
import { derivedAtLarge, escapeOfRecapture, withDerivedCount, type Movement } from "./derived.ts";
import { readState } from "./state.ts";

export interface MovementChanges {
  /** Escapes and recaptures the step assembled, by id, in their new form (before derived figures). */
  assembled: Map<string, Incident>;
  /** New movements of the assembled escapes and recaptures. */
  after: Map<string, Movement>;
  /** States before the step of every incident it changed or removed. */
  before: Map<string, IncidentState>;
  /** Ids the step removed. */
  removed: Set<string>;
}

export interface Reattached {
  /** The escape each re-examined recapture now counts against. */
  attachedTo: Map<string, string | null>;
  /** Stored states of recaptures the step did not assemble whose escape changed, updated. */
  states: IncidentState[];
  /** Escapes with their derived figure: the assembled ones and stored ones whose figure changed. */
  incidents: Incident[];
}

function movementOfState(state: IncidentState): Movement | null {
  return readState(state).movement;
}

export async function reattach(store: Store, block: string, changes: MovementChanges): Promise<Reattached> {
  const { after, before, removed } = changes;
  const gone = (id: string) => removed.has(id) && !after.has(id);
  const current = (state: IncidentState): Movement | null => after.get(state.id) ?? (gone(state.id) ? null : movementOfState(state));
  const changedEscapes = [...new Set([...after.keys(), ...before.keys()])].filter(
    (id) => after.get(id)?.type === "escape" || (before.get(id) && movementOfState(before.get(id)!)?.type === "escape"),
  );

  // 1. Recaptures to pick an escape for again, with their movements and stored states.
  const recaptures = new Map<string, { movement: Movement; state: IncidentState | null }>();
  const consider = (state: IncidentState) => {
    const movement = current(state);
    if (movement?.type === "recapture" && !recaptures.has(state.id)) recaptures.set(state.id, { movement, state });
  };
  for (const [id, movement] of after) if (movement.type === "recapture") recaptures.set(id, { movement, state: null });
  for (const state of await store.statesAttachedTo(changedEscapes)) consider(state);
  for (const id of changedEscapes) {
    for (const escape of [after.get(id), before.get(id) && movementOfState(before.get(id)!)]) {
      if (!escape?.date) continue;
      const reach = await store.statesDated(block, "recapture", escape.date.start - DATE_TOLERANCE_DAYS, escape.date.end + RECAPTURE_WINDOW_DAYS);
      for (const state of reach) consider(state);
    }
  }
  const attachedTo = new Map<string, string | null>();
  const previously = new Map<string, string | null>();
  for (const [id, { movement, state }] of recaptures) {
    previously.set(id, state?.attachedTo ?? before.get(id)?.attachedTo ?? null);
    const caught = movement.date?.start;
    const stored = caught === undefined ? [] : await store.statesDated(block, "escape", caught - RECAPTURE_WINDOW_DAYS, caught + DATE_TOLERANCE_DAYS);
    const escapes = stored.filter((s) => !after.has(s.id) && !gone(s.id)).map(movementOfState).filter((m): m is Movement => m !== null);
    for (const movement of after.values()) if (movement.type === "escape") escapes.push(movement);
    attachedTo.set(id, escapeOfRecapture(movement, escapes)?.id ?? null);
  }

  // 2. Escapes to derive again, with every recapture now attached to each: the changed ones, and
  //    those a re-examined or removed recapture left or joined.
  const toDerive = new Set(changedEscapes.filter((id) => after.has(id)));
  const left = [...before.values()].filter((s) => gone(s.id)).map((s) => s.attachedTo);
  for (const escape of [...left, ...previously.values(), ...attachedTo.values()]) if (escape && !gone(escape)) toDerive.add(escape);
  const attached = new Map<string, Movement[]>([...toDerive].map((id) => [id, []]));
  for (const state of await store.statesAttachedTo([...toDerive])) {
    const movement = current(state);
    if (!recaptures.has(state.id) && movement) attached.get(state.attachedTo!)?.push(movement);
  }
  for (const [id, { movement }] of recaptures) {
    const escape = attachedTo.get(id);
    if (escape) attached.get(escape)?.push(movement);
  }
  const incidents: Incident[] = [];
  const storedEscapes = [...toDerive].filter((id) => !changes.assembled.has(id));
  const storedMovements = new Map((await store.statesOf(storedEscapes)).map((s) => [s.id, movementOfState(s)]));
  for (const id of toDerive) {
    const movement = after.get(id) ?? storedMovements.get(id);
    const incident = changes.assembled.get(id) ?? (await store.getIncident(id));
    if (!movement || !incident) continue;
    const derived = withDerivedCount(incident, derivedAtLarge(movement, attached.get(id) ?? []));
    if (changes.assembled.has(id) || JSON.stringify(derived.counts) !== JSON.stringify(incident.counts)) incidents.push(derived);
  }

  const states = [...recaptures.values()]
    .filter(({ state }) => state && state.attachedTo !== attachedTo.get(state.id))
    .map(({ state }) => ({ ...state!, attachedTo: attachedTo.get(state!.id) ?? null }));
  return { attachedTo, states, incidents };
}
