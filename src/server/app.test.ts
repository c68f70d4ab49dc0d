// API tests, in-process through app.request() against a real in-memory SQLite store filled with
// hand-made documents and incidents (texts written for these tests; offsets computed from them).
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../store/open.ts";
import type { Store } from "../store/store.ts";
import type { Doc, RawRecord } from "../model/doc.ts";
import type { Claim, FacilityRef, Incident, PlaceRef } from "../model/incident.ts";
import { MAX_BODY_BYTES, SECURITY_HEADERS, type IngestOutcome } from "./app.ts";
import { validatedApp } from "./openapi.testing.ts";
import { bearerToken, tokenMatches } from "./auth.ts";
import { openApiDocument } from "./openapi.ts";
import { recordFromBody } from "./records.ts";
import { createHash } from "node:crypto";

const HASAKAH: PlaceRef = { name: "Hasakah", admin1: "Hasakah", country: "SY", lat: 36.5, lon: 40.75, precision: "town" };
const MOSUL: PlaceRef = { name: "Mosul", admin1: "Nineveh", country: "IQ", lat: 36.34, lon: 43.13, precision: "town" };
const STONE_PRISON: FacilityRef = { id: "stone-hill-prison", name: "Stone Hill Prison", kind: "prison", place: HASAKAH };
const PALM_CAMP: FacilityRef = { id: "palm-grove-camp", name: "Palm Grove Camp", kind: "camp", place: MOSUL };

const ESCAPE_A =
  "Fighters stormed Stone Hill Prison on Saturday night. A monitoring group said 35 detainees escaped during the clashes.";
const ESCAPE_B = "The guard force said only 12 inmates escaped from Stone Hill Prison, and most were caught within a day.";
const TRANSFER_C = "Buses carried 150 families from Palm Grove Camp near Mosul to a reception centre on Wednesday.";

function doc(id: string, text: string, published: string, title: string): Doc {
  const quantity = /\d+/.exec(text)!;
  return {
    id,
    contentHash: createHash("sha256").update(text).digest("hex"),
    url: `https://news.example/${id}`,
    title,
    published,
    publishedOrigin: "metadata",
    text,
    segments: [{ start: 0, end: text.length, relevant: true, reason: "fixture" }],
    annotations: [
      { kind: "sentence", rule: "sentence.split", start: 0, end: text.length, value: null },
      { kind: "quantity", rule: "quantity.cardinal", start: quantity.index, end: quantity.index + quantity[0].length, value: { low: Number(quantity[0]), high: Number(quantity[0]) } },
    ],
  };
}

function claim(document: string, text: string, phrase: string, value: number, source: string | null): Claim {
  const start = text.indexOf(phrase);
  assert.ok(start >= 0, `fixture phrase missing: ${phrase}`);
  return { low: value, high: value, source, document, quote: phrase, start, end: start + phrase.length, rule: "quantity.cardinal" };
}

const ESCAPE: Incident = {
  id: "inc-escape",
  type: "escape",
  status: "disputed",
  unconfirmed: false,
  facility: STONE_PRISON,
  place: HASAKAH,
  destination: null,
  date: { earliest: "2025-03-01", latest: "2025-03-01" },
  actors: ["Islamic State"],
  counts: [
    {
      quantity: "escaped",
      group: null,
      low: 12,
      best: 12,
      high: 35,
      disputed: true,
      claims: [
        claim("doc-a", ESCAPE_A, "35 detainees escaped during the clashes", 35, "monitoring group"),
        claim("doc-b", ESCAPE_B, "only 12 inmates escaped from Stone Hill Prison", 12, "guard force"),
      ],
    },
  ],
  documents: ["doc-a", "doc-b"],
  mentions: ["m1", "m2"],
};
const TRANSFER: Incident = {
  id: "inc-transfer",
  type: "transfer",
  status: "occurred",
  unconfirmed: false,
  facility: PALM_CAMP,
  place: MOSUL,
  destination: null,
  date: { earliest: "2025-05-14", latest: "2025-05-14" },
  actors: [],
  counts: [{ quantity: "families", group: null, low: 150, best: 150, high: 150, claims: [claim("doc-c", TRANSFER_C, "150 families", 150, null)] }],
  documents: ["doc-c"],
  mentions: ["m3"],
};

async function filledStore(): Promise<Store> {
  const store = await openStore(":memory:");
  await store.addDocument(doc("doc-a", ESCAPE_A, "2025-03-02", "Prison stormed"), [], [
    { facility: STONE_PRISON, holder: "Guard Force", since: null, document: "doc-a", start: 0, end: 20, rule: "holding.run-by" },
  ]);
  await store.addDocument(doc("doc-b", ESCAPE_B, "2025-03-03", "Guards dispute figure"), [], []);
  await store.addDocument(doc("doc-c", TRANSFER_C, "2025-05-14", "Families moved"), [], []);
  await store.replaceIncidents(["fixture"], [ESCAPE, TRANSFER]);
  return store;
}

const WRITE_TOKEN = "write-secret-0123456789";
const READ_TOKEN = "read-secret-abcdef";

describe("GET /api/incidents", () => {
  let store: Store;
  before(async () => (store = await filledStore()));
  after(async () => store.close());

  test("lists incident summaries with total, counts without their claims", async () => {
    const res = await validatedApp({ store }).request("/api/incidents");
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.equal(body.total, 2);
    assert.deepEqual(body.items.map((i: Incident) => i.id).sort(), ["inc-escape", "inc-transfer"]);
    const escape = body.items.find((i: Incident) => i.id === "inc-escape");
    assert.deepEqual(escape.counts[0], { quantity: "escaped", group: null, low: 12, best: 12, high: 35, disputed: true, derived: false, claims: 2 });
    assert.equal(escape.mentions, undefined);
  });

  const FILTERS: Array<[string, string[]]> = [
    ["type=escape", ["inc-escape"]],
    ["type=transfer", ["inc-transfer"]],
    ["type=riot", []],
    ["country=SY", ["inc-escape"]],
    ["country=iq", ["inc-transfer"]],
    ["facility=palm-grove-camp", ["inc-transfer"]],
    ["since=2025-04-01", ["inc-transfer"]],
    ["until=2025-04-01", ["inc-escape"]],
    ["since=2025-03-01&until=2025-03-01", ["inc-escape"]],
    ["limit=1&offset=0", ["inc-transfer"]],
    ["type=escape&country=IQ", []],
  ];
  for (const [query, expected] of FILTERS) {
    test(`filter ${query}`, async () => {
      const body = await (await validatedApp({ store }).request(`/api/incidents?${query}`)).json();
      assert.deepEqual(body.items.map((i: Incident) => i.id).sort(), [...expected].sort());
    });
  }

  test("free text q matches claim quotes", async () => {
    const body = await (await validatedApp({ store }).request("/api/incidents?q=families")).json();
    assert.deepEqual(body.items.map((i: Incident) => i.id), ["inc-transfer"]);
  });

  const BAD_QUERIES: Array<[string, string]> = [
    ["type=jailbreak", "E_BAD_QUERY"],
    ["country=Syria", "E_BAD_QUERY"],
    ["since=March", "E_BAD_QUERY"],
    ["until=2025-3-1", "E_BAD_QUERY"],
    ["since=2025-13-45", "E_BAD_QUERY"],
    ["until=2025-02-30", "E_BAD_QUERY"],
    ["limit=-1", "E_BAD_QUERY"],
    ["limit=0", "E_BAD_QUERY"],
    ["limit=ten", "E_BAD_QUERY"],
    ["offset=1.5", "E_BAD_QUERY"],
    [`q=${"x".repeat(201)}`, "E_BAD_QUERY"],
    ["limit=501", "E_PAGE_TOO_LARGE"],
    ["limit=100000", "E_PAGE_TOO_LARGE"],
  ];
  for (const [query, code] of BAD_QUERIES) {
    test(`rejects ${query.slice(0, 30)} with 400 ${code}`, async () => {
      const res = await validatedApp({ store }).request(`/api/incidents?${query}`);
      assert.equal(res.status, 400);
      assert.equal((await res.json()).error.code, code);
    });
  }

  test("limit=500 is the largest page allowed", async () => {
    assert.equal((await validatedApp({ store }).request("/api/incidents?limit=500")).status, 200);
    assert.equal((await validatedApp({ store }).request("/api/documents?limit=501")).status, 400);
  });
});

describe("detail routes", () => {
  let store: Store;
  before(async () => (store = await filledStore()));
  after(async () => store.close());

  test("an incident carries every claim with quote and offsets, and its documents' summaries", async () => {
    const body = await (await validatedApp({ store }).request("/api/incidents/inc-escape")).json();
    assert.equal(body.incident.counts[0].disputed, true);
    const claims = body.incident.counts[0].claims;
    assert.deepEqual(claims.map((c: Claim) => [c.low, c.source, c.document]), [[35, "monitoring group", "doc-a"], [12, "guard force", "doc-b"]]);
    for (const c of claims) {
      const text = c.document === "doc-a" ? ESCAPE_A : ESCAPE_B;
      assert.equal(text.slice(c.start, c.end), c.quote);
    }
    assert.deepEqual(
      body.documents.map((d: { id: string; title: string; published: string; relevant: boolean }) => [d.id, d.title, d.published, d.relevant]),
      [["doc-a", "Prison stormed", "2025-03-02", true], ["doc-b", "Guards dispute figure", "2025-03-03", true]],
    );
  });

  test("a document carries cleaned text, segments and annotations with kind, rule and offsets", async () => {
    const body = await (await validatedApp({ store }).request("/api/documents/doc-a")).json();
    assert.equal(body.text, ESCAPE_A);
    assert.equal(body.segments.length, 1);
    const quantity = body.annotations.find((a: { kind: string }) => a.kind === "quantity");
    assert.equal(quantity.rule, "quantity.cardinal");
    assert.equal(ESCAPE_A.slice(quantity.start, quantity.end), "35");
  });

  test("documents are listed with total", async () => {
    const body = await (await validatedApp({ store }).request("/api/documents?limit=2")).json();
    assert.equal(body.total, 3);
    assert.equal(body.items.length, 2);
  });

  test("facilities are listed, and one facility has holders, figures over time and incidents", async () => {
    const list = await (await validatedApp({ store }).request("/api/facilities")).json();
    assert.deepEqual(list.items.map((f: { facility: FacilityRef }) => f.facility.id).sort(), ["palm-grove-camp", "stone-hill-prison"]);
    const body = await (await validatedApp({ store }).request("/api/facilities/stone-hill-prison")).json();
    assert.equal(body.facility.name, "Stone Hill Prison");
    assert.deepEqual(body.holders.map((h: { holder: string }) => h.holder), ["Guard Force"]);
    assert.deepEqual(body.movements.map((m: { quantity: string; best: number }) => [m.quantity, m.best]), [["escaped", 12]]);
    assert.deepEqual(body.incidents.map((i: Incident) => i.id), ["inc-escape"]);
  });

  const MISSING = ["/api/incidents/nope", "/api/documents/nope", "/api/facilities/nope", "/api/nothing-here", "/api/incidents/x/y"];
  for (const path of MISSING) {
    test(`404 as JSON for ${path}`, async () => {
      const res = await validatedApp({ store }).request(path);
      assert.equal(res.status, 404);
      assert.match(res.headers.get("content-type") ?? "", /application\/json/);
      const body = await res.json();
      assert.equal(body.error.code, "E_NOT_FOUND");
      assert.equal(typeof body.error.message, "string");
    });
  }
});

describe("POST /api/documents", () => {
  let store: Store;
  const ingested: RawRecord[] = [];
  const fakeIngest = async (raw: RawRecord): Promise<IngestOutcome> => {
    ingested.push(raw);
    return { status: "new", id: raw.id };
  };
  const post = (headers: Record<string, string>, body: string, options: { token?: string | null } = { token: WRITE_TOKEN }) =>
    validatedApp({ store, token: options.token, ingest: fakeIngest }).request("/api/documents", {
      method: "POST",
      headers: { "Content-Type": "application/json", ...headers },
      body,
    });
  const REPORT = JSON.stringify({ id: "posted-1", title: "Jail attacked", maintext: "Gunmen attacked the district jail.", date_publish: "2025-04-02 08:00:00" });
  before(async () => (store = await filledStore()));
  after(async () => store.close());

  test("without a configured token, writes are refused with 403 saying how to enable them", async () => {
    const res = await post({ Authorization: `Bearer ${WRITE_TOKEN}` }, REPORT, { token: null });
    assert.equal(res.status, 403);
    const body = await res.json();
    assert.equal(body.error.code, "E_WRITES_DISABLED");
    assert.match(body.error.message, /ESCAPEWATCH_TOKEN/);
  });

  const BAD_AUTH: Array<[string, Record<string, string>]> = [
    ["no header", {}],
    ["wrong token", { Authorization: "Bearer write-secret-0123456788" }],
    ["shorter token", { Authorization: "Bearer w" }],
    ["longer token", { Authorization: `Bearer ${WRITE_TOKEN}${WRITE_TOKEN}` }],
    ["basic scheme", { Authorization: `Basic ${WRITE_TOKEN}` }],
    ["empty bearer", { Authorization: "Bearer " }],
  ];
  for (const [name, headers] of BAD_AUTH) {
    test(`401 with ${name}`, async () => {
      const res = await post(headers, REPORT);
      assert.equal(res.status, 401);
      assert.equal((await res.json()).error.code, "E_UNAUTHORIZED");
    });
  }

  test("with the token, the report is normalised (news-please field names) and ingested: 201", async () => {
    const res = await post({ Authorization: `Bearer ${WRITE_TOKEN}` }, REPORT);
    assert.equal(res.status, 201);
    assert.deepEqual(await res.json(), { status: "new", id: "posted-1", document: null, warnings: [] });
    const raw = ingested.at(-1)!;
    assert.deepEqual([raw.id, raw.title, raw.text, raw.published], ["posted-1", "Jail attacked", "Gunmen attacked the district jail.", "2025-04-02"]);
  });

  test("a body over the limit is refused with 413 before it is read", async () => {
    const big = JSON.stringify({ text: "x".repeat(MAX_BODY_BYTES + 1) });
    const res = await post({ Authorization: `Bearer ${WRITE_TOKEN}` }, big);
    assert.equal(res.status, 413);
    assert.equal((await res.json()).error.code, "E_BODY_TOO_LARGE");
    const declared = await post({ Authorization: `Bearer ${WRITE_TOKEN}`, "Content-Length": String(MAX_BODY_BYTES + 1) }, "{}");
    assert.equal(declared.status, 413);
  });

  const BAD_BODIES: Array<[string, string]> = [
    ["not JSON", "{title: oops"],
    ["an array", "[1, 2]"],
    ["no text or html", JSON.stringify({ title: "Headline only" })],
  ];
  for (const [name, body] of BAD_BODIES) {
    test(`400 E_BAD_BODY for ${name}`, async () => {
      const res = await post({ Authorization: `Bearer ${WRITE_TOKEN}` }, body);
      assert.equal(res.status, 400);
      assert.equal((await res.json()).error.code, "E_BAD_BODY");
    });
  }

  test("through the real ingest pipeline, a posted report is stored, then known on a second post", async () => {
    const fresh = await openStore(":memory:");
    const app = validatedApp({ store: fresh, token: WRITE_TOKEN });
    const report = JSON.stringify({
      id: "posted-real",
      title: "Inmates flee district jail",
      text: "Police said 9 inmates escaped from the district jail in Mosul on Sunday night after a wall collapsed.",
      published: "2025-04-06",
    });
    const send = () => app.request("/api/documents", { method: "POST", headers: { Authorization: `Bearer ${WRITE_TOKEN}` }, body: report });
    const first = await send();
    assert.equal(first.status, 201);
    const body = await first.json();
    assert.equal(body.document.id, "posted-real");
    assert.equal(body.document.title, "Inmates flee district jail");
    assert.equal((await app.request("/api/documents/posted-real")).status, 200);
    assert.equal((await send()).status, 200);
    await fresh.close();
  });

  test("new content under a posted id is version 2, known content under a new id answers with its document", async () => {
    const fresh = await openStore(":memory:");
    const app = validatedApp({ store: fresh, token: WRITE_TOKEN });
    const send = (body: object) => app.request("/api/documents", { method: "POST", headers: { Authorization: `Bearer ${WRITE_TOKEN}` }, body: JSON.stringify(body) });
    const first = "Police said 9 inmates escaped from the district jail in Mosul on Sunday night after a wall collapsed.";
    assert.equal((await send({ id: "v", text: first, published: "2025-04-06" })).status, 201);
    const revised = await send({ id: "v", text: `${first} Five were caught on Monday, police said.` });
    assert.equal(revised.status, 200);
    assert.equal((await revised.json()).status, "updated");
    const alias = await send({ id: "v-copy", text: `${first} Five were caught on Monday, police said.` });
    const body = await alias.json();
    assert.deepEqual([alias.status, body.status, body.id, body.document.id], [200, "known", "v-copy", "v"]);
    assert.equal((await (await app.request("/api/documents/v-copy")).json()).id, "v");
    const history = await (await app.request("/api/documents/v/versions")).json();
    assert.deepEqual(history.versions.map((x: { version: number; current: boolean }) => [x.version, x.current]), [[1, false], [2, true]]);
    assert.deepEqual(history.aliases, ["v-copy"]);
    assert.equal((await (await app.request("/api/documents/v/versions/1")).json()).text, first);
    assert.equal((await app.request("/api/documents/v/versions/3")).status, 404);
    assert.equal((await app.request("/api/documents/v/versions/zero")).status, 400);
    await fresh.close();
  });

  test("a rejected record answers 422 with the pipeline's reason", async () => {
    const app = validatedApp({
      store,
      token: WRITE_TOKEN,
      ingest: async (raw) => ({ status: "rejected", id: raw.id, reason: { origin: raw.origin, code: "E_NO_TEXT", message: "no article text" } }),
    });
    const res = await app.request("/api/documents", { method: "POST", headers: { Authorization: `Bearer ${WRITE_TOKEN}` }, body: REPORT });
    assert.equal(res.status, 422);
    const body = await res.json();
    assert.equal(body.error.code, "E_REJECTED");
    assert.match(body.error.message, /E_NO_TEXT/);
  });
});

describe("read token", () => {
  let store: Store;
  before(async () => (store = await filledStore()));
  after(async () => store.close());
  const CASES: Array<[string, Record<string, string>, number]> = [
    ["no token", {}, 401],
    ["wrong token", { Authorization: "Bearer nope" }, 401],
    ["read token", { Authorization: `Bearer ${READ_TOKEN}` }, 200],
    ["write token", { Authorization: `Bearer ${WRITE_TOKEN}` }, 200],
  ];
  for (const [name, headers, status] of CASES) {
    test(`with ESCAPEWATCH_READ_TOKEN set, ${name} -> ${status}`, async () => {
      const app = validatedApp({ store, token: WRITE_TOKEN, readToken: READ_TOKEN });
      assert.equal((await app.request("/api/incidents", { headers })).status, status);
    });
  }
  test("without a read token, reads are open", async () => {
    assert.equal((await validatedApp({ store }).request("/api/incidents")).status, 200);
  });
});

describe("headers and static files", () => {
  let store: Store;
  let webRoot: string;
  before(async () => {
    store = await filledStore();
    webRoot = mkdtempSync(join(tmpdir(), "escapewatch-web-"));
    writeFileSync(join(webRoot, "index.html"), "<!doctype html><title>escapewatch</title>");
  });
  after(async () => {
    await store.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  for (const path of ["/", "/api/incidents", "/api/incidents/nope", "/api/openapi.json", "/missing.js"]) {
    test(`security headers on ${path}, no CORS`, async () => {
      const res = await validatedApp({ store, webRoot }).request(path);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) assert.equal(res.headers.get(name), value, name);
      assert.equal(res.headers.get("access-control-allow-origin"), null);
    });
  }

  test("CSP forbids inline script", () => {
    const csp = SECURITY_HEADERS["Content-Security-Policy"];
    assert.match(csp, /script-src 'self';/);
    assert.doesNotMatch(csp, /script-src[^;]*unsafe-inline/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /object-src 'none'/);
  });

  test("the dashboard's index.html is served at /", async () => {
    const res = await validatedApp({ store, webRoot }).request("/");
    assert.equal(res.status, 200);
    assert.match(await res.text(), /<title>escapewatch<\/title>/);
  });
});

describe("openapi.json", () => {
  test("parses as OpenAPI 3.1 and describes every route", async () => {
    const store = await openStore(":memory:");
    const res = await validatedApp({ store }).request("/api/openapi.json");
    const spec = JSON.parse(await res.text());
    assert.equal(spec.openapi, "3.1.0");
    assert.deepEqual(Object.keys(spec.paths).sort(), [
      "/api/alerts/{name}.atom",
      "/api/changes",
      "/api/documents",
      "/api/documents/{id}",
      "/api/documents/{id}/not-relevant",
      "/api/documents/{id}/versions",
      "/api/documents/{id}/versions/{version}",
      "/api/export",
      "/api/facilities",
      "/api/facilities/{id}",
      "/api/feeds",
      "/api/feeds/{name}",
      "/api/incidents",
      "/api/incidents/merge",
      "/api/incidents/{id}",
      "/api/incidents/{id}/history",
      "/api/incidents/{id}/review",
      "/api/incidents/{id}/split",
      "/api/openapi.json",
      "/api/review/queue",
      "/api/rules",
      "/api/rules/{name}",
    ]);
    assert.ok(spec.paths["/api/documents"].post.responses["413"]);
    // Every $ref points at a schema that exists.
    const refs = JSON.stringify(openApiDocument).match(/#\/components\/schemas\/\w+/g) ?? [];
    for (const ref of refs) assert.ok(spec.components.schemas[ref.split("/").at(-1)!], ref);
    await store.close();
  });
});

describe("auth helpers", () => {
  const HEADERS: Array<[string | undefined, string | null]> = [
    ["Bearer abc", "abc"],
    ["bearer abc", "abc"],
    ["Bearer   abc  ", "abc"],
    ["Basic abc", null],
    ["Bearer", null],
    ["Bearer a b", null],
    [undefined, null],
  ];
  for (const [header, token] of HEADERS) {
    test(`bearerToken(${JSON.stringify(header)}) = ${JSON.stringify(token)}`, () => assert.equal(bearerToken(header), token));
  }
  const COMPARISONS: Array<[string | null, string, boolean]> = [
    ["s3cret", "s3cret", true],
    ["s3cres", "s3cret", false],
    ["s3c", "s3cret", false],
    ["s3cret-and-more", "s3cret", false],
    ["", "s3cret", false],
    [null, "s3cret", false],
  ];
  for (const [given, expected, result] of COMPARISONS) {
    test(`tokenMatches(${JSON.stringify(given)}, ${JSON.stringify(expected)}) = ${result}, whatever the lengths`, () =>
      assert.equal(tokenMatches(given, expected), result));
  }
});

describe("recordFromBody", () => {
  const CASES: Array<[string, object, Partial<RawRecord>]> = [
    ["escapewatch fields", { id: "r1", title: "T", text: "Body.", published: "2025-01-02" }, { id: "r1", title: "T", text: "Body.", published: "2025-01-02" }],
    ["news-please fields", { url: "https://a.example/x", maintext: "Body.", date_publish: "2024-12-31 23:00:00" }, { url: "https://a.example/x", text: "Body.", published: "2024-12-31" }],
    ["trafilatura fields", { raw_text: "Body.", date: "2023-05-06" }, { text: "Body.", published: "2023-05-06" }],
  ];
  for (const [name, body, expected] of CASES) {
    test(name, () => {
      const record = recordFromBody(body);
      for (const [key, value] of Object.entries(expected)) assert.equal(record[key as keyof RawRecord], value, key);
    });
  }
  test("a body without id or url gets a stable id from its content", () => {
    const a = recordFromBody({ text: "Same body." });
    assert.equal(a.id, recordFromBody({ text: "Same body." }).id);
    assert.notEqual(a.id, recordFromBody({ text: "Other body." }).id);
  });
});
