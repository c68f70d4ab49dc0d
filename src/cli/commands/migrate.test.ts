// `escapewatch migrate` against a real PostgreSQL server: the sample reports, a revised report
// (a second version), a copy under another id (an alias), a feed and an alert rule with its outbox
// go into SQLite; after the copy every table holds the same rows, both exports are identical, and
// ingesting one more report into each store keeps them identical (merging continues from the
// copied state instead of starting over).
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import { runCli } from "../testing.ts";
import { openStore } from "../../store/open.ts";
import { createTestDatabase, withPostgres } from "../../store/postgres/testing.ts";
import { NUMBERS_AS_NUMBERS } from "../../store/postgres/postgres-store.ts";

const SAMPLES = fileURLToPath(new URL("../../../samples/reports.jsonl", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "escapewatch-migrate-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Written for this test: a revision of one sample (new text, same id) and a copy of another under a new id. */
function extraReports(): string {
  const samples = readFileSync(SAMPLES, "utf8").trim().split("\n").map((line) => JSON.parse(line) as Record<string, string>);
  const withText = samples.filter((s) => typeof s.text === "string");
  const revised = { ...withText[0], text: `${withText[0].text}\n\nUpdate: the provincial governor said on Monday that the prison's outer wall had been repaired.` };
  const copy = { ...withText[1], id: `${withText[1].id}-mirror`, url: `${withText[1].url}?amp=1` };
  return [revised, copy].map((r) => JSON.stringify(r)).join("\n") + "\n";
}

const LATE_REPORT = {
  id: "migrate-late-report",
  url: "https://harbour-courier.example/2025/06/01/jail-break",
  title: "Nine inmates escape from a district jail in Kano",
  published: "2025-06-01",
  text:
    "Nine inmates escape from a district jail in Kano\n\nKANO, Nigeria, June 1 — Nine inmates escaped from a district jail in Kano " +
    "early on Sunday after cutting through the bars of a cell window, a police spokesman said. Three of them were caught within hours.",
};

/** Every row of every table, in primary-key order, as plain values. */
async function tableRows(sqlite: string, postgres: string, table: string): Promise<{ sqlite: unknown[]; postgres: unknown[] }> {
  const db = new Database(sqlite, { readonly: true });
  const columns = (db.pragma(`table_info(${table})`) as Array<{ name: string; pk: number }>).map((c) => c.name);
  const order = columns.join(", ");
  const fromSqlite = db.prepare(`SELECT ${order} FROM ${table} ORDER BY ${order}`).all();
  db.close();
  const client = new pg.Client({ connectionString: postgres, types: NUMBERS_AS_NUMBERS });
  await client.connect();
  const fromPostgres = (await client.query(`SELECT ${order} FROM ${table} ORDER BY ${order}`)).rows;
  await client.end();
  return { sqlite: fromSqlite.map((r) => ({ ...(r as object) })), postgres: fromPostgres };
}

const TABLES = [
  "documents",
  "document_versions",
  "document_aliases",
  "mentions",
  "holdings",
  "dirty_blocks",
  "incidents",
  "incident_documents",
  "merge_placements",
  "merge_pending",
  "merge_blocks",
  "merge_states",
  "feeds",
  "feed_items",
  "alert_rules",
  "alert_seen",
  "alert_outbox",
  "alert_attempts",
  "users",
  "review_decisions",
  "incident_revisions",
];

async function exportJson(db: string, name: string): Promise<string> {
  const file = join(scratch, `${name}.json`);
  const run = await runCli(["export", "--db", db, "--format", "json", "--out", file]);
  assert.equal(run.status, 0, run.err);
  return readFileSync(file, "utf8");
}

await withPostgres(() => {
  describe("escapewatch migrate", () => {
    test("copies a SQLite store into PostgreSQL without losing or changing anything", async () => {
      const sqlite = join(scratch, "laptop.db");
      const extra = join(scratch, "extra.jsonl");
      writeFileSync(extra, extraReports());
      for (const input of [SAMPLES, extra]) {
        const run = await runCli(["ingest", "--db", sqlite, input]);
        assert.equal(run.status, 0, run.err);
      }
      const seeded = await openStore(sqlite);
      await seeded.addFeed({ name: "harbour", url: "https://harbour-courier.example/feed.xml", intervalSeconds: 600 });
      await seeded.saveFeedItem({ feed: "harbour", key: "guid-1", fingerprint: "f1", document: LATE_REPORT.id });
      await seeded.addRule({ name: "big-escapes", types: ["escape"], country: null, facility: null, min: [{ quantity: "escaped", value: 10 }], on: ["new"], webhook: "https://hooks.example/a", secret: null });
      const [incident] = await seeded.listIncidents({ type: "escape", limit: 1 });
      await seeded.recordAlertCheck("big-escapes", incident.id, "sig", { change: "new", payload: "{}", nextAttemptAt: "2025-06-01T00:00:00.000Z" });
      const [due] = await seeded.dueAlerts("2030-01-01T00:00:00.000Z");
      await seeded.recordDeliveryAttempt({ alert: due.id, attempt: 1, at: "2025-06-01T00:00:00.000Z", status: 503, error: "HTTP 503" }, { deliveredAt: null, nextAttemptAt: "2025-06-01T00:01:00.000Z" });
      assert.ok((await seeded.documentHistory(LATE_REPORT.id)) === null);
      await seeded.close();

      const { url, drop } = await createTestDatabase();
      try {
        const migrated = await runCli(["migrate", "--from", sqlite, "--to", url]);
        assert.equal(migrated.status, 0, migrated.err);
        assert.match(migrated.out, /copied .* \d+ documents \(1 earlier versions, 1 aliases\), \d+ mentions, \d+ incidents, 1 feeds, 1 alert rules, 1 alerts/);

        for (const table of TABLES) {
          const rows = await tableRows(sqlite, url, table);
          assert.deepEqual(rows.postgres, rows.sqlite, `table ${table}`);
        }
        const [before, after] = [await exportJson(sqlite, "sqlite"), await exportJson(url, "postgres")];
        assert.ok(JSON.parse(before).incidents?.length ?? JSON.parse(before).length, "the export holds incidents");
        assert.equal(after, before);

        // A second copy into the same database is refused: the target is no longer empty.
        const again = await runCli(["migrate", "--from", sqlite, "--to", url]);
        assert.notEqual(again.status, 0);
        assert.match(again.err, /E_MIGRATE_TARGET_NOT_EMPTY/);

        // Both stores go on the same way.
        const late = join(scratch, "late.jsonl");
        writeFileSync(late, `${JSON.stringify(LATE_REPORT)}\n`);
        for (const db of [sqlite, url]) assert.equal((await runCli(["ingest", "--db", db, late])).status, 0);
        assert.equal(await exportJson(url, "postgres-2"), await exportJson(sqlite, "sqlite-2"));
      } finally {
        await drop();
      }
    });
  });
});
