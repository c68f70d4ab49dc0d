// Claim reconciliation: every claim about one count (quantity + casualty group) is kept with its
// evidence; the reconciled low/best/high are derived from DISTINCT sources. The policy and its
// reasons are written up in RECONCILIATION.md; in short:
//
// 1. One figure per source. A source (normalised name; an unattributed figure speaks for its
//    document) that repeats a figure across documents is counted once. When a source gave
//    several figures, its figure from the latest document wins (tallies of escapees and dead
//    are revised as they firm up); within one document, the most precise one.
// 2. low = the smallest low. high = the largest stated upper bound, or null (open) when some
//    source's open-ended figure ("more than 1,500") starts above every stated upper bound.
// 3. best = the lower median of the sources' best values, counting only exact figures when any
//    source gave one. A median is not moved by one outlying source; the LOWER median keeps
//    the conservative figure when two sources split (ACLED's caution on a tie, UCDP's "most
//    likely" otherwise).
// 4. vague when that best was read from a word standing in for a figure ("thousands"), not a
//    stated figure: readers must see its range, never the point value alone.
// 5. disputed when two distinct sources' ranges miss each other (each widened by
//    DISPUTE_RANGE_SLACK) and their best values differ by more than DISPUTE_BEST_RATIO; the
//    disputed count lists every source's figure in `disagreement`.
import { QUANTITIES, type Claim, type CountClaims, type Count, type SourceFigure } from "../model/incident.ts";
import { VAGUE_AMOUNTS } from "../extract/quantities/lexicon.ts";
import { DISPUTE_BEST_RATIO, DISPUTE_RANGE_SLACK } from "./constants.ts";

/** Rule ids of claims read from a vague amount ("quantity.thousands"). */
const VAGUE_RULES = new Set(VAGUE_AMOUNTS.map((amount) => `quantity.${amount.id}`));

/** Orders documents: a larger rank is a later document (published day, then id). */
export type DocumentRank = (documentId: string) => number;

/** The value a claim most likely means: its own best, an exact figure, a range's midpoint, an open range's floor. */
export function claimBest(claim: Pick<Claim, "low" | "high" | "best">): number {
  if (claim.best !== undefined) return claim.best;
  if (claim.high === null) return claim.low;
  return Math.round((claim.low + claim.high) / 2);
}

/** Width of a claim's range; open ranges are the least precise. */
function imprecision(claim: Claim): number {
  return claim.high === null ? Number.POSITIVE_INFINITY : claim.high - claim.low;
}

function sourceKey(claim: Claim): string {
  return claim.source ? `source:${claim.source.trim().toLowerCase()}` : `document:${claim.document}`;
}

/** Step 1: one claim per distinct source. */
export function figuresBySource(claims: Claim[], rank: DocumentRank): SourceFigure[] {
  const chosen = new Map<string, Claim>();
  for (const claim of claims) {
    const key = sourceKey(claim);
    const held = chosen.get(key);
    if (!held) {
      chosen.set(key, claim);
      continue;
    }
    // "first said 30, later raised the figure to 52": a figure its own report revised yields to the revision.
    if (Boolean(claim.revised) !== Boolean(held.revised) && claim.document === held.document) {
      if (held.revised) chosen.set(key, claim);
      continue;
    }
    const later = rank(claim.document) - rank(held.document);
    if (later > 0 || (later === 0 && imprecision(claim) < imprecision(held))) chosen.set(key, claim);
  }
  return [...chosen.values()].map((c) => ({ source: c.source, low: c.low, high: c.high, best: claimBest(c), document: c.document }));
}

/** Step 2: the range covering every source, open only when no source bounds an open figure. */
function rangeOf(figures: SourceFigure[]): { low: number; high: number | null } {
  const low = figures.reduce((least, f) => Math.min(least, f.low), Infinity);
  const bounded = figures.filter((f) => f.high !== null).map((f) => f.high as number);
  const boundedHigh = bounded.length ? bounded.reduce((a, b) => Math.max(a, b)) : null;
  const unbounded = figures.some((f) => f.high === null && (boundedHigh === null || f.low > boundedHigh));
  return { low, high: unbounded ? null : boundedHigh };
}

/** Step 3: the lower median of the sources' best values, exact figures preferred. */
function bestOf(figures: SourceFigure[], low: number, high: number | null): number {
  const exact = figures.filter((f) => f.high === f.low);
  const pool = (exact.length ? exact : figures).map((f) => f.best).sort((a, b) => a - b);
  const median = pool[Math.floor((pool.length - 1) / 2)];
  return Math.min(Math.max(median, low), high ?? Number.POSITIVE_INFINITY);
}

function rangesMiss(a: SourceFigure, b: SourceFigure): boolean {
  const widen = (f: SourceFigure) => [f.low * (1 - DISPUTE_RANGE_SLACK), f.high === null ? Number.POSITIVE_INFINITY : f.high * (1 + DISPUTE_RANGE_SLACK)];
  const [lowA, highA] = widen(a);
  const [lowB, highB] = widen(b);
  return highA < lowB || highB < lowA;
}

function bestsDiffer(a: SourceFigure, b: SourceFigure): boolean {
  const [small, large] = a.best <= b.best ? [a.best, b.best] : [b.best, a.best];
  return small === 0 ? large > 0 : large / small > DISPUTE_BEST_RATIO;
}

/** Step 4: true when no stated figure gives `best` and some vague amount does. */
function bestIsVague(figures: SourceFigure[], claims: Claim[], best: number): boolean {
  if (figures.some((f) => f.high === f.low && f.best === best)) return false;
  return figures.some(
    (f) => f.best === best && claims.some((c) => VAGUE_RULES.has(c.rule) && c.document === f.document && c.low === f.low && c.high === f.high),
  );
}

/** Step 5: true when some two distinct sources cannot both be right. */
export function isDisputed(figures: SourceFigure[]): boolean {
  return figures.some((a, i) => figures.slice(i + 1).some((b) => rangesMiss(a, b) && bestsDiffer(a, b)));
}

/** Reconciles one count's claims (all of the same quantity and group). */
export function reconcileCount(quantity: Count["quantity"], group: Count["group"], claims: Claim[], rank: DocumentRank): Count {
  const figures = figuresBySource(claims, rank);
  // "Initially 30 ... more than 100 died": a figure its own report says was revised stays a claim and in the range, not in the best.
  const current = claims.filter((c) => !c.revised);
  const revisedAway = claims.filter((c) => c.revised && !figures.some((f) => f.document === c.document && f.low === c.low && f.high === c.high));
  const { low, high } = rangeOf([...figures, ...figuresBySource(revisedAway, rank)]);
  const bestFigures = current.length > 0 && current.length < claims.length ? figuresBySource(current, rank) : figures;
  const count: Count = { quantity, group, claims, low, best: bestOf(bestFigures, low, high), high };
  if (bestIsVague(figures, claims, count.best)) count.vague = true;
  if (isDisputed(figures)) {
    count.disputed = true;
    count.disagreement = figures;
  }
  return count;
}

function claimIdentity(c: Claim): string {
  return `${c.document}:${c.start}:${c.end}:${c.low}:${c.high}`;
}

/**
 * Groups the claims of many mentions by (quantity, group) and reconciles each group; counts come
 * out in the contract's quantity order. `rank` orders documents (default: order of appearance).
 */
export function reconcileCounts(groups: CountClaims[], rank?: DocumentRank): Count[] {
  const byKey = new Map<string, { quantity: Count["quantity"]; group: Count["group"]; claims: Claim[]; seen: Set<string> }>();
  const appearance = new Map<string, number>();
  for (const g of groups) {
    const key = `${g.quantity}|${g.group ?? ""}`;
    const entry = byKey.get(key) ?? { quantity: g.quantity, group: g.group, claims: [], seen: new Set<string>() };
    byKey.set(key, entry);
    for (const claim of g.claims) {
      if (!appearance.has(claim.document)) appearance.set(claim.document, appearance.size);
      // The same sentence can reach a count twice (two mentions sharing evidence): keep it once.
      if (entry.seen.has(claimIdentity(claim))) continue;
      entry.seen.add(claimIdentity(claim));
      entry.claims.push(claim);
    }
  }
  const order = rank ?? ((doc: string) => appearance.get(doc) ?? 0);
  return [...byKey.values()]
    .filter((e) => e.claims.length > 0)
    .sort((a, b) => QUANTITIES.indexOf(a.quantity) - QUANTITIES.indexOf(b.quantity) || (a.group ?? "").localeCompare(b.group ?? ""))
    .map((e) => reconcileCount(e.quantity, e.group, e.claims, order));
}
