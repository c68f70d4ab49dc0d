// `npm run bench:feeds`: latency from an item appearing in a feed (served on loopback) to its
// incident being queryable, and to the alert's webhook being received, next to the polling
// interval. The same loop as `escapewatch watch` (poll, rules, deliveries), run in-process.
//
//   npm run bench:feeds                      300 items, one every 200 ms, polled every 2 s
//   npm run bench:feeds -- --items 60 --every 250 --interval 1
//
// Wall-clock figures: on a shared machine they include waiting for the CPU.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { RawRecord } from "../src/model/doc.ts";
import { openStore } from "../src/store/open.ts";
import { allowListOf } from "../src/feeds/address.ts";
import { pollDue } from "../src/feeds/poll.ts";
import { checkRules } from "../src/alerts/evaluate.ts";
import { deliverDue } from "../src/alerts/deliver.ts";
import { syntheticStream } from "./stream.ts";

const DEFAULTS = { items: 300, every: 200, interval: 2 };
/** Items a JSON Feed lists at once, newest first, as outlets do. */
const FEED_WINDOW = 50;

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main(): Promise<void> {
  const items = option("items", DEFAULTS.items);
  const every = option("every", DEFAULTS.every);
  const interval = option("interval", DEFAULTS.interval);
  const records: RawRecord[] = [...syntheticStream(items, { incidentShare: 1 })];
  const published = new Map<string, number>();
  const queryable = new Map<string, number>();
  const hooked = new Map<string, number>();

  // 1. The outlet: a JSON Feed of the items published so far, each linking to its page.
  const site = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (path === "/feed.json") {
      const shown = records.filter((r) => published.has(r.id)).slice(-FEED_WINDOW).reverse();
      const feed = { version: "https://jsonfeed.org/version/1.1", title: "bench", items: shown.map((r) => ({ id: r.id, url: `${origin}/page/${encodeURIComponent(r.id)}`, title: r.title, summary: "…" })) };
      return void res.writeHead(200, { "Content-Type": "application/feed+json" }).end(JSON.stringify(feed));
    }
    const record = records.find((r) => `/page/${encodeURIComponent(r.id)}` === path);
    if (!record) return void res.writeHead(404).end();
    if (record.html) res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(record.html);
    else res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8" }).end(record.text ?? "");
  });
  // 2. The subscriber: a webhook receiver noting when each incident's alert arrives.
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const at = Date.now();
      const { incident } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { incident: { documents: string[] } };
      const first = incident.documents.filter((d) => published.has(d)).sort((a, b) => published.get(a)! - published.get(b)!)[0];
      if (first && !hooked.has(first)) hooked.set(first, at);
      res.writeHead(204).end();
    });
  });
  await Promise.all([site, receiver].map((s) => new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve))));
  const origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;

  const dir = mkdtempSync(join(tmpdir(), "escapewatch-feeds-bench-"));
  const store = await openStore(join(dir, "bench.db"));
  await store.addFeed({ name: "bench", url: `${origin}/feed.json`, intervalSeconds: interval });
  await store.addRule({ name: "all", types: [], country: null, facility: null, min: [], on: ["new"], webhook: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`, secret: "bench" });
  const allow = allowListOf("127.0.0.0/8");

  // 3. Publish on a timer while the watch loop runs.
  let publishing = true;
  const publisher = (async () => {
    for (const record of records) {
      published.set(record.id, Date.now());
      await sleep(every);
    }
    publishing = false;
  })();
  const cpuStart = process.cpuUsage();
  while (publishing || queryable.size < published.size) {
    await pollDue(store, { allow });
    const now = Date.now();
    // pollDue has brought incidents up to date: what it stored is queryable now.
    for (const doc of await store.listDocuments({ limit: items * 2 })) if (!queryable.has(doc.id)) queryable.set(doc.id, now);
    await checkRules(store);
    await deliverDue(store, { allow });
    const due = Math.min(...(await store.listFeeds()).map((f) => Date.parse(f.nextPollAt ?? "0")));
    await sleep(Math.max(50, due - Date.now()));
    if (!publishing && Date.now() - published.get(records.at(-1)!.id)! > (interval + 30) * 1000) break;
  }
  await publisher;
  const cpu = process.cpuUsage(cpuStart);

  const lat = (m: Map<string, number>) => [...m].map(([id, at]) => at - published.get(id)!).filter(Number.isFinite);
  const stored = lat(queryable);
  const hooks = lat(hooked);
  console.log(`| measure | items | median ms | p95 ms | polling interval ms |`);
  console.log(`|---|---:|---:|---:|---:|`);
  console.log(`| published -> queryable | ${stored.length} | ${percentile(stored, 50)} | ${percentile(stored, 95)} | ${interval * 1000} |`);
  console.log(`| published -> webhook received | ${hooks.length} | ${percentile(hooks, 50)} | ${percentile(hooks, 95)} | ${interval * 1000} |`);
  console.log(`CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s for ${items} items`);
  // The rule alerts on new incidents: an item that adds a report to a known incident sends nothing.
  console.log(`webhooks: one per new incident, timed from the first item that told it (${hooks.length} of ${items} items opened one)`);

  await store.close();
  await Promise.all([site, receiver].map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  rmSync(dir, { recursive: true, force: true });
}

await main();
