// Polling watched feeds: each due feed is fetched with its conditional-request validators, its
// new or revised entries are ingested like any other report, and its state is written back to
// the store, so a restarted watcher resumes where it stopped and reads nothing twice. A failing
// feed is reported (in its state and the result) and backed off; it never stops the others.
import type { RawRecord } from "../model/doc.ts";
import type { FeedState, Store } from "../store/store.ts";
import { ingestRecord } from "../ingest/pipeline.ts";
import { updateIncidents } from "../incidents/update.ts";
import { allowListOf } from "./address.ts";
import { entryFingerprint, entryKey, recordOfEntry, decodeBody } from "./entry.ts";
import { safeFetch, type FetchOptions } from "./fetch.ts";
import { backoffSeconds } from "./interval.ts";
import { feedEntriesOf, type FeedEntry } from "./parse.ts";

/** Feeds fetched at the same time in one pass: enough that a slow feed does not hold the rest up. */
export const POLL_CONCURRENCY = 4;

export interface PollOptions extends Pick<FetchOptions, "timeoutMs" | "maxBytes" | "allow"> {
  /** The clock, for tests. */
  now?: () => Date;
  /**
   * With an ingest queue (`watch --queue`): the pass's records go to the queue's workers instead
   * of being stored here; a feed item then names the id its record will be stored under.
   */
  enqueue?: (records: RawRecord[]) => Promise<void>;
}

/** One entry that could not be read, with the reason. */
export interface EntryProblem {
  key: string;
  error: string;
}

export interface FeedPollResult {
  feed: string;
  outcome: "read" | "not-modified" | "failed";
  entries: number;
  new: number;
  /** Entries whose page was revised since it was stored: a new version of the same document. */
  updated: number;
  /** Entries whose content was already stored (under any id). */
  known: number;
  /** Entries read on an earlier poll and unchanged since. */
  unchanged: number;
  /** Entries put on the ingest queue (with `enqueue`): the workers count them new or known. */
  queued?: number;
  problems: EntryProblem[];
  /** Why the feed itself failed. */
  error: string | null;
}

/** Whether the feed should be polled at `now`. */
export function isDue(feed: FeedState, now: Date): boolean {
  return feed.nextPollAt === null || Date.parse(feed.nextPollAt) <= now.getTime();
}

/** A fetched feed waiting to be stored: fetching is pure I/O, so slow CPU work (extraction) never eats into a timeout. */
interface Harvest {
  result: FeedPollResult;
  /** The state to save once the entries are stored. */
  state: FeedState;
  entries: Array<{ key: string; fingerprint: string; record: RawRecord | null }>;
}

/** Polls one feed and saves its state. Does not rebuild incidents (pollDue does, once per pass). */
export async function pollFeed(store: Store, feed: FeedState, opts: PollOptions = {}): Promise<FeedPollResult> {
  return storeHarvest(store, await harvestFeed(store, feed, opts));
}

/** Fetches a feed and the pages of its new or revised entries; reads the store, writes nothing. */
async function harvestFeed(store: Store, feed: FeedState, opts: PollOptions): Promise<Harvest> {
  const now = opts.now?.() ?? new Date();
  const fetchOpts: FetchOptions = { timeoutMs: opts.timeoutMs, maxBytes: opts.maxBytes, allow: opts.allow };
  const result: FeedPollResult = { feed: feed.name, outcome: "read", entries: 0, new: 0, updated: 0, known: 0, unchanged: 0, problems: [], error: null };
  const state: FeedState = { ...feed, lastPolledAt: now.toISOString() };
  const entries: Harvest["entries"] = [];
  try {
    // 1. Ask for the feed only if it changed since the validators we kept.
    const headers: Record<string, string> = {};
    if (feed.etag) headers["If-None-Match"] = feed.etag;
    if (feed.lastModified) headers["If-Modified-Since"] = feed.lastModified;
    const response = await safeFetch(feed.url, { ...fetchOpts, headers });
    if (response.status === 304) result.outcome = "not-modified";
    else {
      // 2. Oldest entry first, so versions of a page are stored in the order they were published.
      const type = String(response.headers["content-type"] ?? "");
      const listed = feedEntriesOf(decodeBody(response.body, type), type).reverse();
      result.entries = listed.length;
      for (const entry of listed) {
        const harvested = await harvestEntry(store, feed, entry, fetchOpts, result);
        if (harvested) entries.push(harvested);
      }
      // 3. Keep the validators only when every page was fetched: otherwise a 304 would hide the
      //    entries that failed from the next poll.
      if (result.problems.length === 0) {
        state.etag = headerValue(response.headers.etag);
        state.lastModified = headerValue(response.headers["last-modified"]);
      }
    }
    state.nextPollAt = new Date(now.getTime() + feed.intervalSeconds * 1000).toISOString();
    state.lastOkAt = now.toISOString();
    state.failures = 0;
    state.lastError = result.problems.length ? `${result.problems.length} entries not read; first: ${result.problems[0].error}` : null;
  } catch (error) {
    // 4. The feed failed as a whole: record why and wait longer each time.
    result.outcome = "failed";
    result.error = (error as Error).message;
    state.failures = feed.failures + 1;
    state.lastError = result.error;
    state.nextPollAt = new Date(now.getTime() + backoffSeconds(feed.intervalSeconds, state.failures) * 1000).toISOString();
  }
  return { result, state, entries };
}

async function harvestEntry(store: Store, feed: FeedState, entry: FeedEntry, fetchOpts: FetchOptions, result: FeedPollResult): Promise<Harvest["entries"][number] | null> {
  const key = entryKey(entry);
  if (key === null) {
    result.problems.push({ key: entry.title ?? "(untitled)", error: "E_NO_ID the entry has neither a GUID nor a link" });
    return null;
  }
  const fingerprint = entryFingerprint(entry);
  if ((await store.feedItem(feed.name, key))?.fingerprint === fingerprint) {
    result.unchanged += 1;
    return null;
  }
  try {
    return { key, fingerprint, record: await recordOfEntry(entry, key, feed.url, fetchOpts) };
  } catch (error) {
    // Not remembered: the page is fetched again on the next poll.
    result.problems.push({ key, error: (error as Error).message });
    return null;
  }
}

/** Ingests a harvest's entries like any other report, remembers them, and saves the feed's state. */
async function storeHarvest(store: Store, harvest: Harvest, enqueue?: PollOptions["enqueue"]): Promise<FeedPollResult> {
  const { result, state } = harvest;
  if (enqueue) {
    const queued = harvest.entries.filter((e) => e.record);
    await enqueue(queued.map((e) => e.record!));
    result.queued = queued.length;
    for (const { key, fingerprint, record } of queued) await store.saveFeedItem({ feed: state.name, key, fingerprint, document: record!.id });
    await store.saveFeedState(state);
    return result;
  }
  for (const { key, fingerprint, record } of harvest.entries) {
    if (!record) continue;
    const outcome = await ingestRecord(store, record);
    if (outcome.status === "rejected") result.problems.push({ key, error: `${outcome.reason?.code} ${outcome.reason?.message}` });
    else result[outcome.status] += 1;
    // A rejected entry is remembered too: the same text would be rejected again.
    await store.saveFeedItem({ feed: state.name, key, fingerprint, document: outcome.status === "rejected" ? null : outcome.id });
  }
  await store.saveFeedState(state);
  return result;
}

function headerValue(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/**
 * Polls every due feed, POLL_CONCURRENCY at a time, then brings incidents up to date once.
 * Example: `await pollDue(store)` after `store.addFeed(...)` reads the new feed at once.
 */
export async function pollDue(store: Store, opts: PollOptions = {}): Promise<FeedPollResult[]> {
  const now = opts.now?.() ?? new Date();
  const allow = opts.allow ?? allowListOf(process.env.ESCAPEWATCH_FETCH_ALLOW);
  const due = (await store.listFeeds()).filter((feed) => isDue(feed, now));
  // 1. Fetch every due feed and its pages, a few at a time.
  const harvests: Harvest[] = [];
  let next = 0;
  const worker = async () => {
    while (next < due.length) harvests.push(await harvestFeed(store, due[next++], { ...opts, allow }));
  };
  await Promise.all(Array.from({ length: Math.min(POLL_CONCURRENCY, due.length) }, worker));
  // 2. Store them in name order, so which feed first brings a shared page does not depend on timing.
  harvests.sort((a, b) => a.state.name.localeCompare(b.state.name));
  const results: FeedPollResult[] = [];
  for (const harvest of harvests) results.push(await storeHarvest(store, harvest, opts.enqueue));
  // 3. Incidents once for the whole pass.
  if (results.some((r) => r.new > 0)) await updateIncidents(store);
  return results;
}

/** When the earliest feed is next due (null: no feeds). */
export async function nextDue(store: Store): Promise<Date | null> {
  const times = (await store.listFeeds()).map((f) => (f.nextPollAt ? Date.parse(f.nextPollAt) : 0));
  return times.length ? new Date(Math.min(...times)) : null;
}
