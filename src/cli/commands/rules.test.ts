import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli as run } from "../testing.ts";
import { openStore } from "../../store/open.ts";
import { startNewsSite } from "../../feeds/loopback.fixtures.ts";

test("rules add, list, test and remove from the command line", async () => {
  const dir = mkdtempSync(join(tmpdir(), "escapewatch-rules-cli-"));
  const db = join(dir, "ew.db");
  const site = await startNewsSite();
  const allowBefore = process.env.ESCAPEWATCH_FETCH_ALLOW;
  process.env.ESCAPEWATCH_FETCH_ALLOW = "127.0.0.0/8";
  try {
    assert.equal((await run(["feeds", "add", `${site.origin}/lakeside/feed.rss`, "--name", "lakeside", "--db", db])).status, 0);
    assert.equal((await run(["watch", "--once", "--db", db])).status, 0);

    const added = await run(["rules", "add", "ng", "--type", "escape", "--country", "ng", "--min", "escaped=100", "--on", "new,disputed", "--db", db]);
    assert.equal(added.status, 0, added.err);
    assert.equal(added.out, "added ng: type escape, in NG, escaped>=100, on new,disputed");
    assert.equal((await run(["rules", "add", "ng", "--db", db])).status, 1, "a name is used once");

    const negative: string[][] = [
      ["bad name!"],
      ["x", "--type", "breakout"],
      ["x", "--country", "Nigeria"],
      ["x", "--min", "escaped>10"],
      ["x", "--min", "people=10"],
      ["x", "--on", "changed"],
      ["x", "--webhook", "http://169.254.169.254/"],
      ["x", "--secret", "s"],
      ["x", "--near", "11.8,13.1"],
      ["x", "--near", "north", "--km", "5"],
      ["x", "--near", "11.8,13.1", "--km", "-5"],
      ["x", "--border", "IQ"],
      ["x", "--border", "Iraq", "--km", "100"],
      ["x", "--border", "AU", "--km", "100"],
    ];
    for (const args of negative) {
      const bad = await run(["rules", "add", ...args, "--db", db]);
      assert.equal(bad.status, 2, args.join(" "));
      assert.match(bad.err, /^rules: E_RULE_/, args.join(" "));
    }

    const tested = await run(["rules", "test", "ng", "--db", db]);
    assert.match(tested.out, /escape at Maiduguri Maximum Security Custodial Centre/);
    assert.match(tested.out, /1 incident matches ng$/);
    const near = await run(["rules", "add", "near-maiduguri", "--near", "11.85,13.16", "--km", "25", "--admin1", "Borno", "--db", db]);
    assert.equal(near.out, "added near-maiduguri: any type, in Borno, within 25 km of 11.85,13.16, on new");
    assert.match((await run(["rules", "test", "near-maiduguri", "--db", db])).out, /2 incidents match near-maiduguri$/, "the attack and the escape");
    assert.match((await run(["rules", "list", "--db", db])).out, /^ng: type escape/m);
    // Maiduguri lies about 100 km from Cameroon's border, over 200 km from Chad's.
    const border = await run(["rules", "add", "near-cameroon", "--border", "cm", "--km", "150", "--db", db]);
    assert.equal(border.out, "added near-cameroon: any type, within 150 km of CM's land border, on new");
    assert.match((await run(["rules", "test", "near-cameroon", "--db", db])).out, /2 incidents match near-cameroon$/);
    assert.equal((await run(["rules", "add", "near-chad", "--border", "TD", "--km", "50", "--db", db])).status, 0);
    assert.match((await run(["rules", "test", "near-chad", "--db", db])).out, /0 incidents match near-chad$/);

    // Incidents stored before the rule are its baseline, not alerts.
    const store = await openStore(db);
    assert.deepEqual(await store.alertsOf("ng", 10), []);
    await store.close();

    assert.equal((await run(["rules", "remove", "ng", "--db", db])).status, 0);
    assert.equal((await run(["rules", "remove", "ng", "--db", db])).status, 1);
  } finally {
    if (allowBefore === undefined) delete process.env.ESCAPEWATCH_FETCH_ALLOW;
    else process.env.ESCAPEWATCH_FETCH_ALLOW = allowBefore;
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
