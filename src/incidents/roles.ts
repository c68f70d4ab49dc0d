// The actors of an incident by role, over every report of it. Reports may disagree on who acted
// ("IS attacked the SDF" against a garbled "the SDF attacked"): an actor keeps the side of the
// event (initiator or target) most reports give it; holder and source are facts of another kind
// and are kept beside it.
import { ACTOR_ROLES, type ActorRole, type IncidentMention, type RoledActor } from "../model/incident.ts";

const SIDES: ReadonlySet<ActorRole> = new Set(["initiator", "target"]);

/**
 * Roles over the mentions of one incident: per actor, its majority side (ties to the side first
 * seen) plus holder and source; in role order, then most-reported first.
 * @example rolesOf([{roles: [{actor: "IS", role: "initiator"}]}, ...]) -> [{actor: "IS", role: "initiator"}, ...]
 */
export function rolesOf(mentions: Array<Pick<IncidentMention, "roles">>): RoledActor[] {
  const tally = new Map<string, { actor: string; role: ActorRole; reports: number; first: number }>();
  let order = 0;
  for (const m of mentions) {
    for (const { actor, role } of m.roles ?? []) {
      const key = `${role}|${actor.toLowerCase()}`;
      const entry = tally.get(key) ?? { actor, role, reports: 0, first: order++ };
      entry.reports += 1;
      tally.set(key, entry);
    }
  }
  const entries = [...tally.values()];
  const side = (actor: string, role: ActorRole) => tally.get(`${role}|${actor.toLowerCase()}`);
  const kept = entries.filter((e) => {
    if (!SIDES.has(e.role)) return true;
    const other = side(e.actor, e.role === "initiator" ? "target" : "initiator");
    return !other || e.reports > other.reports || (e.reports === other.reports && e.first < other.first);
  });
  kept.sort((a, b) => ACTOR_ROLES.indexOf(a.role) - ACTOR_ROLES.indexOf(b.role) || b.reports - a.reports || a.first - b.first);
  return kept.map(({ actor, role }) => ({ actor, role }));
}
