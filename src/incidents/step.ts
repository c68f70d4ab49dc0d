// One resolution step for one block: place the mentions stored since the last step, and plan
// every change that follows (placements, incident states, incidents, derived figures) as one
// MergeCommit the store writes atomically. The result equals a build of the block from scratch
// (build.ts), whatever order its reports arrived in; RECONCILIATION.md explains why.
import type { Incident } from "../model/incident.ts";
import type { IncidentState, MergeCommit, MergeWork, PlacedMention, Store } from "../store/store.ts";
import { DATE_TOLERANCE_DAYS } from "./constants.ts";
import { reattach } from "./attachments.ts";
import { assembleIncident, idOfAggregate } from "./build.ts";
import { movementOf, type Movement } from "./derived.ts";
import { compareRanks, factsOf, inRankOrder, UNPUBLISHED_DAY, type MentionFacts, type Rank } from "./facts.ts";
import { reachBack } from "./fit.ts";
import { aggregateOfMembers, placeMentions, type Cluster } from "./resolve.ts";
import { readState, stateOf } from "./state.ts";

const EVERY_DAY = { from: Number.MIN_SAFE_INTEGER, to: Number.MAX_SAFE_INTEGER };

/** Days whose incidents could take one of the mentions: back as far as a follow-up looks, forward by the tolerance. */
function reachOf(facts: MentionFacts[]): { from: number; to: number } {
  let from = Number.MAX_SAFE_INTEGER;
  let to = Number.MIN_SAFE_INTEGER;
  for (const f of facts) {
    if (!f.window) return EVERY_DAY;
    from = Math.min(from, Math.min(f.window.start, f.published ?? f.window.start) - reachBack(f));
    to = Math.max(to, f.window.end + DATE_TOLERANCE_DAYS);
  }
  return { from, to };
}

const memberKey = (p: { mention: { document: string; id: string } }) => `${p.mention.document}\u0000${p.mention.id}`;

/** Plans the step that places `work.pending` (see the numbered steps). */
export async function planStep(store: Store, block: string, work: MergeWork): Promise<MergeCommit> {
  // 1. The new mentions in canonical order, and the earliest that can join an incident.
  const pending = work.pending.map((p) => factsOf(p.mention, p.published));
  const first: Rank | null = inRankOrder(pending.filter((f) => !f.negated))[0]?.rank ?? null;

  // 2. Mentions placed earlier that rank after it are placed again (usually none: reports tend
  //    to arrive in the order they were published).
  const suffix =
    work.fresh || !first
      ? []
      : (await store.placedSince(block, first.day === UNPUBLISHED_DAY ? null : first.day))
          .filter((p) => p.incident !== null)
          .map((p) => ({ placed: p, facts: factsOf(p.mention, p.published) }))
          .filter((p) => compareRanks(p.facts.rank, first) > 0);
  const replaced = new Set(suffix.map((s) => memberKey(s.placed)));

  // 3. Incidents as they stood just before `first`: those the suffix leaves, rebuilt from their
  //    earlier members; the others within reach, from their stored states.
  const affected = new Set(suffix.map((s) => s.placed.incident!));
  const members = await store.membersOf([...affected]);
  const before = new Map<string, IncidentState>((await store.statesOf([...affected])).map((s) => [s.id, s]));
  const known: Cluster[] = [];
  for (const id of affected) {
    const earlier = inRankOrder(members.get(id)!.filter((p) => !replaced.has(memberKey(p))).map((p) => factsOf(p.mention, p.published)));
    const aggregate = aggregateOfMembers(earlier);
    if (aggregate) known.push({ stored: id, aggregate, documents: new Map() });
  }
  const toPlace = inRankOrder([...pending, ...suffix.map((s) => s.facts)]);
  if (!work.fresh) {
    const reach = reachOf(toPlace.filter((f) => !f.negated));
    for (const state of await store.statesNear(block, reach.from, reach.to)) {
      if (before.has(state.id)) continue;
      before.set(state.id, state);
      known.push({ stored: state.id, aggregate: readState(state).aggregate, documents: new Map() });
    }
  }

  // 4. Place.
  const placements = placeMentions(toPlace, known);

  // 5. Incidents that gained or lost members, with all their members now.
  const touched = new Set(placements.flatMap((p) => (p.cluster ? [p.cluster] : [])));
  for (const cluster of known) if (affected.has(cluster.stored!)) touched.add(cluster);
  const gained = [...touched].map((c) => c.stored).filter((id): id is string => id !== null && !members.has(id));
  for (const [id, list] of await store.membersOf(gained)) members.set(id, list);
  const placedIn = new Map<Cluster, MentionFacts[]>();
  for (const p of placements) if (p.cluster) placedIn.get(p.cluster)?.push(p.facts) ?? placedIn.set(p.cluster, [p.facts]);
  const assembled = new Map<string, { cluster: Cluster; incident: Incident }>();
  for (const cluster of touched) {
    const kept = (cluster.stored ? members.get(cluster.stored)! : []).filter((p) => !replaced.has(memberKey(p)));
    const all = inRankOrder([...kept.map((p: PlacedMention) => factsOf(p.mention, p.published)), ...(placedIn.get(cluster) ?? [])]);
    const incident = assembleIncident(all.map((f) => f.mention), cluster.aggregate);
    assembled.set(incident.id, { cluster, incident });
  }
  const removed = new Set([...affected, ...[...touched].map((c) => c.stored)].filter((id): id is string => id !== null && !assembled.has(id)));

  // 6. Derived figures of the escapes this changes, and which escape each recapture counts against.
  const after = new Map<string, Movement>();
  for (const { incident } of assembled.values()) {
    const movement = movementOf(incident);
    if (movement) after.set(incident.id, movement);
  }
  const reattached = await reattach(store, block, {
    assembled: new Map([...assembled].map(([id, a]) => [id, a.incident])),
    after,
    before: new Map([...before].filter(([id]) => removed.has(id) || assembled.has(id))),
    removed,
  });
  const incidents = new Map([...assembled].map(([id, a]) => [id, a.incident]));
  for (const incident of reattached.incidents) incidents.set(incident.id, incident);

  return {
    block,
    version: work.version,
    reset: work.fresh,
    placements: placements.map((p) => ({
      document: p.facts.rank.document,
      mention: p.facts.mention.id,
      published: p.facts.rank.day === UNPUBLISHED_DAY ? null : p.facts.rank.day,
      start: p.facts.rank.start,
      incident: p.cluster ? idOfAggregate(p.cluster.aggregate) : null,
    })),
    states: [
      ...[...assembled].map(([id, { cluster, incident }]) => stateOf(block, cluster.aggregate, incident, reattached.attachedTo.get(id) ?? null)),
      ...reattached.states,
    ],
    removedStates: [...removed],
    incidents: [...incidents.values()],
    removedIncidents: [...removed],
  };
}
