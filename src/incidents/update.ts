// Keeps the stored incidents in step with the stored mentions, block by block: ingesting a
// document marks its mentions' blocks dirty; only those blocks are rebuilt, from all of their
// mentions (old and new), so the result equals a rebuild from scratch.
import type { Store } from "../store/store.ts";
import { buildIncidents } from "./build.ts";

/** Blocks rebuilt per transaction: bounds memory on a bulk ingest; an incident never spans blocks. */
export const BLOCKS_PER_BATCH = 200;

/** Rebuilds the incidents of `blocks` from their mentions and stores them, one batch at a time. */
export async function rebuildBlocks(store: Store, blocks: string[]): Promise<number> {
  const sorted = [...blocks].sort();
  for (let i = 0; i < sorted.length; i += BLOCKS_PER_BATCH) {
    const batch = sorted.slice(i, i + BLOCKS_PER_BATCH);
    const mentions = await store.mentionsInBlocks(batch);
    const published = await store.publishedDays([...new Set(mentions.map((m) => m.mention.document))]);
    await store.replaceIncidents(batch, buildIncidents(mentions, published));
  }
  return sorted.length;
}

/** Rebuilds the incidents of every dirty block; returns how many blocks were rebuilt. */
export async function updateIncidents(store: Store): Promise<number> {
  return rebuildBlocks(store, await store.dirtyBlocks());
}

/** Rebuilds every block from scratch (after a change to merging rules); returns the block count. */
export async function rebuildAllIncidents(store: Store): Promise<number> {
  return rebuildBlocks(store, await store.allBlocks());
}
