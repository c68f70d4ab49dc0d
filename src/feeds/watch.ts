// The watch loop: poll what is due, match the alert rules against what changed, send the alerts
// that are due, sleep until the next feed is due, repeat until stopped.
import { setTimeout as sleep } from "node:timers/promises";
import type { Store } from "../store/store.ts";
import { checkRules } from "../alerts/evaluate.ts";
import { deliverDue } from "../alerts/deliver.ts";
import { nextDue, pollDue, type FeedPollResult, type PollOptions } from "./poll.ts";

/** The loop looks for new or changed feeds at least this often, even when none is due sooner. */
export const WATCH_MAX_SLEEP_MS = 30_000;
/** And never spins faster than this. */
export const WATCH_MIN_SLEEP_MS = 1_000;

export interface WatchOptions extends PollOptions {
  /** One pass over the due feeds, then return. */
  once?: boolean;
  signal?: AbortSignal;
  onResult?: (result: FeedPollResult) => void;
  /** A pass that failed as a whole (the store busy, say); the loop goes on. Without it, the error ends the loop. */
  onError?: (error: Error) => void;
}

/** Polls until `signal` aborts (or once); resolves with the results of the last pass. */
export async function watchFeeds(store: Store, opts: WatchOptions = {}): Promise<FeedPollResult[]> {
  for (;;) {
    let results: FeedPollResult[] = [];
    try {
      results = await pollDue(store, opts);
      for (const result of results) opts.onResult?.(result);
      const now = opts.now?.() ?? new Date();
      await checkRules(store, { now });
      await deliverDue(store, { now, allow: opts.allow });
    } catch (error) {
      if (!opts.onError || opts.once || opts.signal?.aborted) throw error;
      opts.onError(error as Error);
    }
    if (opts.once || opts.signal?.aborted) return results;
    const due = await nextDue(store);
    const retry = (await store.dueAlerts(new Date(Date.now() + WATCH_MAX_SLEEP_MS).toISOString())).length > 0;
    const wait = retry ? WATCH_MIN_SLEEP_MS : due === null ? WATCH_MAX_SLEEP_MS : due.getTime() - Date.now();
    try {
      await sleep(Math.min(WATCH_MAX_SLEEP_MS, Math.max(WATCH_MIN_SLEEP_MS, wait)), undefined, { signal: opts.signal });
    } catch {
      return results; // aborted while asleep
    }
  }
}
