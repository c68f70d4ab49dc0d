// Overlap refinement shared by the quantity and date recognisers: longest match wins.
import type { Span } from "../../model/doc.ts";

/**
 * Keeps the longest of any overlapping candidates (ties: the earlier one) and returns them in
 * text order. Candidates are first cut into clusters of transitively overlapping spans, so the
 * work is linear in the number of candidates unless one cluster is itself huge.
 */
export function longestWins<T extends Span>(candidates: readonly T[]): T[] {
  const byStart = [...candidates].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: T[] = [];
  let cluster: T[] = [];
  let clusterEnd = -1;
  const flush = () => {
    const byLength = cluster.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const chosen: T[] = [];
    for (const c of byLength) if (!chosen.some((k) => c.start < k.end && k.start < c.end)) chosen.push(c);
    for (const c of chosen.sort((a, b) => a.start - b.start)) kept.push(c);
    cluster = [];
  };
  for (const c of byStart) {
    if (cluster.length > 0 && c.start >= clusterEnd) flush();
    cluster.push(c);
    clusterEnd = Math.max(clusterEnd, c.end);
  }
  if (cluster.length > 0) flush();
  return kept;
}
