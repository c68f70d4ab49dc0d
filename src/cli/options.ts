// Options several commands share. Light on purpose: every command registers its options through
// here at start, and the store (SQLite, PostgreSQL) is loaded only by a command that opens one.
import type { Store } from "../store/store.ts";
import { isQueueLocation } from "../queue/location.ts";

export const DEFAULT_DB = "./escapewatch.db";

/** The database path: --db, else ESCAPEWATCH_DB, else ./escapewatch.db. */
export function dbPath(option: string | undefined): string {
  return option ?? process.env.ESCAPEWATCH_DB ?? DEFAULT_DB;
}

/** Opens (and migrates) the store named by --db / ESCAPEWATCH_DB. */
export async function storeFrom(option: string | undefined): Promise<Store> {
  const { openStore } = await import("../store/open.ts");
  return openStore(dbPath(option));
}

/**
 * The existing store named by --db / ESCAPEWATCH_DB, for commands that only read: a mistyped path
 * is E_STORE_MISSING (nothing is created), a damaged file E_STORE_CORRUPT.
 */
export async function existingStoreFrom(option: string | undefined): Promise<Store> {
  const { openStore } = await import("../store/open.ts");
  return openStore(dbPath(option), { mustExist: true, check: true });
}

/**
 * Where the ingest queue lives: --queue-db, else ESCAPEWATCH_QUEUE_DB, else the store itself when
 * it is a PostgreSQL URL (one database for a team); null when none is named.
 */
export function queueLocation(options: { db?: string; queueDb?: string }): string | null {
  const store = dbPath(options.db);
  return options.queueDb ?? process.env.ESCAPEWATCH_QUEUE_DB ?? (isQueueLocation(store) ? store : null);
}

/** True when writes from feeds and POST /api/documents go to the queue: `--queue` or ESCAPEWATCH_QUEUE=1. */
export function queueWanted(option: boolean | undefined): boolean {
  return option ?? ["1", "true", "yes"].includes((process.env.ESCAPEWATCH_QUEUE ?? "").toLowerCase());
}

/** Opens the ingest queue named by --queue-db / ESCAPEWATCH_QUEUE_DB / a postgres:// --db, or says how to name one. */
export async function queueFrom(options: { db?: string; queueDb?: string }) {
  const location = queueLocation(options);
  const { IngestQueue, QueueError } = await import("../queue/ingest-queue.ts");
  if (!location) {
    throw new QueueError("no queue: the queue lives in PostgreSQL; give --db postgres://... (or --queue-db postgres://..., ESCAPEWATCH_QUEUE_DB)");
  }
  return IngestQueue.open(location);
}
