// With a queue configured, the other ways reports arrive hand them to the workers too: a POSTed
// report is answered 202 with its job, a watched feed's new entries are queued, and nothing is
// stored until a worker takes the jobs; then the store holds what a direct ingest would.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openStore } from "../../src/store/open.ts";
import type { Store } from "../../src/store/store.ts";
import { createApp } from "../../src/server/app.ts";
import { IngestQueue } from "../../src/queue/ingest-queue.ts";
import { runIngestWorker } from "../../src/queue/ingest-jobs.ts";
import { pollDue } from "../../src/feeds/poll.ts";
import { allowListOf } from "../../src/feeds/address.ts";
import { startNewsSite, type NewsSite } from "../../src/feeds/loopback.fixtures.ts";
import { createTestDatabase, withPostgres } from "../../src/store/postgres/testing.ts";

const WRITE_TOKEN = "write-secret-0123456789";

await withPostgres(() => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let store: Store;
  let queue: IngestQueue;

  before(async () => {
    database = await createTestDatabase();
    store = await openStore(database.url);
    queue = await IngestQueue.open(database.url);
  });
  after(async () => {
    await queue?.close();
    await store?.close();
    await database?.drop();
  });

  /** One worker over the same database until the queue is empty. */
  async function drain() {
    const worker = await IngestQueue.open(database.url);
    try {
      return await runIngestWorker(store, worker, { exitWhenIdle: true });
    } finally {
      await worker.close();
    }
  }

  test("POST /api/documents with a queue answers 202 with the job; a worker stores the report", async () => {
    const app = createApp({ store, token: WRITE_TOKEN, enqueue: (raw) => queue.enqueueRecords([raw]) });
    const body = JSON.stringify({ id: "posted-1", title: "Jail attacked", text: "Gunmen attacked the district jail in Kano on Tuesday, officials said.", published: "2025-04-02" });
    const res = await app.request("/api/documents", { method: "POST", headers: { Authorization: `Bearer ${WRITE_TOKEN}`, "Content-Type": "application/json" }, body });
    assert.equal(res.status, 202);
    const answer = await res.json();
    assert.equal(answer.status, "queued");
    assert.equal(answer.id, "posted-1");
    assert.match(answer.job, /^[0-9a-f-]{36}$/);
    assert.equal(await store.getDocument("posted-1"), null, "nothing stored before a worker runs");
    const done = await drain();
    assert.equal(done.new, 1);
    assert.ok(await store.getDocument("posted-1"));
  });

  test("a record with a NUL character and a lone surrogate goes through the queue and is answered once", async () => {
    const text = "Inmates escaped from the central prison in Kano on Monday,\u0000 police said. \ud800 Twelve were caught.";
    await queue.enqueueRecords([{ id: "odd-bytes", origin: "test", url: null, title: "Odd bytes", published: "2025-05-05", text, html: null }]);
    const done = await drain();
    // Whether the store keeps it is the store's answer (PostgreSQL's text refuses NUL); the queue
    // must hand it over intact and get one answer.
    assert.equal(done.jobs, 1);
    assert.equal(done.new + done.rejected, 1, "taken and answered, not lost in the queue");
  });

  test("watched feeds with a queue queue their new entries; the workers store them and merge the incident", async () => {
    const site: NewsSite = await startNewsSite();
    try {
      await store.addFeed({ name: "lakeside", url: `${site.origin}/lakeside/feed.rss`, intervalSeconds: 600 });
      await store.addFeed({ name: "sahel", url: `${site.origin}/sahel/feed.atom`, intervalSeconds: 600 });
      const results = await pollDue(store, { allow: allowListOf("127.0.0.0/8"), enqueue: async (records) => void (await queue.enqueueRecords(records)) });
      assert.deepEqual(results.map((r) => [r.feed, r.queued, r.new]), [["lakeside", 1, 0], ["sahel", 1, 0]]);
      assert.deepEqual(await store.listIncidents({ type: "escape" }), [], "nothing merged before a worker runs");
      const done = await drain();
      assert.equal(done.new, 2);
      const [escape] = await store.listIncidents({ type: "escape" });
      assert.equal(escape?.facility?.id, "maiduguri-prison");
      const figures = escape.counts.find((c) => c.quantity === "escaped")?.claims.map((c) => c.low).sort();
      assert.deepEqual(figures, [120, 95]);
    } finally {
      await site.close();
    }
  });
});
