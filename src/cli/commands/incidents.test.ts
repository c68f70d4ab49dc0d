import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Count } from "../../model/incident.ts";
import { openStore } from "../../store/open.ts";
import { updateIncidents } from "../../incidents/update.ts";
import { HOL, HOL_CAMP, claim, count, day, doc, holding, inBlocks, mention } from "../../incidents/testing/fixtures.ts";
import { runCli as run } from "../testing.ts";
import { filterFrom, formatCount, pageLine } from "./incidents.ts";

const c = (o: Partial<Count>): Count => ({ quantity: "escaped", group: null, claims: [], low: 37, best: 37, high: 37, ...o });

test("formatCount: table", () => {
  const table: Array<[Count, string]> = [
    [c({}), "escaped 37"],
    [c({ low: 100, best: 115, high: null, disputed: true }), "escaped 100+ (best 115, disputed)"],
    [c({ low: 100, best: 115, high: 1500 }), "escaped 100–1500 (best 115)"],
    [c({ quantity: "at_large", low: 19, best: 34, high: 49, derived: true }), "at_large 19–49 (best 34, derived)"],
    [c({ quantity: "killed", group: "attackers", low: 9, best: 9, high: 9 }), "killed/attackers 9"],
    [c({ low: 2000, best: 3000, high: 9999, vague: true }), "escaped 2000–9999 (vague, best 3000)"],
  ];
  for (const [count, expected] of table) assert.equal(formatCount(count), expected);
});

test("filterFrom: valid options pass, mistakes carry a stable code", () => {
  assert.deepEqual(filterFrom({ type: "escape", country: "sy", since: "2026-01-01" }), { type: "escape", country: "SY", since: "2026-01-01" });
  assert.deepEqual(
    filterFrom({ until: "2026-02-01", status: "disputed", facility: " Gweiran ", q: "Hassakeh" }),
    { until: "2026-02-01", status: "disputed", facility: "Gweiran", text: "Hassakeh" },
  );
  const negative: Array<[Parameters<typeof filterFrom>[0], RegExp]> = [
    [{ type: "breakout" }, /E_INCIDENTS_TYPE/],
    [{ country: "Syria" }, /E_INCIDENTS_COUNTRY/],
    [{ since: "19/01/2026" }, /E_INCIDENTS_SINCE/],
    [{ since: "2026-13-45" }, /E_INCIDENTS_SINCE/],
    [{ until: "soon" }, /E_INCIDENTS_SINCE/],
    [{ status: "confirmed" }, /E_INCIDENTS_STATUS/],
  ];
  for (const [opts, code] of negative) assert.throws(() => filterFrom(opts), code);
});

test("pageLine says how many of how many, and where the next page starts", () => {
  const table: Array<[number, number, number, string]> = [
    [100, 0, 665, "Incidents 1–100 of 665 (next page: --offset 100)"],
    [65, 600, 665, "Incidents 601–665 of 665"],
    [0, 0, 0, "No incidents match."],
    [0, 700, 665, "No incidents at offset 700; there are 665."],
  ];
  for (const [shown, offset, total, expected] of table) assert.equal(pageLine(shown, offset, total), expected);
});

test("incidents and facility commands over a small database", async () => {
  const dir = mkdtempSync(join(tmpdir(), "escapewatch-incidents-"));
  const db = join(dir, "test.db");
  try {
    const store = await openStore(db);
    const atHol = { facility: HOL_CAMP, place: HOL, date: day("2026-01-20") };
    await store.addDocument(
      doc("k1", "2026-01-21"),
      inBlocks([mention("k1", { ...atHol, counts: [count("escaped", claim("k1", 1500, null, "Kurdish media"))] })]),
      [holding("k1", HOL_CAMP, "Syrian Democratic Forces", null)],
    );
    await store.addDocument(doc("k2", "2026-01-22"), inBlocks([mention("k2", { ...atHol, counts: [count("escaped", claim("k2", 100, 130, "state media"))] })]), []);
    await updateIncidents(store);
    await store.close();

    const table = await run(["incidents", "--db", db]);
    assert.equal(table.status, 0);
    assert.match(table.out, /2026-01-20\s+escape\s+disputed\s+al-Hol camp, SY\s+escaped 100\+ \(best 115, disputed\)\s+-\s+2\s+2\n/);
    assert.doesNotMatch(table.out, /k1,k2/, "reports are counted, not listed");
    assert.match(table.out, /Incidents 1–1 of 1$/);

    const json = await run(["incidents", "--db", db, "--json", "--type", "escape", "--country", "SY", "--since", "2026-01-01"]);
    const page = JSON.parse(json.out);
    assert.deepEqual([page.total, page.offset, page.limit], [1, 0, 100]);
    assert.deepEqual(page.items.map((i: { documents: string[] }) => i.documents), [["k1", "k2"]]);
    assert.equal((await run(["incidents", "--db", db, "--type", "attack"])).out, "No incidents match.");
    for (const alias of [["--facility", "al-Hawl camp"], ["--q", "Hawl camp"], ["--status", "disputed"]]) {
      assert.match((await run(["incidents", "--db", db, ...alias])).out, /of 1$/, alias.join(" "));
    }
    assert.match((await run(["incidents", "--db", db, "--offset", "1"])).out, /No incidents at offset 1; there are 1\./);
    for (const limit of ["0", "5000", "ten"]) {
      const badPage = await run(["incidents", "--db", db, "--limit", limit]);
      assert.equal(badPage.status, 2, limit);
      assert.match(badPage.err, /E_INCIDENTS_PAGE/);
    }

    const bad = await run(["incidents", "--db", db, "--type", "breakout"]);
    assert.equal(bad.status, 2);
    assert.match(bad.err, /E_INCIDENTS_TYPE/);

    const history = await run(["facility", "al-Hol", "--db", db]);
    assert.equal(history.status, 0);
    assert.match(history.out, /Syrian Democratic Forces/);
    assert.match(history.out, /Kurdish media\s+1500\+/);
    assert.match(history.out, /state media\s+100–130/);

    const byAlias = await run(["facility", "al-Hawl camp", "--db", db]);
    assert.equal(byAlias.status, 0, byAlias.err);
    assert.match(byAlias.out, /^al-Hol camp \[camp, id al-hol-camp\]/);

    const missing = await run(["facility", "Atlantis", "--db", db]);
    assert.equal(missing.status, 1);
    assert.match(missing.err, /E_FACILITY_NOT_FOUND/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
