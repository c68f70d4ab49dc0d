import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli as run } from "../testing.ts";
import { parseInterval } from "../../feeds/interval.ts";
import { startNewsSite } from "../../feeds/loopback.fixtures.ts";

test("parseInterval: table", () => {
  const table: Array<[string, number | null]> = [
    ["10m", 600],
    ["45s", 45],
    ["2h", 7200],
    ["1d", 86400],
    ["90", 90],
  ];
  for (const [text, seconds] of table) assert.equal(parseInterval(text), seconds, text);
  const negative = ["", "5s", "ten minutes", "10 m", "-10m", "1.5h", "10w"];
  for (const text of negative) assert.equal(parseInterval(text), null, text);
});

test("feeds add, list, remove and watch --once from the command line", async () => {
  const dir = mkdtempSync(join(tmpdir(), "escapewatch-feeds-cli-"));
  const db = join(dir, "ew.db");
  const site = await startNewsSite();
  const allowBefore = process.env.ESCAPEWATCH_FETCH_ALLOW;
  try {
    // Loopback is refused until the operator allows it.
    delete process.env.ESCAPEWATCH_FETCH_ALLOW;
    const refused = await run(["feeds", "add", `${site.origin}/lakeside/feed.rss`, "--db", db]);
    assert.equal(refused.status, 2);
    assert.match(refused.err, /private or loopback/);
    process.env.ESCAPEWATCH_FETCH_ALLOW = "127.0.0.0/8";

    const added = await run(["feeds", "add", `${site.origin}/lakeside/feed.rss`, "--name", "lakeside", "--interval", "5m", "--db", db]);
    assert.equal(added.status, 0, added.err);
    assert.match(added.out, /watching lakeside every 5m/);
    assert.equal((await run(["feeds", "add", `${site.origin}/error.rss`, "--name", "failing", "--db", db])).status, 0);
    const again = await run(["feeds", "add", `${site.origin}/lakeside/feed.rss`, "--name", "other", "--db", db]);
    assert.equal(again.status, 1);
    assert.match(again.err, /already watched/);
    for (const bad of [["file:///etc/passwd"], ["http://169.254.169.254/"], [`${site.origin}/x`, "--interval", "1s"]]) {
      assert.notEqual((await run(["feeds", "add", ...bad, "--db", db])).status, 0, bad.join(" "));
    }

    const watched = await run(["watch", "--once", "--db", db]);
    assert.equal(watched.status, 1, "a failed feed makes --once exit 1");
    assert.match(watched.out, /^lakeside: 1 entries, new 1/m);
    assert.match(watched.err, /^failing: failed: E_HTTP HTTP 500/m);

    const listed = await run(["feeds", "list", "--db", db]);
    assert.match(listed.out, /^failing .*failing \(1x\): E_HTTP HTTP 500/m);
    assert.match(listed.out, /^lakeside {2}every 5m .* ok$/m);
    const json = JSON.parse((await run(["feeds", "list", "--json", "--db", db])).out) as Array<{ name: string; failures: number }>;
    assert.deepEqual(json.map((f) => [f.name, f.failures]), [["failing", 1], ["lakeside", 0]]);

    assert.equal((await run(["feeds", "remove", "failing", "--db", db])).status, 0);
    assert.equal((await run(["feeds", "remove", "failing", "--db", db])).status, 1);
    assert.equal((await run(["feeds", "remove", `${site.origin}/lakeside/feed.rss`, "--db", db])).status, 0);
    assert.match((await run(["feeds", "list", "--db", db])).out, /^no feeds/);
  } finally {
    if (allowBefore === undefined) delete process.env.ESCAPEWATCH_FETCH_ALLOW;
    else process.env.ESCAPEWATCH_FETCH_ALLOW = allowBefore;
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
