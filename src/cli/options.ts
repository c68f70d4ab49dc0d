// Options several commands share.
import { openStore } from "../store/open.ts";
import type { Store } from "../store/store.ts";

export const DEFAULT_DB = "./escapewatch.db";

/** The database path: --db, else ESCAPEWATCH_DB, else ./escapewatch.db. */
export function dbPath(option: string | undefined): string {
  return option ?? process.env.ESCAPEWATCH_DB ?? DEFAULT_DB;
}

/** Opens (and migrates) the store named by --db / ESCAPEWATCH_DB. */
export async function storeFrom(option: string | undefined): Promise<Store> {
  return openStore(dbPath(option));
}

/**
 * The existing store named by --db / ESCAPEWATCH_DB, for commands that only read: a mistyped path
 * is E_STORE_MISSING (nothing is created), a damaged file E_STORE_CORRUPT.
 */
export async function existingStoreFrom(option: string | undefined): Promise<Store> {
  return openStore(dbPath(option), { mustExist: true, check: true });
}
