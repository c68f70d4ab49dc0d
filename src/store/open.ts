// Picks the Store implementation for a location: a "postgres://" or "postgresql://" URL opens the
// shared PostgreSQL store (postgres/), anything else is a SQLite file (or ":memory:").
import { existsSync } from "node:fs";
import type { Store } from "./store.ts";
import { SqliteStore, StoreError } from "./sqlite/sqlite-store.ts";
import { isPostgresUrl } from "./location.ts";

export interface OpenOptions {
  /** Refuse a location where no store exists yet (read commands): nothing is created. */
  mustExist?: boolean;
  /** Check the whole file first (read commands): a damaged store is one clear error, never half an answer. */
  check?: boolean;
}

/** SQLite's answers for a file that is damaged or is no database at all. */
const CORRUPT_CODES = new Set(["SQLITE_CORRUPT", "SQLITE_NOTADB", "SQLITE_CORRUPT_INDEX", "SQLITE_CORRUPT_SEQUENCE", "SQLITE_CORRUPT_VTAB"]);

/**
 * Opens the store at `location` (a file path, ":memory:", or a postgres:// URL) and applies
 * pending migrations. Errors: E_STORE_MISSING (mustExist, no file or no store in the database),
 * E_STORE_CORRUPT (with integrity_check's first line), E_STORE_UNREACHABLE (no server answers).
 */
export async function openStore(location: string, options: OpenOptions = {}): Promise<Store> {
  // PostgreSQL checks its own pages; `check` is SQLite's file integrity check and has no equivalent.
  if (isPostgresUrl(location)) {
    // The PostgreSQL client loads only for a PostgreSQL store.
    const { openPostgresStore } = await import("./postgres/open.ts");
    return openPostgresStore(location, { mustExist: options.mustExist });
  }
  const file = location !== ":memory:" && !location.startsWith("file:");
  if (options.mustExist && file && !existsSync(location)) {
    throw new StoreError(
      "E_STORE_MISSING",
      `no store at ${location}: ingest reports into it first (escapewatch ingest --db ${location} PATH...), or check --db and ESCAPEWATCH_DB`,
    );
  }
  let store: SqliteStore | null = null;
  try {
    store = new SqliteStore(location, { fileMustExist: Boolean(options.mustExist && file) });
    const problem = options.check ? store.integrityProblem() : null;
    if (problem) throw new StoreError("E_STORE_CORRUPT", corruptMessage(location, problem));
    await store.migrate();
    return store;
  } catch (error) {
    await store?.close().catch(() => {});
    if (error instanceof StoreError) throw error;
    const code = (error as { code?: string }).code ?? "";
    if (CORRUPT_CODES.has(code) || code.startsWith("SQLITE_CORRUPT")) {
      throw new StoreError("E_STORE_CORRUPT", corruptMessage(location, SqliteStore.integrityOfFile(location) ?? (error as Error).message));
    }
    throw error;
  }
}

function corruptMessage(location: string, firstLine: string): string {
  return `${location} is damaged (integrity_check: ${firstLine}); restore it from a copy, or ingest the reports again into a new --db`;
}
