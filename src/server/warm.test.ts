// The server loads the pipeline when it starts, not on the first POST: before any request, its
// extraction pool has a thread up that has cleaned and extracted the warm-up reports (text and
// HTML), so the first report POSTed finds the modules and models loaded in the thread it runs in.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openStore } from "../store/open.ts";
import { createExtractPool, type ExtractPool } from "./extract-pool.ts";
import { runServer } from "./run.ts";

const TOKEN = "warm-test-token-7d2e";

/** The pool, with every stage it is asked to run written down. */
function recording(pool: ExtractPool, calls: string[]): ExtractPool {
  return {
    ...pool,
    prepare: (raw, opts) => (calls.push(`prepare ${raw.id}`), pool.prepare(raw, opts)),
    extract: (doc) => (calls.push(`extract ${doc.id}`), pool.extract(doc)),
  };
}

async function started(env: NodeJS.ProcessEnv) {
  const store = await openStore(":memory:");
  const pool = createExtractPool({ threads: 1 });
  const calls: string[] = [];
  const server = await runServer(store, { port: 0, host: "127.0.0.1", webRoot: null, env, log: () => {}, pool: recording(pool, calls) });
  return { store, pool, calls, server };
}

test("a server that ingests has its pool's thread loaded before the first request", async () => {
  const { store, pool, calls, server } = await started({ ESCAPEWATCH_TOKEN: TOKEN });
  try {
    assert.equal(pool.threads(), 1, "a worker thread is up at start");
    assert.deepEqual(calls, ["prepare warm-up-text", "extract warm-up-text", "prepare warm-up-html", "extract warm-up-html"]);
    const response = await fetch(`${server.url}api/documents`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ id: "first", published: "2025-02-10", text: "Guards said on Sunday that nine inmates escaped from the town jail overnight." }),
    });
    assert.equal(response.status, 201, await response.text());
    assert.equal(pool.threads(), 1, "the first POST ran in the thread loaded at start");
    assert.deepEqual(calls.slice(4), ["prepare first", "extract first"]);
  } finally {
    await server.close();
    await store.close();
  }
});

test("a read-only server never loads the pipeline", async () => {
  const { store, pool, calls, server } = await started({});
  try {
    assert.equal(pool.threads(), 0);
    assert.deepEqual(calls, []);
  } finally {
    await server.close();
    await store.close();
  }
});
