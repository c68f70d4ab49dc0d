import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../store/open.ts";
import type { Store } from "../store/store.ts";
import { allowListOf } from "./address.ts";
import { startNewsSite, type NewsSite } from "./loopback.fixtures.ts";
import { pollDue, type FeedPollResult, type PollOptions } from "./poll.ts";

const INTERVAL = 600;
const LOOPBACK = allowListOf("127.0.0.0/8");
/** Small limits so the slow and the oversized feed fail quickly. */
const LIMITS = { allow: LOOPBACK, timeoutMs: 2_000, maxBytes: 200_000 };
const T0 = Date.parse("2025-03-03T12:00:00Z");
const at = (minutes: number): PollOptions => ({ ...LIMITS, now: () => new Date(T0 + minutes * 60_000) });

const FEEDS = {
  lakeside: "/lakeside/feed.rss",
  sahel: "/sahel/feed.atom",
  wire: "/wire/feed.json",
  broken: "/broken.xml",
  unchanged: "/unchanged.rss",
  failing: "/error.rss",
  slow: "/slow.rss",
  huge: "/huge.rss",
};

function byFeed(results: FeedPollResult[]): Record<string, FeedPollResult> {
  return Object.fromEntries(results.map((r) => [r.feed, r]));
}

describe("watching feeds on a loopback news site", () => {
  let site: NewsSite;
  const scratch = mkdtempSync(join(tmpdir(), "escapewatch-feeds-"));
  const dbFile = join(scratch, "feeds.db");
  let store: Store;
  let first: Record<string, FeedPollResult>;

  before(async () => {
    site = await startNewsSite();
    store = await openStore(dbFile);
    for (const [name, path] of Object.entries(FEEDS)) await store.addFeed({ name, url: site.origin + path, intervalSeconds: INTERVAL });
    first = byFeed(await pollDue(store, at(0)));
  });
  after(async () => {
    await store.close();
    await site.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  test("each good feed is read; a page seen through a second feed is known by its content", () => {
    const counts = (r: FeedPollResult) => ({ outcome: r.outcome, new: r.new, known: r.known, problems: r.problems.length });
    assert.deepEqual(counts(first.lakeside), { outcome: "read", new: 1, known: 0, problems: 0 });
    assert.deepEqual(counts(first.sahel), { outcome: "read", new: 1, known: 0, problems: 0 });
    assert.deepEqual(counts(first.wire), { outcome: "read", new: 0, known: 1, problems: 0 });
  });

  test("the incident is stored with both outlets' figures", async () => {
    const [escape] = await store.listIncidents({ type: "escape" });
    assert.ok(escape, "an escape incident");
    assert.equal(escape.facility?.id, "maiduguri-prison");
    const escaped = escape.counts.find((c) => c.quantity === "escaped");
    const figures = escaped?.claims.map((c) => [c.document, c.low]).sort();
    assert.deepEqual(figures, [["lakeside-2025-0303-maiduguri", 120], ["urn:sahel-daily:maiduguri-jail", 95]]);
  });

  test("broken feeds are reported with their reason and backed off, without stopping the others", async () => {
    const expected: Array<[string, "failed" | "not-modified", RegExp | null]> = [
      ["broken", "failed", /^E_FEED/],
      ["failing", "failed", /^E_HTTP HTTP 500/],
      ["slow", "failed", /^E_TIMEOUT/],
      ["huge", "failed", /^E_TOO_LARGE/],
      ["unchanged", "not-modified", null],
    ];
    const feeds = Object.fromEntries((await store.listFeeds()).map((f) => [f.name, f]));
    for (const [name, outcome, reason] of expected) {
      assert.equal(first[name].outcome, outcome, name);
      if (reason) {
        assert.match(first[name].error ?? "", reason, name);
        assert.match(feeds[name].lastError ?? "", reason, name);
        assert.equal(feeds[name].failures, 1, name);
        // Backed off: twice the interval instead of once.
        assert.equal(Date.parse(feeds[name].nextPollAt ?? ""), T0 + 2 * INTERVAL * 1000, name);
      } else {
        assert.equal(feeds[name].lastError, null, name);
        assert.equal(Date.parse(feeds[name].nextPollAt ?? ""), T0 + INTERVAL * 1000, name);
      }
    }
  });

  test("after a restart nothing is read twice: conditional requests, unchanged entries skipped", async () => {
    await store.close();
    store = await openStore(dbFile);
    const pagesBefore = site.hits.get("/lakeside/maiduguri-escape.html");
    assert.deepEqual(await pollDue(store, at(5)), [], "nothing is due before its interval");
    const second = byFeed(await pollDue(store, at(11)));
    assert.equal(second.lakeside.outcome, "not-modified");
    assert.equal(second.sahel.outcome, "not-modified");
    assert.deepEqual({ new: second.wire.new, unchanged: second.wire.unchanged }, { new: 0, unchanged: 1 });
    assert.equal(site.hits.get("/lakeside/maiduguri-escape.html"), pagesBefore, "no page fetched again");
    const lakesideAsks = site.conditionals.filter((c) => c.path === FEEDS.lakeside);
    assert.equal(lakesideAsks.at(-1)?.ifNoneMatch, '"lakeside-1"');
    assert.equal(site.conditionals.filter((c) => c.path === FEEDS.sahel).at(-1)?.ifModifiedSince, "Mon, 03 Mar 2025 11:00:00 GMT");
  });

  test("a page its outlet revised is stored as a new version of the same document", async () => {
    site.sahelFigure = 97;
    const third = byFeed(await pollDue(store, at(25)));
    assert.equal(third.sahel.updated, 1);
    const ids = (await store.listDocuments()).map((d) => d.id).filter((id) => id.startsWith("urn:sahel-daily"));
    assert.deepEqual(ids, ["urn:sahel-daily:maiduguri-jail"]);
    const history = await store.documentHistory("urn:sahel-daily:maiduguri-jail");
    assert.equal(history?.versions.length, 2, JSON.stringify(history));
  });

  test("a failing feed keeps backing off, twice as long each time", async () => {
    const failing = (await store.listFeeds()).find((f) => f.name === "failing");
    assert.equal(failing?.failures, 2);
    assert.equal(Date.parse(failing?.nextPollAt ?? ""), T0 + 25 * 60_000 + 4 * INTERVAL * 1000);
  });
});

describe("addresses a feed may not reach", () => {
  const REFUSED = [
    ["loopback without ESCAPEWATCH_FETCH_ALLOW", "http://127.0.0.1:9/feed.xml"],
    ["cloud metadata", "http://169.254.169.254/latest/meta-data/"],
    ["a non-http scheme", "file:///etc/passwd"],
  ];
  for (const [label, url] of REFUSED) {
    test(`${label} is refused before any connection`, async () => {
      const store = await openStore(":memory:");
      await store.addFeed({ name: "bad", url, intervalSeconds: INTERVAL });
      const [result] = await pollDue(store, { allow: allowListOf("") });
      assert.equal(result.outcome, "failed");
      assert.match(result.error ?? "", /^E_ADDRESS/);
      await store.close();
    });
  }
});
