// PLACEHOLDER (owned by the incidents work): rebuilds incidents for blocks whose mentions changed.
import type { Store } from "../store/store.ts";

/** Rebuilds the incidents of every dirty block; returns how many blocks were rebuilt. */
export async function updateIncidents(store: Store): Promise<number> {
  const blocks = await store.dirtyBlocks();
  await store.replaceIncidents(blocks, []);
  return blocks.length;
}
