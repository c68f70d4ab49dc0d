// Cross-document merging: greedy clustering of one block's mentions into real-world events.
// (Within-document merging is extraction's job; here each document's mentions are taken as
// distinct events, so a cluster never holds two mentions from one document.)
//
// Deterministic whatever the input order: mentions are sorted by (document published day,
// document id, trigger start, mention id) and each joins the best compatible cluster built so
// far, else starts a new one. Rules, in order:
// 1. same incident type;
// 2. same site: no contradiction with any member (two facilities, two towns) - see places.ts;
// 3. dates: some member's window within DATE_TOLERANCE_DAYS of the mention's. A mention with no
//    date is matched as "within UNDATED_LOOKBACK_DAYS before its publication"; with no date and
//    no publication day it joins only when it has exactly one candidate (never a guess between two);
// 4. among candidates, prefer the smallest date gap, then the most precise site match, then the
//    one whose counts agree most, then the earliest cluster. Disagreeing counts never veto a
//    merge: sources disagreeing about the same escape is what "disputed" records.
import type { DateWindow, Day } from "../model/doc.ts";
import type { IncidentMention } from "../model/incident.ts";
import { DATE_TOLERANCE_DAYS, UNDATED_LOOKBACK_DAYS } from "./constants.ts";
import { addDays, dayNumber, windowGap } from "./days.ts";
import { matchSites, type SiteMatch } from "./places.ts";

export type PublishedDays = Map<string, Day | null>;

/** Sorts mentions into the canonical order clustering and incident ids depend on. */
export function orderMentions(mentions: IncidentMention[], published: PublishedDays): IncidentMention[] {
  const day = (m: IncidentMention) => published.get(m.document) ?? "9999-99-99"; // undated documents last
  return [...mentions].sort(
    (a, b) =>
      day(a).localeCompare(day(b)) ||
      a.document.localeCompare(b.document) ||
      a.trigger.start - b.trigger.start ||
      a.id.localeCompare(b.id),
  );
}

/** The window a mention is matched by: its own date, else the days before its publication. */
export function matchWindow(mention: IncidentMention, published: PublishedDays): DateWindow | null {
  if (mention.date) return mention.date;
  const day = published.get(mention.document);
  return day ? { earliest: addDays(day, -UNDATED_LOOKBACK_DAYS), latest: day } : null;
}

interface Candidate {
  index: number;
  /** null: one side has no window at all, so the date neither supports nor rules out the merge. */
  gap: number | null;
  site: SiteMatch;
  countAgreement: number;
}

function rangesOverlap(a: { low: number; high: number | null }, b: { low: number; high: number | null }): boolean {
  return (a.high === null || a.high >= b.low) && (b.high === null || b.high >= a.low);
}

/** How many of the mention's counts overlap a member's claim for the same quantity. */
function countAgreement(mention: IncidentMention, cluster: IncidentMention[]): number {
  let agree = 0;
  for (const count of mention.counts) {
    const others = cluster.flatMap((m) => m.counts.filter((c) => c.quantity === count.quantity && c.group === count.group));
    const pairs = count.claims.flatMap((a) => others.flatMap((o) => o.claims.map((b) => rangesOverlap(a, b))));
    agree += pairs.some(Boolean) ? 1 : pairs.length ? -1 : 0;
  }
  return agree;
}

function candidateFor(mention: IncidentMention, cluster: IncidentMention[], index: number, published: PublishedDays): Candidate | null {
  // Rule 1 and the one-mention-per-document rule.
  if (cluster[0].type !== mention.type) return null;
  if (cluster.some((m) => m.document === mention.document)) return null;
  // Rule 2.
  let site: SiteMatch | null = null;
  for (const member of cluster) {
    const match = matchSites(mention, member);
    if (match === null) return null;
    site = site === null ? match : Math.max(site, match) as SiteMatch;
  }
  // Rule 3.
  const own = matchWindow(mention, published);
  const gaps = own ? cluster.map((m) => matchWindow(m, published)).filter((w) => w !== null).map((w) => windowGap(own, w)) : [];
  const gap = gaps.length ? gaps.reduce((a, b) => Math.min(a, b)) : null;
  if (gap !== null && gap > DATE_TOLERANCE_DAYS) return null;
  return { index, gap, site: site as SiteMatch, countAgreement: countAgreement(mention, cluster) };
}

/** Rule 4: a better candidate sorts first. */
function compareCandidates(a: Candidate, b: Candidate): number {
  return (a.gap as number) - (b.gap as number) || b.site - a.site || b.countAgreement - a.countAgreement || a.index - b.index;
}

/** Width of a date bucket in the candidate index; wider than the tolerance on both sides. */
const BUCKET_DAYS = 2 * DATE_TOLERANCE_DAYS + 4;
/** Windows spanning more buckets than this ("in 2019") are kept in a list scanned every time. */
const MAX_BUCKETS_PER_WINDOW = 64;

/**
 * Which clusters could be within the date tolerance of a window, so a large block is not scanned
 * in full for every mention. It only narrows the scan: the chosen cluster is the same as with a
 * full scan, because every cluster a full scan could accept is returned.
 */
class CandidateIndex {
  private readonly buckets = new Map<number, Set<number>>();
  /** Clusters with a very wide window, or with no window at all: always candidates. */
  private readonly everywhere = new Set<number>();
  private readonly windowed = new Set<number>();

  private bucketsOf(window: DateWindow, slack: number): number[] | null {
    const first = Math.floor((dayNumber(window.earliest) - slack) / BUCKET_DAYS);
    const last = Math.floor((dayNumber(window.latest) + slack) / BUCKET_DAYS);
    if (last - first + 1 > MAX_BUCKETS_PER_WINDOW) return null;
    return Array.from({ length: last - first + 1 }, (_, i) => first + i);
  }

  add(index: number, window: DateWindow | null): void {
    if (!window) {
      if (!this.windowed.has(index)) this.everywhere.add(index);
      return;
    }
    this.windowed.add(index);
    const buckets = this.bucketsOf(window, DATE_TOLERANCE_DAYS);
    if (!buckets) {
      this.everywhere.add(index);
      return;
    }
    for (const b of buckets) {
      const set = this.buckets.get(b) ?? new Set<number>();
      set.add(index);
      this.buckets.set(b, set);
    }
  }

  /** Cluster indices to check, ascending; `all` when the window cannot narrow the scan. */
  near(window: DateWindow | null, all: number): number[] {
    const buckets = window ? this.bucketsOf(window, 0) : null;
    if (!buckets) return Array.from({ length: all }, (_, i) => i);
    const found = new Set<number>(this.everywhere);
    for (const b of buckets) for (const i of this.buckets.get(b) ?? []) found.add(i);
    return [...found].sort((a, b) => a - b);
  }
}

/** Clusters one block's mentions (negated ones already dropped) into events, in canonical order. */
export function clusterMentions(mentions: IncidentMention[], published: PublishedDays): IncidentMention[][] {
  const clusters: IncidentMention[][] = [];
  const index = new CandidateIndex();
  for (const mention of orderMentions(mentions, published)) {
    const window = matchWindow(mention, published);
    const candidates = index
      .near(window, clusters.length)
      .map((i) => candidateFor(mention, clusters[i], i, published))
      .filter((c): c is Candidate => c !== null);
    const dated = candidates.filter((c) => c.gap !== null).sort(compareCandidates);
    const undated = candidates.filter((c) => c.gap === null);
    const chosen = dated[0] ?? (undated.length === 1 ? undated[0] : undefined);
    if (chosen) clusters[chosen.index].push(mention);
    else clusters.push([mention]);
    const joined = chosen ? chosen.index : clusters.length - 1;
    index.add(joined, window);
  }
  return clusters;
}
