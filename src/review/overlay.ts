// Corrections last: automatic merging runs as it always has, and the review decisions are
// applied on top of what it makes, every time it makes it. An incident a decision names is
// assembled again from its reports (those merging placed in it and in the incidents merged into
// it, less those split off or judged not relevant, plus those split into it), then the reviewer's
// fields are set and the review state attached. So a new report, a re-ingest or a rebuild changes
// what the reports say, never what a person decided.
import type { Incident, IncidentMention, ReviewFlag } from "../model/incident.ts";
import type { MergeCommit, PlacedMention, Store } from "../store/store.ts";
import { assembleIncident } from "../incidents/build.ts";
import { factsOf, inRankOrder } from "../incidents/facts.ts";
import { aggregateOfMembers } from "../incidents/resolve.ts";
import { applyEdit, editedFields, fieldValue } from "./edits.ts";
import { isDecided, ledgerOf, sourcesOf, survivorOf, type Ledger } from "./ledger.ts";

/** What merging has just made, not yet stored: its incidents, the ones it removes, where it placed mentions. */
export interface MachineView {
  incidents: Map<string, Incident>;
  removed: Set<string>;
  placements: Map<string, string | null>;
}

const EMPTY_VIEW: MachineView = { incidents: new Map(), removed: new Set(), placements: new Map() };

/** An incident as the reports alone make it (`base`) and as people decided it (`incident`). */
export interface Reviewed {
  base: Incident;
  incident: Incident;
}

/** A reviewed incident (null: the decisions leave none) and the automatic incidents it took over under its own id. */
export interface ReviewOutcome {
  reviewed: Reviewed | null;
  aliases: string[];
}

/** True when merging keeps an incident under this id (in `view`, else in the store). */
async function isLive(store: Store, id: string, view: MachineView): Promise<boolean> {
  if (view.incidents.has(id)) return true;
  if (view.removed.has(id)) return false;
  return (await store.statesOf([id])).length > 0;
}

/**
 * The automatic incident now holding most of a decided incident's anchor mentions, when merging
 * no longer keeps the decided id (a report ranking earlier renamed it): the decision follows its
 * reports there. None for split-off incidents, which are kept by their mentions already.
 */
async function aliasesOf(store: Store, ledger: Ledger, id: string, view: MachineView): Promise<string[]> {
  const anchors = ledger.anchors.get(id);
  if (!anchors?.length || ledger.splitUnits.has(id) || (await isLive(store, id, view))) return [];
  const sources = new Set(sourcesOf(ledger, id));
  const stored = new Map((await store.mentionsById(anchors)).map((p) => [p.mention.id, p.incident]));
  const tally = new Map<string, number>();
  for (const mention of anchors) {
    const incident = view.placements.has(mention) ? view.placements.get(mention)! : (stored.get(mention) ?? null);
    if (incident === null || sources.has(incident) || survivorOf(ledger, incident) !== incident || isDecided(ledger, incident)) continue;
    tally.set(incident, (tally.get(incident) ?? 0) + 1);
  }
  const best = [...tally].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  return best ? [best[0]] : [];
}

/** The reports merging placed in the automatic incident `id`, as it is in `view` or else as stored. */
async function membersOf(store: Store, id: string, view: MachineView): Promise<PlacedMention[]> {
  const made = view.incidents.get(id);
  if (made) {
    const documents = new Set(made.documents);
    return (await store.mentionsById(made.mentions)).filter((p) => documents.has(p.mention.document));
  }
  if (view.removed.has(id)) return [];
  return (await store.membersOf([id])).get(id) ?? [];
}

/**
 * The reviewed incident `id` from the reports and the decisions, or null when the decisions leave
 * none (rejected, merged away, every report split off or judged not relevant). Steps:
 * 1. its reports; 2. assembled as merging would; 3. the reviewer's fields; 4. the review state.
 */
export async function reviewedIncident(store: Store, ledger: Ledger, id: string, view: MachineView = EMPTY_VIEW): Promise<ReviewOutcome> {
  if (survivorOf(ledger, id) !== id) return { reviewed: null, aliases: [] };
  const aliases = await aliasesOf(store, ledger, id, view);
  if (ledger.rejected.has(id)) return { reviewed: null, aliases };
  // 1. Reports of the incident, of those merged into it and of the automatic incident it now
  //    goes by; split-off mentions go to their own.
  const members = new Map<string, PlacedMention>();
  for (const source of [...sourcesOf(ledger, id), ...aliases]) {
    const splitFrom = ledger.splitUnits.has(source);
    const found = splitFrom
      ? (await store.mentionsById([...ledger.splitOf].filter(([, unit]) => unit === source).map(([mention]) => mention)))
      : (await membersOf(store, source, view)).filter((p) => !ledger.splitOf.has(p.mention.id));
    for (const p of found) {
      if (ledger.notRelevant.has(p.mention.document) || p.mention.modality === "negated") continue;
      members.set(`${p.mention.document}\u0000${p.mention.id}`, p);
    }
  }
  // 2. Assembled from them exactly as merging assembles an incident, under the reviewed id.
  const facts = inRankOrder([...members.values()].map((p) => factsOf(p.mention, p.published)));
  const aggregate = aggregateOfMembers(facts);
  if (!aggregate) return { reviewed: null, aliases };
  const assembled = assembleIncident(facts.map((f) => f.mention as IncidentMention), aggregate);
  // Derived figures (at_large) are computed across incidents by merging: keep the latest it made.
  const previous = view.incidents.get(id) ?? (await store.getIncident(id));
  const derived = (previous?.counts ?? []).filter((c) => c.derived && !assembled.counts.some((a) => a.quantity === c.quantity && a.group === c.group));
  const base: Incident = { ...assembled, id, counts: [...assembled.counts, ...derived] };
  // 3. The reviewer's fields, oldest edit first; a field the reports now tell differently from
  //    when it was reviewed is flagged, and the reviewer's value stays.
  let incident = base;
  const flags = new Map<string, ReviewFlag>();
  for (const { changes, evidence } of ledger.edits.get(id) ?? []) {
    incident = applyEdit(incident, changes);
    for (const field of editedFields(changes)) {
      flags.delete(field);
      const now = fieldValue(base, field);
      if (field in evidence && JSON.stringify(evidence[field]) !== JSON.stringify(now)) {
        flags.set(field, { field, reviewed: null, evidenceThen: evidence[field], evidenceNow: now });
      }
    }
  }
  for (const flag of flags.values()) flag.reviewed = fieldValue(incident, flag.field);
  // 4. Who reviewed it, and the reports that arrived since.
  const latest = ledger.latest.get(id);
  if (latest) {
    const seen = new Set(latest.documents);
    incident = {
      ...incident,
      reviewed: true,
      reviewedBy: latest.by,
      review: {
        by: latest.by,
        at: latest.at,
        action: latest.action,
        newDocuments: latest.action === "split" && latest.documents.length === 0 ? [] : incident.documents.filter((d) => !seen.has(d)),
        flagged: [...flags.values()].filter((f) => JSON.stringify(f.reviewed) !== JSON.stringify(f.evidenceNow)),
      },
    };
  }
  return { reviewed: { base, incident }, aliases };
}

/**
 * A merging step's commit with the review decisions applied: incidents no decision concerns pass
 * unchanged (the common case costs one read of the decisions), the others are made again by
 * `reviewedIncident`, and incidents merged away never reappear.
 */
export async function reviewCommit(store: Store, commit: MergeCommit): Promise<MergeCommit> {
  const decisions = await store.reviewDecisions();
  if (decisions.length === 0) return commit;
  const ledger = ledgerOf(decisions);
  const view: MachineView = {
    incidents: new Map(commit.incidents.map((i) => [i.id, i])),
    removed: new Set(commit.removedIncidents),
    placements: new Map(commit.placements.map((p) => [p.mention, p.incident])),
  };
  const incidents = new Map<string, Incident>();
  const affected = new Set<string>();
  for (const incident of commit.incidents) {
    const touchesDecision =
      isDecided(ledger, incident.id) || incident.documents.some((d) => ledger.notRelevant.has(d)) || incident.mentions.some((m) => ledger.splitOf.has(m));
    // Holding another decided incident's anchors: that one may go by this id now (aliasesOf).
    const owners = incident.mentions.map((m) => ledger.anchorOwner.get(m)).filter((o): o is string => o !== undefined && o !== incident.id);
    for (const owner of owners) affected.add(survivorOf(ledger, owner));
    if (!touchesDecision) {
      incidents.set(incident.id, incident);
      continue;
    }
    affected.add(survivorOf(ledger, incident.id));
    for (const mention of incident.mentions) {
      const unit = ledger.splitOf.get(mention);
      if (unit) affected.add(survivorOf(ledger, unit));
    }
  }
  for (const id of commit.removedIncidents) if (isDecided(ledger, id)) affected.add(survivorOf(ledger, id));
  const removed = new Set(commit.removedIncidents);
  for (const incident of commit.incidents) if (survivorOf(ledger, incident.id) !== incident.id || ledger.rejected.has(incident.id)) removed.add(incident.id);
  const aliased = new Set<string>();
  for (const id of affected) {
    const { reviewed, aliases } = await reviewedIncident(store, ledger, id, view);
    if (reviewed) incidents.set(id, reviewed.incident);
    else removed.add(id);
    for (const alias of aliases) aliased.add(alias);
  }
  for (const id of aliased) {
    incidents.delete(id);
    removed.add(id);
  }
  for (const id of incidents.keys()) removed.delete(id);
  return { ...commit, incidents: [...incidents.values()], removedIncidents: [...removed] };
}
