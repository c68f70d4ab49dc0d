// Keeps the stored incidents in step with the stored mentions, block by block: ingesting a
// document marks its mentions' blocks dirty; only those blocks are rebuilt, from all of their
// mentions (old and new), so the result equals a rebuild from scratch.
import type { Store, StoredMention } from "../store/store.ts";
import { buildIncidents } from "./build.ts";

/** Blocks rebuilt per transaction: bounds memory on a bulk ingest; an incident never spans blocks. */
export const BLOCKS_PER_BATCH = 200;

/** Rebuilds the incidents of `blocks` from their mentions and stores them, one batch at a time. */
export async function rebuildBlocks(store: Store, blocks: string[]): Promise<number> {
  const sorted = [...blocks].sort();
  for (let i = 0; i < sorted.length; i += BLOCKS_PER_BATCH) {
    const batch = sorted.slice(i, i + BLOCKS_PER_BATCH);
    let mentions = await store.mentionsInBlocks(batch);
    for (;;) {
      const published = await store.publishedDays([...new Set(mentions.map((m) => m.mention.document))]);
      await store.replaceIncidents(batch, buildIncidents(mentions, published));
      // Another writer (a second ingest process, a concurrent API request) may have added a
      // mention to these blocks after they were read; replaceIncidents then cleared its dirty
      // mark with incidents that lack it. Mentions are only ever added, so an unchanged set after
      // the replace proves the incidents are current; otherwise rebuild the batch again.
      const after = await store.mentionsInBlocks(batch);
      if (sameMentions(mentions, after)) break;
      mentions = after;
    }
  }
  return sorted.length;
}

function sameMentions(a: StoredMention[], b: StoredMention[]): boolean {
  if (a.length !== b.length) return false;
  const ids = new Set(a.map((m) => `${m.mention.document}\u0000${m.mention.id}`));
  return b.every((m) => ids.has(`${m.mention.document}\u0000${m.mention.id}`));
}

/** Rebuilds the incidents of every dirty block; returns how many blocks were rebuilt. */
export async function updateIncidents(store: Store): Promise<number> {
  return rebuildBlocks(store, await store.dirtyBlocks());
}

/** Rebuilds every block from scratch (after a change to merging rules); returns the block count. */
export async function rebuildAllIncidents(store: Store): Promise<number> {
  return rebuildBlocks(store, await store.allBlocks());
}
