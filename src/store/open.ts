// Picks the Store implementation for a location. Only SQLite exists today; a "postgres://" URL
// would select a folder beside sqlite/ implementing the same interface.
import type { Store } from "./store.ts";
import { SqliteStore } from "./sqlite/sqlite-store.ts";

/** Opens the store at `location` (a file path, or ":memory:") and applies pending migrations. */
export async function openStore(location: string): Promise<Store> {
  const store = new SqliteStore(location);
  await store.migrate();
  return store;
}
