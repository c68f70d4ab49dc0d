import { test } from "node:test";
import assert from "node:assert/strict";
import { runStoreContract } from "../store.contract.ts";
import { runStoreFilterContract } from "../store.filter-contract.ts";
import { MIGRATIONS as SQLITE_MIGRATIONS } from "../sqlite/migrations.ts";
import { MIGRATIONS } from "./migrations.ts";
import pg from "pg";
import { makeDoc, makeIncident, makeMention, stored } from "../store.fixtures.ts";
import { PostgresStore } from "./postgres-store.ts";
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

/** Resolves to "pending" when `promise` has not settled within `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | "pending"> {
  return Promise.race([promise, new Promise<"pending">((resolve) => setTimeout(() => resolve("pending"), ms))]);
}

await withPostgres(() => {
  test("merging a block waits for the process holding that block's lock, and only that block's", async () => {
    const store = await openTestStore();
    const other = new pg.Client({ connectionString: (store as PostgresStore).location });
    await other.connect();
    try {
      for (const [doc, block] of [["d1", "escape|SY"], ["d2", "escape|IQ"]]) {
        await store.addDocument(makeDoc(doc), [stored(makeMention(doc, `${doc}-m`), block)], []);
      }
      const commit = (block: string, document: string) =>
        store.commitMerge({
          block,
          version: 0,
          reset: true,
          placements: [{ document, mention: `${document}-m`, published: "2025-03-04", start: 0, incident: `inc-${document}` }],
          states: [],
          removedStates: [],
          incidents: [makeIncident(`inc-${document}`, { mentions: [`${document}-m`], documents: [document] })],
          removedIncidents: [],
        });
      // Another process is merging escape|SY.
      await other.query("BEGIN");
      await other.query("SELECT pg_advisory_xact_lock(hashtextextended('block:' || $1, 0))", ["escape|SY"]);
      const waiting = commit("escape|SY", "d1");
      assert.equal(await within(waiting, 700), "pending", "the same block waits");
      assert.equal(await within(commit("escape|IQ", "d2"), 5000), "done", "another block does not");
      await other.query("COMMIT");
      assert.equal(await waiting, "done");
      assert.deepEqual((await store.listIncidents()).map((i) => i.id).sort(), ["inc-d1", "inc-d2"]);
    } finally {
      await other.end();
      await store.close();
    }
  });
});
