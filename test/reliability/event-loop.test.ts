// Reads never wait on a heavy write: a 4 MB report is cleaned and extracted in the server's
// worker pool while GETs keep being answered over a real socket. (The old server extracted on
// its event loop, and one such POST froze every read for the length of the extraction.)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openStore } from "../../src/store/open.ts";
import type { Store } from "../../src/store/store.ts";
import { createApp } from "../../src/server/app.ts";
import { createExtractPool, type ExtractPool } from "../../src/server/extract-pool.ts";
import { listen, type RunningServer } from "../../src/server/listen.ts";
import { request } from "node:http";
import { LEAD, fill } from "../../bench/hostile-shapes.ts";

const TOKEN = "event-loop-test-token-4f1c";
const BODY_BYTES = 4 * 1024 * 1024;
/** A read slower than this while the POST runs means the event loop was held (it was held for tens of seconds). */
const MAX_READ_MS = 1500;
const READ_EVERY_MS = 100;

let store: Store;
let pool: ExtractPool;
let server: RunningServer;

before(async () => {
  store = await openStore(":memory:");
  pool = createExtractPool({ threads: 1 });
  const app = createApp({ store, token: TOKEN, stages: pool, maxBodyBytes: 2 * BODY_BYTES, rateLimits: { writesPerMinute: null, readsPerMinute: null } });
  server = await listen(app, { port: 0 });
});
after(async () => {
  await server.close();
  await pool.close();
  await store.close();
});

test("GETs answer quickly while a 4 MB POST is extracted", async () => {
  // A long report of short sentences: seconds of CPU in the extraction stages.
  const text = LEAD + fill(BODY_BYTES - LEAD.length, (i) => `Cell ${i % 97} was searched on ${["Monday", "Tuesday"][i % 2]}. `);
  const started = Date.now();
  let postDone = false;
  const post = fetch(`${server.url}api/documents`, {
    method: "POST",
    headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
    body: JSON.stringify({ id: "heavy", published: "2025-03-03", text }),
  }).then(async (res) => {
    postDone = true;
    return { status: res.status, body: await res.json() };
  });
  const latencies: number[] = [];
  while (!postDone) {
    await new Promise((resolve) => setTimeout(resolve, READ_EVERY_MS));
    if (postDone) break;
    const t = Date.now();
    assert.equal(await getStatus(`${server.url}api/incidents?limit=5`), 200);
    latencies.push(Date.now() - t);
  }
  const { status, body } = await post;
  assert.equal(status, 201, JSON.stringify(body).slice(0, 300));
  const postMs = Date.now() - started;
  assert.ok(latencies.length >= 3, `reads made while the POST ran (${postMs} ms): ${latencies.length}`);
  const slowest = Math.max(...latencies);
  console.log(`event loop: POST of 4 MB took ${postMs} ms; ${latencies.length} GETs meanwhile, slowest ${slowest} ms`);
  assert.ok(slowest < MAX_READ_MS, `slowest read ${slowest} ms while the POST ran: ${latencies.join(", ")}`);
  assert.equal((await store.getDocument("heavy"))?.published, "2025-03-03", "the heavy report was stored");
});

/** A GET on a connection of its own (no keep-alive socket shared with the POST). */
function getStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request(url, { agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    })
      .on("error", reject)
      .end();
  });
}
