// The API under load (issue 7): autocannon against a real server on 127.0.0.1 (ephemeral port)
// over a file database, for bounded runs of reads and of writes; plus the limits that keep one
// client from exhausting the server, each answering a clear JSON error.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { request } from "node:http";
import { join } from "node:path";
import autocannon, { type AutocannonResult } from "autocannon";
import { openStore } from "../../src/store/open.ts";
import type { Store } from "../../src/store/store.ts";
import { ingestPaths } from "../../src/ingest/pipeline.ts";
import { createApp, MAX_BODY_BYTES } from "../../src/server/app.ts";
import { listen, type RunningServer } from "../../src/server/listen.ts";
import { MAX_PAGE_SIZE } from "../../src/server/query.ts";
import { DEFAULT_AUTH_FAILURES_PER_MINUTE, DEFAULT_WRITES_PER_MINUTE, rateLimitsFromEnv, TokenBuckets } from "../../src/server/ratelimit.ts";
import { generateReports, toJsonl } from "./generate.ts";

const TOKEN = "load-test-write-token";
/** Seconds per load run: long enough for a stable p99, short enough for CI. */
const LOAD_SECONDS = 5;
const READ_CONNECTIONS = 10;
const WRITE_CONNECTIONS = 4;
const UNLIMITED = { writesPerMinute: null, readsPerMinute: null };

let dir: string;
let store: Store;
let server: RunningServer;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "escapewatch-load-"));
  writeFileSync(join(dir, "reports.jsonl"), toJsonl(generateReports(120, 11)));
  store = await openStore(join(dir, "load.db"));
  await ingestPaths(store, [join(dir, "reports.jsonl")]);
  server = await listen(createApp({ store, token: TOKEN, rateLimits: UNLIMITED }), { port: 0 });
});

after(async () => {
  await server?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * POSTs `body` with node:http and resolves with the response even when the server answers before
 * the upload ends and then closes the socket (what it does for an oversized body after a short
 * drain); fetch would report that as a failed request although the 413 arrived.
 */
function postEarlyAnswer(url: string, body: string): Promise<{ status: number; contentType: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json", "content-length": Buffer.byteLength(body) } });
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      let text = "";
      res.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers["content-type"] ?? ""), body: text }));
      res.on("error", () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers["content-type"] ?? ""), body: text }));
    });
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    req.end(body);
  });
}

function report(name: string, result: AutocannonResult): void {
  console.log(
    `load ${name}: ${result.requests.total} requests in ${LOAD_SECONDS} s, ${result.requests.average.toFixed(0)} req/s, ` +
      `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}`,
  );
}

function assertAllServed(result: AutocannonResult): void {
  assert.ok(result.requests.total > 0, "requests were made");
  assert.equal(result.errors, 0, "connection errors");
  assert.equal(result.timeouts, 0, "timeouts");
  assert.equal(result.non2xx, 0, `non-2xx responses: ${JSON.stringify(result.statusCodeStats)}`);
}

describe("load", () => {
  test(`GET /api/incidents (varied filters) for ${LOAD_SECONDS} s: every response 2xx`, { timeout: 60_000 }, async () => {
    const result = await autocannon({
      url: server.url.replace(/\/$/, ""),
      duration: LOAD_SECONDS,
      connections: READ_CONNECTIONS,
      // The load generator runs in a worker thread so it does not share the server's event loop.
      workers: 1,
      requests: [
        { path: "/api/incidents" },
        { path: "/api/incidents?type=escape" },
        { path: "/api/incidents?country=SY&limit=200" },
        { path: "/api/incidents?q=prison&offset=10" },
        { path: "/api/incidents?since=2024-03-01&until=2024-09-30" },
      ],
    });
    report("GET /api/incidents", result);
    assertAllServed(result);
  });

  test(`POST /api/documents (distinct reports, with the token) for ${LOAD_SECONDS} s: every one stored`, { timeout: 60_000 }, async () => {
    const before = await store.countDocuments();
    // A serial number makes every body distinct, so each request is a new document through the
    // whole pipeline (extraction and incident update), the expensive path. setupRequest needs a
    // function, so this run's client shares the event loop with the server (writes are CPU-bound
    // in extraction; the client's share is small).
    const templates = generateReports(6, 23);
    let serial = 0;
    const result = await autocannon({
      url: server.url.replace(/\/$/, ""),
      duration: LOAD_SECONDS,
      connections: WRITE_CONNECTIONS,
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      requests: [
        {
          method: "POST",
          path: "/api/documents",
          setupRequest: (request) => {
            const r = templates[serial % templates.length];
            serial += 1;
            return { ...request, body: JSON.stringify({ title: r.title, date_publish: r.date_publish, maintext: `${r.maintext}\n\nWire reference ${serial}.` }) };
          },
        },
      ],
    });
    report("POST /api/documents", result);
    assertAllServed(result);
    const stored = (await store.countDocuments()) - before;
    assert.equal(result.statusCodeStats?.["201"]?.count, result["2xx"], "every distinct report was new (201)");
    // Requests still in flight when the run stops are completed by the server but not counted.
    assert.ok(stored >= result["2xx"] && stored <= result["2xx"] + WRITE_CONNECTIONS, `${stored} stored for ${result["2xx"]} answered`);
    assert.deepEqual(await store.dirtyBlocks(), [], "incidents up to date after the writes");
  });
});

describe("limits answer with clear JSON errors", () => {
  async function errorOf(res: Response): Promise<{ code: string; message: string }> {
    assert.match(res.headers.get("content-type") ?? "", /^application\/json/);
    return ((await res.json()) as { error: { code: string; message: string } }).error;
  }

  test("a body over the limit, sent over a socket, is 413 E_BODY_TOO_LARGE", async () => {
    const huge = JSON.stringify({ title: "Oversized", maintext: "x".repeat(MAX_BODY_BYTES + 1024) });
    const { status, contentType, body } = await postEarlyAnswer(`${server.url}api/documents`, huge);
    assert.equal(status, 413);
    assert.match(contentType, /^application\/json/);
    const error = (JSON.parse(body) as { error: { code: string; message: string } }).error;
    assert.equal(error.code, "E_BODY_TOO_LARGE");
    assert.match(error.message, /bytes/);
  });

  const PAGES: Array<[string, number, string]> = [
    [`/api/incidents?limit=${MAX_PAGE_SIZE + 1}`, 400, "E_PAGE_TOO_LARGE"],
    ["/api/incidents?limit=100000000", 400, "E_PAGE_TOO_LARGE"],
    [`/api/documents?limit=${MAX_PAGE_SIZE + 1}`, 400, "E_PAGE_TOO_LARGE"],
    ["/api/incidents?limit=-1", 400, "E_BAD_QUERY"],
    ["/api/incidents?offset=99999999999999", 400, "E_BAD_QUERY"],
  ];
  for (const [path, status, code] of PAGES) {
    test(`${path} -> ${status} ${code}`, async () => {
      const res = await fetch(`${server.url}${path.slice(1)}`);
      assert.equal(res.status, status);
      assert.equal((await errorOf(res)).code, code);
    });
  }

  test("writes over the per-client limit get 429 E_RATE_LIMITED with Retry-After; reads go on", async () => {
    const limited = await listen(createApp({ store, token: TOKEN, rateLimits: { writesPerMinute: 3, readsPerMinute: null } }), { port: 0 });
    try {
      const post = (i: number) =>
        fetch(`${limited.url}api/documents`, {
          method: "POST",
          headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
          body: JSON.stringify({ title: `Rate test ${i}`, maintext: `Guards moved 12 inmates from Adra prison on Monday, officials said. Note ${i}.` }),
        });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await post(i)).status);
      assert.ok(statuses.slice(0, 3).every((s) => s >= 200 && s < 500 && s !== 429), `first three served: ${statuses}`);
      const refused = await post(4);
      assert.equal(refused.status, 429);
      assert.ok(Number(refused.headers.get("retry-after")) >= 1, "Retry-After in seconds");
      const error = await errorOf(refused);
      assert.equal(error.code, "E_RATE_LIMITED");
      assert.match(error.message, /3 per minute/);
      assert.equal((await fetch(`${limited.url}api/incidents`)).status, 200, "reads are not limited by default");
    } finally {
      await limited.close();
    }
  });

  test("failed token guesses count against the write limit", async () => {
    const app = createApp({ store, token: TOKEN, rateLimits: { writesPerMinute: 2, readsPerMinute: null } });
    const guess = () => app.request("/api/documents", { method: "POST", headers: { authorization: "Bearer wrong" }, body: "{}" });
    assert.deepEqual([(await guess()).status, (await guess()).status, (await guess()).status], [401, 401, 429]);
  });

  test("a read limit, when configured, answers 429 for reads", async () => {
    const app = createApp({ store, rateLimits: { writesPerMinute: null, readsPerMinute: 2 } });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await app.request("/api/incidents")).status);
    assert.deepEqual(statuses, [200, 200, 429]);
  });
});

describe("TokenBuckets", () => {
  test("a client may burst its minute's allowance, then gets one more per 60/perMinute s", () => {
    let now = 0;
    const buckets = new TokenBuckets(60, () => now);
    for (let i = 0; i < 60; i++) assert.equal(buckets.take("a"), 0);
    assert.equal(buckets.take("a"), 1000, "next token in 1 s");
    assert.equal(buckets.take("b"), 0, "clients are independent");
    now += 999;
    assert.ok(buckets.take("a") > 0);
    now += 1;
    assert.equal(buckets.take("a"), 0);
  });

  test("idle clients are forgotten once many are tracked", () => {
    let now = 0;
    const buckets = new TokenBuckets(10, () => now);
    for (let i = 0; i < 10_001; i++) buckets.take(`client-${i}`);
    now += 60_000;
    buckets.take("late");
    assert.equal(buckets.size, 1);
  });

  const F = DEFAULT_AUTH_FAILURES_PER_MINUTE;
  const ENV: Array<[NodeJS.ProcessEnv, number | null, number | null, number | null]> = [
    [{}, DEFAULT_WRITES_PER_MINUTE, null, F],
    [{ ESCAPEWATCH_RATE_LIMIT: "30" }, 30, null, F],
    [{ ESCAPEWATCH_RATE_LIMIT: "0" }, 0, null, F],
    [{ ESCAPEWATCH_RATE_LIMIT: "lots" }, DEFAULT_WRITES_PER_MINUTE, null, F],
    [{ ESCAPEWATCH_READ_RATE_LIMIT: "1200" }, DEFAULT_WRITES_PER_MINUTE, 1200, F],
    [{ ESCAPEWATCH_AUTH_FAILURE_LIMIT: "5" }, DEFAULT_WRITES_PER_MINUTE, null, 5],
  ];
  for (const [env, writes, reads, failures] of ENV) {
    test(`rateLimitsFromEnv(${JSON.stringify(env)}) = writes ${writes}, reads ${reads}, wrong tokens ${failures}`, () => {
      assert.deepEqual(rateLimitsFromEnv(env), { writesPerMinute: writes, readsPerMinute: reads, authFailuresPerMinute: failures });
    });
  }
});
