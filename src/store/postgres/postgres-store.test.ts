import { test } from "node:test";
import assert from "node:assert/strict";
import { runStoreContract } from "../store.contract.ts";
import { runStoreFilterContract } from "../store.filter-contract.ts";
import { MIGRATIONS as SQLITE_MIGRATIONS } from "../sqlite/migrations.ts";
import { MIGRATIONS } from "./migrations.ts";
import { openTestStore, withPostgres } from "./testing.ts";

test("PostgreSQL migrations mirror SQLite's, number for number", () => {
  assert.deepEqual(
    MIGRATIONS.map((m) => [m.version, m.name]),
    SQLITE_MIGRATIONS.map((m) => [m.version, m.name]),
  );
});

await withPostgres(() => {
  runStoreContract("postgres", openTestStore);
  runStoreFilterContract("postgres", openTestStore);
});
