import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Incident } from "../model/incident.ts";
import { openStore } from "../store/open.ts";
import type { AlertRule, Store } from "../store/store.ts";
import { createApp } from "../server/app.ts";
import { validatedApp } from "../server/openapi.testing.ts";
import { allowListOf } from "../feeds/address.ts";
import { startNewsSite, type NewsSite } from "../feeds/loopback.fixtures.ts";
import { watchFeeds } from "../feeds/watch.ts";
import { changesBetween, type IncidentSignature } from "./change.ts";
import { checkRules } from "./evaluate.ts";
import { SIGNATURE_HEADER, signBody } from "./deliver.ts";
import { matchesRule } from "./rule.ts";
import { makeCount, makeDoc, makeIncident, makeMention, stored } from "../store/store.fixtures.ts";

const SECRET = "a shared secret";
/** The receiver refuses this many deliveries before accepting one. */
const REFUSALS = 2;
const T0 = Date.parse("2025-03-03T12:00:00Z");

function rule(o: Partial<AlertRule> = {}): AlertRule {
  return { name: "ng-escapes", types: ["escape"], country: "NG", facility: null, min: [{ quantity: "escaped", value: 10 }], on: ["new"], webhook: null, secret: null, ...o };
}

function incident(o: Partial<Incident> = {}): Incident {
  return {
    id: "inc-1",
    type: "escape",
    status: "occurred",
    unconfirmed: false,
    facility: { id: "maiduguri-prison", name: "Maiduguri Maximum Security Custodial Centre", kind: "prison", place: null },
    place: { name: "Maiduguri", admin1: "Borno", country: "NG", lat: 11.84, lon: 13.15, precision: "facility" },
    destination: null,
    date: { earliest: "2025-03-02", latest: "2025-03-02" },
    actors: [],
    counts: [{ quantity: "escaped", group: null, claims: [], low: 95, best: 120, high: 120 }],
    documents: [],
    mentions: [],
    ...o,
  } as Incident;
}

test("matchesRule: table, with a negative table", () => {
  const positive: AlertRule[] = [rule(), rule({ types: [] }), rule({ facility: "maiduguri" }), rule({ facility: "maiduguri-prison", country: null, min: [] }),
    rule({ admin1: "borno" }),
    rule({ near: { lat: 11.85, lon: 13.16, km: 5 } }),
  ];
  for (const r of positive) assert.equal(matchesRule(r, incident()), true, JSON.stringify(r));
  const negative: AlertRule[] = [
    rule({ types: ["attack", "riot"] }),
    rule({ country: "IQ" }),
    rule({ facility: "kuje" }),
    rule({ min: [{ quantity: "escaped", value: 121 }] }),
    rule({ min: [{ quantity: "killed", value: 1 }] }),
    rule({ admin1: "Yobe" }),
    rule({ near: { lat: 9.07, lon: 7.4, km: 100 } }),
  ];
  for (const r of negative) assert.equal(matchesRule(r, incident()), false, JSON.stringify(r));
});

test("matchesRule --border: escapes within 100 km of Iraq's border, from a town-level point only", () => {
  const within = rule({ country: null, min: [], border: { country: "IQ", km: 100 } });
  const at = (name: string, country: string, lat: number, lon: number, precision = "town") =>
    incident({ facility: null, place: { name, admin1: null, country, lat, lon, precision } as Incident["place"] });
  const table: Array<[Incident, boolean]> = [
    [at("al-Hol", "SY", 36.378, 41.146), true],
    [at("Zakho", "IQ", 37.144, 42.682), true],
    [at("Ramadi", "IQ", 33.426, 43.299), false],
    [at("Maiduguri", "NG", 11.84, 13.15), false],
    [at("Iraq", "IQ", 33.0, 43.7, "country"), false],
    [incident({ facility: null, place: null }), false],
  ];
  for (const [inc, expected] of table) assert.equal(matchesRule(within, inc), expected, inc.place?.name ?? "no place");
});

test("changesBetween: new, updated by a share, disputed; small moves are no change", () => {
  const sig = (escaped: number, disputed = false): IncidentSignature => ({ disputed, figures: { escaped } });
  const kinds = (before: IncidentSignature | null, now: IncidentSignature) => changesBetween(before, now).map((c) => c.kind);
  assert.deepEqual(kinds(null, sig(120)), ["new"]);
  assert.deepEqual(kinds(sig(100), sig(130)), ["updated"]);
  assert.deepEqual(kinds(sig(100), sig(100, true)), ["disputed"]);
  assert.deepEqual(kinds(sig(100), sig(105)), [], "under the share");
  assert.deepEqual(kinds(sig(100, true), sig(100, true)), []);
  assert.notEqual(changesBetween(sig(100), sig(130))[0].key, changesBetween(sig(130), sig(200))[0].key, "each update is its own change");
});

test("checkRules looks only at incidents written since the rule's last pass, and queues each change once", async () => {
  const store = await openStore(":memory:");
  const block = "escape|SY";
  const escapes = (ids: string[], escaped = 40) => ids.map((id) => ({ ...makeIncident(id, { mentions: ["m1"] }), counts: [makeCount("escaped", [], { low: escaped, best: escaped, high: escaped })], block }));
  await store.addDocument(makeDoc("d1"), [stored(makeMention("d1", "m1"), block)], []);
  await store.replaceIncidents([block], escapes(["a", "b", "c"]));
  await store.addRule(rule({ country: null, min: [], on: ["new", "updated"] }));
  // 1. The first pass (a rule's baseline) looks at everything; a second over an unchanged store at nothing.
  assert.deepEqual(await checkRules(store, { baseline: true }), { queued: 0, examined: 3 });
  assert.deepEqual(await checkRules(store), { queued: 0, examined: 0 });
  // 2. One new incident: only it is examined and queued, once.
  await store.replaceIncidents([], escapes(["d"]));
  assert.deepEqual(await checkRules(store), { queued: 1, examined: 1 });
  assert.deepEqual(await checkRules(store), { queued: 0, examined: 0 });
  // 3. Rewritten with the same figures (a rebuild): the store keeps the rows as they were (no new
  //    revision), so there is nothing to examine and nothing is queued.
  await store.replaceIncidents([block], escapes(["a", "b", "c", "d"]));
  assert.deepEqual(await checkRules(store), { queued: 0, examined: 0 });
  // 4. Figures moved: one update per incident, queued once.
  await store.replaceIncidents([block], escapes(["a", "b", "c", "d"], 80));
  assert.deepEqual(await checkRules(store), { queued: 4, examined: 4 });
  assert.deepEqual(await checkRules(store), { queued: 0, examined: 0 });
  assert.equal((await store.alertsOf("ng-escapes", 100)).length, 5);
  await store.close();
});

describe("feeds in, alerts out", () => {
  let site: NewsSite;
  let receiver: Server;
  let hook = "";
  const received: Array<{ body: string; signature: string | undefined }> = [];
  let store: Store;

  before(async () => {
    site = await startNewsSite();
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push({ body: Buffer.concat(chunks).toString("utf8"), signature: req.headers[SIGNATURE_HEADER.toLowerCase()] as string | undefined });
        res.writeHead(received.length <= REFUSALS ? 503 : 204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/escapes`;
    store = await openStore(":memory:");
    for (const [name, path] of [["lakeside", "/lakeside/feed.rss"], ["sahel", "/sahel/feed.atom"], ["broken", "/broken.xml"]]) {
      await store.addFeed({ name, url: site.origin + path, intervalSeconds: 600 });
    }
    await store.addRule(rule({ webhook: hook, secret: SECRET }));
    await store.addRule(rule({ name: "iraq", country: "IQ" }));
    await checkRules(store, { baseline: true });
    const at = (seconds: number) => ({ once: true, allow: allowListOf("127.0.0.0/8"), timeoutMs: 5_000, now: () => new Date(T0 + seconds * 1000) });
    // First pass reads the feeds; later passes only retry the webhook, on its backoff.
    for (const seconds of [0, 1, 5, 15, 60, 600]) await watchFeeds(store, at(seconds));
  });
  after(async () => {
    await store.close();
    await site.close();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  test("the webhook arrives once accepted, after its retries, signed over the body", () => {
    assert.equal(received.length, REFUSALS + 1);
    assert.equal(new Set(received.map((r) => r.body)).size, 1, "each attempt sends the same alert");
    for (const { body, signature } of received) assert.equal(signature, signBody(body, SECRET));
    const alert = JSON.parse(received[0].body) as { rule: string; change: string; incident: Incident };
    assert.deepEqual([alert.rule, alert.change, alert.incident.type, alert.incident.facility?.id], ["ng-escapes", "new", "escape", "maiduguri-prison"]);
  });

  test("every attempt is recorded, the first retry within ten seconds", async () => {
    const attempts = await store.deliveryAttempts("ng-escapes");
    assert.deepEqual(attempts.map((a) => a.status), [503, 503, 204]);
    assert.ok(Date.parse(attempts[1].at) - Date.parse(attempts[0].at) <= 10_000);
    const [alert] = await store.alertsOf("ng-escapes", 10);
    assert.equal(alert.deliveredAt, attempts[2].at);
  });

  test("a second pass over the unchanged store does no matching work and sends nothing", async () => {
    const sent = received.length;
    const revision = await store.incidentRevision();
    assert.deepEqual(await checkRules(store, { now: new Date(T0 + 700_000) }), { queued: 0, examined: 0 });
    // The feeds are due again and unchanged (304 or the same entries): nothing is written or sent.
    await watchFeeds(store, { once: true, allow: allowListOf("127.0.0.0/8"), timeoutMs: 5_000, now: () => new Date(T0 + 1_300_000) });
    assert.equal(await store.incidentRevision(), revision);
    assert.equal(received.length, sent);
  });

  test("GET /api/alerts lists every rule's alerts queued after a time, with the incident's headline", async () => {
    const app = validatedApp({ store });
    const all = (await (await app.request("/api/alerts?since=2000-01-01T00:00:00Z")).json()) as { items: Array<{ rule: string; change: string; headline: string; createdAt: string }> };
    assert.deepEqual(all.items.map((a) => [a.rule, a.change]), [["ng-escapes", "new"]]);
    assert.match(all.items[0].headline, /^escape at Maiduguri Maximum Security Custodial Centre/);
    const later = (await (await app.request(`/api/alerts?since=${encodeURIComponent(all.items[0].createdAt)}`)).json()) as { items: unknown[] };
    assert.deepEqual(later.items, [], "nothing after the newest");
    assert.equal((await app.request("/api/alerts")).status, 200, "the last week by default");
    for (const bad of ["yesterday", "2025-13-45", ""]) assert.equal((await app.request(`/api/alerts?since=${bad}`)).status, 400, bad);
  });

  test("a rule the incident does not meet queues nothing", async () => {
    assert.deepEqual(await store.alertsOf("iraq", 10), []);
  });

  test("the Atom feed lists the alert with both outlets' figures, escaped as text", async () => {
    const res = await createApp({ store }).request("/api/alerts/ng-escapes.atom");
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /application\/atom\+xml/);
    const atom = await res.text();
    assert.match(atom, /<title>new: escape at Maiduguri Maximum Security Custodial Centre/);
    assert.match(atom, /120 \(prison service spokesman, lakeside-2025-0303-maiduguri\)/);
    assert.match(atom, /95\+ \(police officer, urn:sahel-daily:maiduguri-jail\)/);
    assert.equal((await createApp({ store }).request("/api/alerts/missing.atom")).status, 404);
  });
});

describe("feeds and rules over the API, for token holders only", () => {
  const TOKEN = "write-token";
  const auth = { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" };

  test("add, list and remove feeds and rules; without the token nothing is listed or changed", async () => {
    const store = await openStore(":memory:");
    const app = createApp({ store, token: TOKEN });
    const post = (path: string, body: unknown, headers: Record<string, string> = auth) => app.request(path, { method: "POST", headers, body: JSON.stringify(body) });

    for (const path of ["/api/feeds", "/api/rules"]) {
      assert.equal((await app.request(path)).status, 401, path);
      assert.equal((await post(path, {}, { "Content-Type": "application/json" })).status, 401, path);
    }
    assert.equal((await createApp({ store }).request("/api/feeds")).status, 403, "no token configured: disabled");

    assert.equal((await post("/api/feeds", { url: "https://news.example/feed.xml", name: "news", interval: "15m" })).status, 201);
    assert.equal((await post("/api/feeds", { url: "https://news.example/feed.xml" })).status, 409);
    const negativeFeeds = [{ url: "file:///etc/passwd" }, { url: "http://169.254.169.254/" }, { url: "https://x.example/", interval: "1s" }, { name: "no url" }];
    for (const body of negativeFeeds) assert.equal((await post("/api/feeds", body)).status, 400, JSON.stringify(body));
    const feeds = (await (await app.request("/api/feeds", { headers: auth })).json()) as { items: Array<{ name: string; intervalSeconds: number }> };
    assert.deepEqual(feeds.items.map((f) => [f.name, f.intervalSeconds]), [["news", 900]]);

    const created = await post("/api/rules", { name: "iq", type: ["escape"], country: "IQ", min: "escaped=10", webhook: "https://hooks.example/x", secret: "s" });
    assert.equal(created.status, 201);
    assert.equal(((await created.json()) as { secret: string }).secret, "(set)", "the secret is never echoed");
    assert.equal((await post("/api/rules", { name: "iq-border", type: "escape", border: "IQ", km: 100 })).status, 201);
    for (const body of [{ name: "bad name" }, { name: "x", type: "breakout" }, { name: "x", min: "escaped>1" }, { name: "x", border: "AU", km: 50 }, { name: "x", border: "IQ" }]) {
      assert.equal((await post("/api/rules", body)).status, 400, JSON.stringify(body));
    }
    const rules = (await (await app.request("/api/rules", { headers: auth })).json()) as { items: Array<{ name: string; secret: string }> };
    assert.deepEqual(rules.items.map((r) => [r.name, r.secret]), [["iq", "(set)"], ["iq-border", null]]);

    assert.equal((await app.request("/api/feeds/news", { method: "DELETE", headers: auth })).status, 204);
    assert.equal((await app.request("/api/rules/iq", { method: "DELETE", headers: auth })).status, 204);
    assert.equal((await app.request("/api/rules/iq", { method: "DELETE", headers: auth })).status, 404);
    await store.close();
  });
});
