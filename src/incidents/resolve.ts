// Incident resolution: mentions, taken in canonical order, each join the incident they fit best
// (fit.ts) or start a new one. The same function builds a block from scratch and continues one
// incrementally: given the incidents as they stood just before the first mention to place
// (`known`), it places the rest exactly as a build from scratch would, so the result never
// depends on the order reports were ingested in (RECONCILIATION.md, "Incremental resolution").
import { DATE_TOLERANCE_DAYS } from "./constants.ts";
import { joinAggregate, matchDays, startAggregate, type IncidentAggregate, type Role } from "./aggregate.ts";
import type { Dating, MentionFacts } from "./facts.ts";
import { candidateFor, chooseCandidate, reachBack } from "./fit.ts";
import { matchSites, SITE_MATCH, type Located } from "./places.ts";

/** An incident while mentions are being placed. */
export interface Cluster {
  /** Id of the stored incident it continues; null for one this run started. */
  stored: string | null;
  aggregate: IncidentAggregate;
  /**
   * Sites of the members placed in this run, by document. Extraction has merged what one report
   * says about one event, so a second mention of a document joins only where the document's
   * other mentions name the same facility: one event the report named two ways ("Suleja prison",
   * "Suleja Correctional Centre"). (A document's mentions are adjacent in canonical order, so
   * only this run's documents can come up.)
   */
  documents: Map<string, Located[]>;
}

/** True when no member from the mention's document is in the cluster, or all name its facility. */
function sameDocumentAllows(cluster: Cluster, facts: MentionFacts): boolean {
  const sites = cluster.documents.get(facts.rank.document);
  return !sites || sites.every((site) => matchSites(facts.site, site) === SITE_MATCH.facility);
}

export interface Placement {
  facts: MentionFacts;
  /** null for a negated mention, which never becomes part of an incident. */
  cluster: Cluster | null;
  role: Role | null;
}

/** Width of a day bucket of the candidate index. */
const BUCKET_DAYS = 8;
/** Clusters whose window spans more buckets than this ("in 2019") are checked for every mention. */
const MAX_BUCKETS = 64;

/**
 * Which clusters of one type could fit a mention, by date, so a long block is not scanned in full
 * for every mention. It only narrows the scan: every cluster fit.ts could accept is returned.
 */
class CandidateIndex {
  private readonly buckets = new Map<number, Set<Cluster>>();
  private readonly everywhere = new Set<Cluster>();
  private readonly placed = new Map<Cluster, number[] | null>();

  put(cluster: Cluster): void {
    this.remove(cluster);
    const days = matchDays(cluster.aggregate);
    const first = days ? Math.floor(days.start / BUCKET_DAYS) : 0;
    const last = days ? Math.floor(days.end / BUCKET_DAYS) : 0;
    if (!days || last - first >= MAX_BUCKETS) {
      this.everywhere.add(cluster);
      this.placed.set(cluster, null);
      return;
    }
    const keys = Array.from({ length: last - first + 1 }, (_, i) => first + i);
    for (const key of keys) {
      const set = this.buckets.get(key) ?? new Set<Cluster>();
      set.add(cluster);
      this.buckets.set(key, set);
    }
    this.placed.set(cluster, keys);
  }

  private remove(cluster: Cluster): void {
    const keys = this.placed.get(cluster);
    if (keys === undefined) return;
    if (keys === null) this.everywhere.delete(cluster);
    else for (const key of keys) this.buckets.get(key)?.delete(cluster);
    this.placed.delete(cluster);
  }

  /** Clusters whose window reaches the mention's: as far back as a follow-up may look. */
  near(facts: MentionFacts): Iterable<Cluster> {
    const own = facts.window;
    if (!own) return this.placed.keys();
    const from = Math.min(own.start, facts.published ?? own.start) - reachBack(facts);
    const found = new Set(this.everywhere);
    for (let key = Math.floor(from / BUCKET_DAYS); key <= Math.floor((own.end + DATE_TOLERANCE_DAYS) / BUCKET_DAYS); key++) {
      for (const cluster of this.buckets.get(key) ?? []) found.add(cluster);
    }
    return found;
  }
}

/** The role a mention has in an incident it starts: its window binds the span of its kind. */
const STARTING_ROLE: Record<Dating, Role> = { text: "firm", default: "soft", lookback: "guess", none: "undated" };
const startingRole = (facts: MentionFacts): Role => STARTING_ROLE[facts.dating];

/**
 * Places `ordered` (canonical order, all after every member of `known`) into the `known`
 * clusters and new ones. Clusters are updated in place; returns one placement per mention.
 */
export function placeMentions(ordered: MentionFacts[], known: Cluster[]): Placement[] {
  const indexes = new Map<string, CandidateIndex>();
  const indexOf = (type: string) => indexes.get(type) ?? indexes.set(type, new CandidateIndex()).get(type)!;
  for (const cluster of known) indexOf(cluster.aggregate.type).put(cluster);
  const placements: Placement[] = [];
  for (const facts of ordered) {
    if (facts.negated) {
      placements.push({ facts, cluster: null, role: null });
      continue;
    }
    const index = indexOf(facts.type);
    const candidates = [];
    for (const cluster of index.near(facts)) {
      const candidate = candidateFor(facts, cluster, cluster.aggregate);
      if (candidate && sameDocumentAllows(cluster, facts)) candidates.push(candidate);
    }
    const chosen = chooseCandidate(candidates);
    const role = chosen?.role ?? startingRole(facts);
    const cluster = chosen?.incident ?? { stored: null, aggregate: startAggregate(facts, role), documents: new Map() };
    const before = cluster.aggregate;
    if (chosen) cluster.aggregate = joinAggregate(before, facts, role);
    cluster.documents.set(facts.rank.document, [...(cluster.documents.get(facts.rank.document) ?? []), facts.site]);
    if (!chosen || cluster.aggregate !== before) index.put(cluster);
    placements.push({ facts, cluster, role });
  }
  return placements;
}

/**
 * The aggregate of an incident's members (canonical order): each joins in the role it had when it
 * was placed, which is decided again here from the members before it, so nothing but the
 * members needs storing to rebuild an incident's state as of any rank.
 */
export function aggregateOfMembers(members: MentionFacts[]): IncidentAggregate | null {
  let aggregate: IncidentAggregate | null = null;
  for (const facts of members) {
    if (facts.negated) continue;
    if (!aggregate) {
      aggregate = startAggregate(facts, startingRole(facts));
      continue;
    }
    const role = candidateFor(facts, null, aggregate)?.role ?? startingRole(facts);
    aggregate = joinAggregate(aggregate, facts, role);
  }
  return aggregate;
}
