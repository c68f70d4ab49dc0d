// Whether a mention fits an incident as a whole, and which of several incidents it fits best.
// A mention fits an incident when, against its aggregate (aggregate.ts):
// 1. the type is the same;
// 2. its site contradicts none of the sites the incident's reports name (places.ts);
// 3. its date fits the incident's. Windows are trusted by how they were obtained (text date,
//    extraction's default window, lookback before publication), and each kind has its span:
//    - a span of the mention's own kind: with it, no two of the incident's windows of that kind
//      would be more than DATE_TOLERANCE_DAYS apart (complete linkage: no chaining);
//    - only less trusted spans: the mention's window is within DATE_TOLERANCE_DAYS of them;
//    - a more trusted span: the window is within DATE_TOLERANCE_DAYS of it, or, for a report that
//      does not date the event, at the same facility or town, the text-dated incident ended at
//      most FOLLOW_UP_DAYS before the report was published (the event it follows up), or, at the
//      same facility, an attack, riot or control change at most RECALL_DAYS before (recalled);
//    - no window at all: it fits, but is only placed when it is the one incident it fits.
// 4. Among fitting incidents: the smallest date gap, then the most precise site match, then the
//    one whose figures agree most, then the earliest. Disagreeing figures never veto a merge:
//    sources disagreeing about one escape is what "disputed" records.
// (Two mentions of one report in one incident is the caller's rule: only at one facility, resolve.ts.)
import { DATE_TOLERANCE_DAYS, FOLLOW_UP_DAYS, RECALL_DAYS, RECALLED_TYPES } from "./constants.ts";
import { rangeGap } from "./days.ts";
import { boundOf, spanDays, spread, SPANS, widen, type IncidentAggregate, type Role, type SpanKind } from "./aggregate.ts";
import { compareRanks, type ClaimRanges, type Dating, type MentionFacts } from "./facts.ts";
import { matchSites, SITE_MATCH, type Located, type SiteMatch } from "./places.ts";

export interface Candidate<T> {
  incident: T;
  aggregate: IncidentAggregate;
  role: Role;
  /** Days to the incident's date; null when either side has no window at all. */
  gap: number | null;
  site: SiteMatch;
  agreement: number;
}

/** The most precise match of a site with a site of the incident; null when it contradicts any. */
function siteMatch(site: Located, sites: Located[]): SiteMatch | null {
  let best: SiteMatch = SITE_MATCH.country;
  for (const other of sites) {
    const match = matchSites(site, other);
    if (match === null) return null;
    best = Math.max(best, match) as SiteMatch;
  }
  return best;
}

/** The span a mention's window joins, by how it was dated. */
const OWN_SPAN: Record<Dating, SpanKind | null> = { text: "firm", default: "soft", lookback: "guess", none: null };

/** Rule 3: how the mention would join, with its date gap, or null when its date does not fit. */
export function dateFit(facts: MentionFacts, aggregate: IncidentAggregate, site: SiteMatch): { role: Role; gap: number | null } | null {
  const own = facts.window;
  const kind = OWN_SPAN[facts.dating];
  const bound = boundOf(aggregate);
  if (!own || !kind) return { role: "undated", gap: null };
  if (!bound) return { role: kind, gap: null };
  const gap = rangeGap(own, spanDays(bound.span));
  // A span as trusted as the mention's own: complete linkage within it.
  if (bound.kind === kind) return spread(widen(bound.span, own)) <= DATE_TOLERANCE_DAYS ? { role: kind, gap } : null;
  // Only less trusted windows so far: the mention must be near them, and then binds its own span.
  if (SPANS.indexOf(bound.kind) > SPANS.indexOf(kind)) return gap <= DATE_TOLERANCE_DAYS ? { role: kind, gap } : null;
  // A more trusted span: the mention agrees with it, or (an undated report) follows it up.
  if (gap <= DATE_TOLERANCE_DAYS) return { role: "agrees", gap };
  const end = spanDays(bound.span).end;
  if (bound.kind !== "firm" || facts.published === null || end >= own.start) return null;
  const since = facts.published - end;
  const followsUp = (site >= SITE_MATCH.town && since <= FOLLOW_UP_DAYS) || (site === SITE_MATCH.facility && RECALLED_TYPES.includes(facts.type) && since <= RECALL_DAYS);
  return followsUp ? { role: "follow-up", gap } : null;
}

/** Days before its window (or publication) an incident may have ended and still take the mention. */
export function reachBack(facts: MentionFacts): number {
  if (facts.dating === "text") return DATE_TOLERANCE_DAYS;
  return Math.max(DATE_TOLERANCE_DAYS, RECALLED_TYPES.includes(facts.type) ? RECALL_DAYS : FOLLOW_UP_DAYS);
}

function overlaps(a: [number, number | null], b: [number, number | null]): boolean {
  return (a[1] === null || a[1] >= b[0]) && (b[1] === null || b[1] >= a[0]);
}

/** How many of the mention's counts overlap a figure the incident holds for the same count. */
function countAgreement(own: ClaimRanges, held: ClaimRanges): number {
  let agree = 0;
  for (const [key, ranges] of Object.entries(own)) {
    const others = held[key] ?? [];
    if (!ranges.length || !others.length) continue;
    agree += ranges.some((r) => others.some((o) => overlaps(r, o))) ? 1 : -1;
  }
  return agree;
}

/** Rules 1-3: the candidate `incident` is for `facts`, or null. */
export function candidateFor<T>(facts: MentionFacts, incident: T, aggregate: IncidentAggregate): Candidate<T> | null {
  if (aggregate.type !== facts.type) return null;
  const site = siteMatch(facts.site, aggregate.sites);
  if (site === null) return null;
  const fit = dateFit(facts, aggregate, site);
  if (!fit) return null;
  return { incident, aggregate, ...fit, site, agreement: countAgreement(facts.ranges, aggregate.ranges) };
}

/** Rule 4: a better candidate sorts first. */
function compareCandidates<T>(a: Candidate<T>, b: Candidate<T>): number {
  return (a.gap as number) - (b.gap as number) || b.site - a.site || b.agreement - a.agreement || compareRanks(a.aggregate.first, b.aggregate.first);
}

/** The candidate to join: the best dated one, else the only undated one, else none. */
export function chooseCandidate<T>(candidates: Array<Candidate<T>>): Candidate<T> | null {
  const dated = candidates.filter((c) => c.gap !== null).sort(compareCandidates);
  const undated = candidates.filter((c) => c.gap === null);
  return dated[0] ?? (undated.length === 1 ? undated[0] : null);
}
