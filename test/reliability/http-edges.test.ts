// The server's edges over a real socket: HEAD answers like GET with every header (the dashboard
// built or not, never a 500), wrong tokens are limited on every route, and a token that cannot
// work is refused at start.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../../src/store/open.ts";
import type { Store } from "../../src/store/store.ts";
import { createApp, SECURITY_HEADERS } from "../../src/server/app.ts";
import { listen, type RunningServer } from "../../src/server/listen.ts";
import { tokenFromEnv } from "../../src/server/run.ts";
import { runCli } from "./cli.ts";

const PATHS = ["/", "/index.html", "/api/incidents", "/api/documents", "/api/facilities", "/api/openapi.json", "/api/documents/missing", "/api/nothing"];
let store: Store;
let server: RunningServer;

before(async () => {
  store = await openStore(":memory:");
  server = await listen(createApp({ store, webRoot: null }), { port: 0 });
});
after(async () => {
  await server.close();
  await store.close();
});

function send(method: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, server.url), { method, headers, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8").on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject).end();
  });
}

for (const path of PATHS) {
  test(`HEAD ${path} answers like GET, with every security header and no body`, async () => {
    const [get, head] = [await send("GET", path), await send("HEAD", path)];
    assert.ok(get.status < 500, `GET ${path}: ${get.status}`);
    assert.equal(head.status, get.status);
    assert.equal(head.body, "");
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      assert.equal(head.headers[name.toLowerCase()], value, `HEAD ${path} ${name}`);
      assert.equal(get.headers[name.toLowerCase()], value, `GET ${path} ${name}`);
    }
    if (path.startsWith("/api/")) assert.equal(head.headers["cache-control"], "no-store");
    assert.equal(head.headers["content-type"], get.headers["content-type"]);
  });
}

test("wrong tokens are limited on reads as on writes; once over, even the right token waits", async () => {
  const app = createApp({ store, token: "write-7d2e", readToken: "read-19ab", rateLimits: { writesPerMinute: null, readsPerMinute: null, authFailuresPerMinute: 3 } });
  const get = (token: string) => app.request("/api/incidents", { headers: { Authorization: `Bearer ${token}` } });
  for (let i = 0; i < 3; i++) assert.equal((await get(`guess-${i}`)).status, 401);
  const limited = await get("guess-4");
  assert.equal(limited.status, 429);
  assert.ok(Number(limited.headers.get("retry-after")) >= 1);
  assert.equal((await get("read-19ab")).status, 429, "a right guess is not told apart");
  const post = await app.request("/api/documents", { method: "POST", headers: { Authorization: "Bearer write-7d2e" }, body: "{}" });
  assert.equal(post.status, 429);
  assert.equal((await app.request("/api/incidents")).status, 401, "without a token the answer stays 401");
});

const TOKENS: Array<[string | undefined, string | null | RegExp]> = [
  [undefined, null],
  ["", null],
  ["s3cret-token", "s3cret-token"],
  ["   ", /only whitespace/],
  ["\t\n", /only whitespace/],
  ["two words", /contains whitespace/],
];
for (const [value, expected] of TOKENS) {
  test(`ESCAPEWATCH_TOKEN=${JSON.stringify(value)} -> ${expected instanceof RegExp ? "refused" : JSON.stringify(expected)}`, () => {
    const env = value === undefined ? {} : { ESCAPEWATCH_TOKEN: value };
    if (expected instanceof RegExp) assert.throws(() => tokenFromEnv(env, "ESCAPEWATCH_TOKEN"), (e: Error) => /E_TOKEN_INVALID/.test(e.message) && expected.test(e.message));
    else assert.equal(tokenFromEnv(env, "ESCAPEWATCH_TOKEN"), expected);
  });
}

test("serve with a token of spaces exits non-zero with the reason, before listening", async () => {
  const dir = mkdtempSync(join(tmpdir(), "escapewatch-token-"));
  try {
    const db = join(dir, "ew.db");
    await (await openStore(db)).close();
    for (const name of ["ESCAPEWATCH_TOKEN", "ESCAPEWATCH_READ_TOKEN"]) {
      const run = await runCli(["serve", "--db", db, "--port", "0"], { [name]: "    " });
      assert.equal(run.code, 1, run.stdout + run.stderr);
      assert.match(run.stderr, new RegExp(`\\[E_TOKEN_INVALID\\] ${name} is only whitespace`));
      assert.doesNotMatch(run.stdout, /dashboard: http/);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
