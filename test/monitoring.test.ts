// The monitoring scenario of issue 13, end to end through the command line, on loopback only:
// a news site serves RSS, Atom and JSON feeds whose items link to article pages (one prison
// escape told by two outlets with different figures), beside a broken XML feed, one that answers
// 304, one that answers 500, one slower and one larger than the limits `watch` applies; a
// subscriber's webhook refuses the first deliveries. After `feeds add`, `rules add` and
// `watch --once` (repeated only to let retries fall due), the incident is stored with both
// claims, the webhook arrives accepted once with a valid signature, the rule's Atom feed lists
// the alert, and the broken feeds are reported without stopping the others.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { runCli as run } from "../src/cli/testing.ts";
import { openStore } from "../src/store/open.ts";
import { createApp } from "../src/server/app.ts";
import { startNewsSite } from "../src/feeds/loopback.fixtures.ts";
import { FETCH_TIMEOUT_MS, MAX_FETCH_BYTES } from "../src/feeds/fetch.ts";
import { FIRST_RETRY_SECONDS } from "../src/alerts/deliver.ts";

const SECRET = "subscriber's secret";
/** The subscriber answers 503 to this many deliveries before accepting one. */
const REFUSALS = 2;
/** The first retry waits FIRST_RETRY_SECONDS, the second twice that: time enough for both, and slack. */
const RETRY_DEADLINE_MS = (FIRST_RETRY_SECONDS * 3 + 20) * 1000;

const FEEDS: Array<[name: string, path: string]> = [
  ["lakeside", "/lakeside/feed.rss"],
  ["sahel", "/sahel/feed.atom"],
  ["wire", "/wire/feed.json"],
  ["broken", "/broken.xml"],
  ["unchanged", "/unchanged.rss"],
  ["failing", "/error.rss"],
  ["slow", "/slow.rss"],
  ["huge", "/huge.rss"],
];

test("feeds in, an incident with both outlets' claims, one signed webhook after retries, an Atom entry; broken feeds reported", { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "escapewatch-monitoring-"));
  const db = join(dir, "ew.db");
  // The limits are the ones `watch` applies: the slow feed must outlast its time limit, the huge one its size limit.
  const site = await startNewsSite({ slowMs: FETCH_TIMEOUT_MS + 3_000, hugeItems: Math.ceil(MAX_FETCH_BYTES / 30) });
  const deliveries: Array<{ status: number; signatureValid: boolean; body: string }> = [];
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      // Checked the way a subscriber would, without escapewatch's code.
      const expected = `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`;
      const status = deliveries.length < REFUSALS ? 503 : 204;
      deliveries.push({ status, signatureValid: req.headers["x-escapewatch-signature"] === expected, body });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/escapewatch`;
  const allowBefore = process.env.ESCAPEWATCH_FETCH_ALLOW;
  process.env.ESCAPEWATCH_FETCH_ALLOW = "127.0.0.0/8";
  try {
    // 1. feeds add, rules add.
    for (const [name, path] of FEEDS) {
      const added = await run(["feeds", "add", site.origin + path, "--name", name, "--db", db]);
      assert.equal(added.status, 0, `${name}: ${added.err}`);
    }
    const rule = await run(["rules", "add", "ng-escapes", "--type", "escape", "--country", "NG", "--min", "escaped=10", "--webhook", hook, "--secret", SECRET, "--db", db]);
    assert.equal(rule.status, 0, rule.err);

    // 2. watch --once: the good feeds are read, the broken ones reported, none stops the others.
    const pass = await run(["watch", "--once", "--db", db]);
    assert.equal(pass.status, 1, "a failed feed makes --once exit 1");
    assert.match(pass.out, /^lakeside: 1 entries, new 1/m);
    assert.match(pass.out, /^sahel: 1 entries, new 1/m);
    assert.match(pass.out, /^wire: 1 entries, new 0, already known 1/m, "the wire's link is the Lakeside page: stored once");
    assert.match(pass.out, /^unchanged: not modified$/m);
    for (const [name, reason] of [["broken", /E_FEED/], ["failing", /E_HTTP HTTP 500/], ["slow", /E_TIMEOUT/], ["huge", /E_TOO_LARGE/]] as const) {
      assert.match(pass.err, new RegExp(`^${name}: failed: ${reason.source}`, "m"), name);
    }
    const listed = (await run(["feeds", "list", "--json", "--db", db])).out;
    const feeds = Object.fromEntries((JSON.parse(listed) as Array<{ name: string; failures: number; lastError: string | null }>).map((f) => [f.name, f]));
    for (const name of ["broken", "failing", "slow", "huge"]) assert.ok(feeds[name].failures === 1 && feeds[name].lastError, `${name} shows why it failed`);
    for (const name of ["lakeside", "sahel", "wire", "unchanged"]) assert.equal(feeds[name].failures, 0, name);

    // 3. watch --once again while retries fall due (every pass sends what is due), until accepted.
    const deadline = Date.now() + RETRY_DEADLINE_MS;
    while (!deliveries.some((d) => d.status === 204) && Date.now() < deadline) {
      await sleep(1_000);
      await run(["watch", "--once", "--db", db]);
    }
    // Passes after the acceptance send nothing more.
    await run(["watch", "--once", "--db", db]);
    assert.deepEqual(deliveries.map((d) => d.status), [503, 503, 204], "accepted once, after two refusals");
    assert.ok(deliveries.every((d) => d.signatureValid), "every attempt signed over its body");
    assert.equal(new Set(deliveries.map((d) => d.body)).size, 1, "each attempt carries the same alert");
    const alert = JSON.parse(deliveries[2].body) as { rule: string; change: string; incident: { id: string } };
    assert.deepEqual([alert.rule, alert.change], ["ng-escapes", "new"]);
    const attempts = (await run(["rules", "deliveries", "ng-escapes", "--db", db])).out;
    assert.match(attempts, /attempt 1 {2}503[\s\S]*attempt 2 {2}503[\s\S]*attempt 3 {2}204 {2}ok/);

    // 4. The incident with both outlets' claims, and the rule's Atom feed listing it.
    const store = await openStore(db);
    try {
      const incident = await store.getIncident(alert.incident.id);
      const escaped = incident?.counts.find((c) => c.quantity === "escaped");
      assert.deepEqual(escaped?.claims.map((c) => [c.document, c.low]).sort(), [["lakeside-2025-0303-maiduguri", 120], ["urn:sahel-daily:maiduguri-jail", 95]]);
      const atom = await (await createApp({ store }).request("/api/alerts/ng-escapes.atom")).text();
      assert.equal(atom.match(/<entry>/g)?.length, 1);
      assert.match(atom, /<title>new: escape at Maiduguri Maximum Security Custodial Centre/);
      assert.match(atom, /120 \(prison service spokesman, lakeside-2025-0303-maiduguri\)/);
      assert.match(atom, /95\+ \(police officer, urn:sahel-daily:maiduguri-jail\)/);
      assert.match(atom, new RegExp(`href="http://localhost/api/incidents/${encodeURIComponent(alert.incident.id)}"`));
    } finally {
      await store.close();
    }
  } finally {
    if (allowBefore === undefined) delete process.env.ESCAPEWATCH_FETCH_ALLOW;
    else process.env.ESCAPEWATCH_FETCH_ALLOW = allowBefore;
    await site.close();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  }
});
