// Keeps the stored incidents in step with the stored mentions, block by block: ingesting a
// document queues its mentions and marks their blocks dirty; each dirty block is brought up to
// date by resolution steps (step.ts) that place only the new mentions. A block is resolved from
// scratch only when asked (rebuildAllIncidents: after a change to the merging rules) or when its
// stored state cannot be continued (the store says so).
import type { Store } from "../store/store.ts";
import { planStep } from "./step.ts";
import { reviewCommit } from "../review/overlay.ts";

/** Brings one block up to date; a step planned while another writer committed is planned again. */
export async function resolveBlock(store: Store, block: string, fromScratch = false): Promise<void> {
  let scratch = fromScratch;
  for (;;) {
    const work = await store.mergeWork(block, { fromScratch: scratch });
    // People's review decisions are applied on top of every step (src/review/overlay.ts).
    const outcome = await store.commitMerge(await reviewCommit(store, await planStep(store, block, work)));
    if (outcome === "done") return;
    // "more": mentions were stored meanwhile and wait for the next step, which continues from
    // this one. "stale": nothing was written; plan the same step again on the new state.
    if (outcome === "more") scratch = false;
  }
}

/** Resolves every dirty block; returns how many blocks were updated. */
export async function updateIncidents(store: Store): Promise<number> {
  const blocks = await store.dirtyBlocks();
  for (const block of blocks) await resolveBlock(store, block);
  return blocks.length;
}

/** Resolves every block from scratch (after a change to the merging rules); returns the block count. */
export async function rebuildAllIncidents(store: Store): Promise<number> {
  const blocks = await store.allBlocks();
  for (const block of blocks) await resolveBlock(store, block, true);
  return blocks.length;
}
