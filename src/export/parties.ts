// The actors of an incident by role, and ACLED's actor columns built from them: actor1 is the
// initiator, actor2 the target (or, for an attack, riot or escape with no named target, the force
// holding the facility), each with ACLED's inter code from the gazetteer's actor kind.
import type { Incident, IncidentType } from "../model/incident.ts";
import { getLexicon } from "../gazetteer/lexicon.ts";
import { isGenericActor } from "../extract/actor-roles.ts";
import acled from "./data/acled.json" with { type: "json" };

export interface Parties {
  initiators: string[];
  targets: string[];
  holders: string[];
  sources: string[];
}

/** The named actors of an incident by role; generic words ("officials") are never among them. */
export function partiesOf(incident: Incident): Parties {
  const parties: Parties = { initiators: [], targets: [], holders: [], sources: [] };
  const key = { initiator: "initiators", target: "targets", holder: "holders", source: "sources" } as const;
  if (incident.roles) {
    for (const { actor, role } of incident.roles) if (!isGenericActor(actor)) parties[key[role]].push(actor);
    return parties;
  }
  // Incidents built before roles were read: the most reported actor stands as the initiator.
  parties.initiators = incident.actors.filter((a) => !isGenericActor(a)).slice(0, 1);
  return parties;
}

/** Types where the force holding the facility is the other side when no target is named. */
const HOLDER_IS_OTHER_SIDE: ReadonlySet<IncidentType> = new Set(["attack", "riot", "escape"]);
const INTER_BY_KIND: Record<string, number> = acled.inter.by_kind;
const INTER_BY_ACTOR: Record<string, { inter: number }> = acled.inter.by_actor;

let kindByName: Map<string, { id: string; kind: string }> | null = null;

/** ACLED's inter code for a named actor, or null when the gazetteer does not know its kind. */
export function interCode(actor: string): number | null {
  kindByName ??= new Map([...getLexicon().actors.values()].map((a) => [a.name.toLowerCase(), { id: a.id, kind: a.kind }]));
  const known = kindByName.get(actor.toLowerCase());
  if (!known) return null;
  return INTER_BY_ACTOR[known.id]?.inter ?? INTER_BY_KIND[known.kind] ?? null;
}

export interface AcledActors {
  actor1: string | null;
  assoc_actor_1: string | null;
  inter1: number | null;
  actor2: string | null;
  assoc_actor_2: string | null;
  inter2: number | null;
  interaction: number | null;
}

/** ACLED's interaction: the two inter codes, lower first ("12"); a sole actor pairs with 0 ("20"). */
export function interaction(inter1: number | null, inter2: number | null): number | null {
  if (inter1 === null) return null;
  if (inter2 === null) return inter1 * 10;
  return Math.min(inter1, inter2) * 10 + Math.max(inter1, inter2);
}

const joined = (names: string[]) => (names.length ? names.join("; ") : null);

/**
 * actor1..interaction for an incident. Named as ACLED names actors it cannot identify further:
 * "Rioters (Syria)" with "Prisoners (Syria)" for a riot, "Prisoners (Syria)" for a breakout
 * nobody is said to have led, "Unidentified Armed Group (Syria)" for an attack by unnamed gunmen.
 */
export function acledActors(incident: Incident, country: string | null): AcledActors {
  const { initiators, targets, holders } = partiesOf(incident);
  const suffix = country ? ` (${country})` : "";
  const detainees = `${acled.detainees_actor}${suffix}`;
  let first = initiators;
  let inter1 = first.length ? interCode(first[0]) : null;
  let assoc1 = first.slice(1);
  if (incident.type === "riot") {
    [first, inter1, assoc1] = [[`${acled.rioters_actor}${suffix}`], acled.inter.rioters, [detainees, ...initiators]];
  } else if (!first.length && incident.type === "escape") {
    [first, inter1] = [[detainees], acled.inter.detainees];
  } else if (!first.length && incident.type === "attack") {
    [first, inter1] = [[`Unidentified Armed Group${suffix}`], INTER_BY_KIND.armed_group];
  }
  const second = targets.length ? targets : HOLDER_IS_OTHER_SIDE.has(incident.type) ? holders.slice(0, 1) : [];
  const inter2 = second.length ? interCode(second[0]) : null;
  return {
    actor1: first[0] ?? null,
    assoc_actor_1: joined(assoc1),
    inter1,
    actor2: second[0] ?? null,
    assoc_actor_2: joined(second.slice(1)),
    inter2,
    interaction: interaction(inter1, inter2),
  };
}
