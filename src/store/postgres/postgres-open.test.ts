// Opening PostgreSQL stores from the CLI: a URL works wherever a file path does, read commands
// create nothing, and a server that is not there is one clear error. Two processes writing and
// merging into one store at once end with what one process would have stored.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { runCli } from "../../cli/testing.ts";
import { openStore } from "../open.ts";
import { TEST_ADMIN_URL, createTestDatabase, withPostgres } from "./testing.ts";

const BIN = fileURLToPath(new URL("../../../bin/escapewatch.js", import.meta.url));
const WRITER = fileURLToPath(new URL("../sqlite/concurrent-writer.ts", import.meta.url));
const SAMPLES = fileURLToPath(new URL("../../../samples/reports.jsonl", import.meta.url));

function urlOf(database: string): string {
  const url = new URL(TEST_ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function databaseExists(name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_ADMIN_URL });
  await client.connect();
  try {
    return (await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rows.length === 1;
  } finally {
    await client.end();
  }
}

async function dirtyBlocksOf(url: string): Promise<string[]> {
  const store = await openStore(url);
  try {
    return await store.dirtyBlocks();
  } finally {
    await store.close();
  }
}

/** Resolves to the exit code of `node ...args` and what it wrote to stderr. */
function runNode(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

await withPostgres(() => {
  describe("PostgreSQL stores from the command line", () => {
    test("a read command on a database that does not exist is E_STORE_MISSING and creates nothing", async () => {
      const name = `ew_test_${process.pid}_absent`;
      const run = await runCli(["incidents", "--db", urlOf(name)]);
      assert.equal(run.status, 1);
      assert.match(run.err, /\[E_STORE_MISSING\] no store at postgres:\/\//);
      assert.equal(await databaseExists(name), false);
    });

    test("a read command on an empty database is E_STORE_MISSING; a write command creates the store", async () => {
      const { url, drop } = await createTestDatabase();
      try {
        assert.match((await runCli(["documents", "--db", url])).err, /E_STORE_MISSING/);
        assert.equal((await runCli(["feeds", "add", "https://harbour-courier.example/feed.xml", "--name", "harbour", "--db", url])).status, 0);
        assert.match((await runCli(["feeds", "list", "--db", url])).out, /^harbour/);
      } finally {
        await drop();
      }
    });

    test("a write command on a database that does not exist yet creates it", async () => {
      const name = `ew_test_${process.pid}_created`;
      try {
        assert.equal((await runCli(["feeds", "add", "https://harbour-courier.example/feed.xml", "--db", urlOf(name)])).status, 0);
        assert.equal(await databaseExists(name), true);
      } finally {
        const client = new pg.Client({ connectionString: TEST_ADMIN_URL });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.end();
      }
    });

    test("no server at the address is E_STORE_UNREACHABLE, with the password hidden", async () => {
      const run = await runCli(["incidents", "--db", "postgres://analyst:hunter2@127.0.0.1:1/escapewatch"]);
      assert.equal(run.status, 1);
      assert.match(run.err, /\[E_STORE_UNREACHABLE\] no PostgreSQL server answers at postgres:\/\/analyst:\*\*\*@127\.0\.0\.1:1\/escapewatch/);
      assert.doesNotMatch(run.err, /hunter2/);
    });

    test("two processes opening a new store at once both migrate it safely", async () => {
      const { url, drop } = await createTestDatabase();
      try {
        const results = await Promise.all([runNode(["--import", "tsx", WRITER, url, "alpha", "200"]), runNode(["--import", "tsx", WRITER, url, "beta", "200"])]);
        for (const result of results) assert.equal(result.code, 0, result.stderr);
        const store = await openStore(url);
        try {
          assert.equal(await store.countDocuments(), 400);
          assert.deepEqual(await store.dirtyBlocks(), ["escape|alpha", "escape|beta"]);
          assert.equal((await store.mentionsInBlocks(["escape|alpha", "escape|beta"])).length, 400);
        } finally {
          await store.close();
        }
      } finally {
        await drop();
      }
    });

    test("two ingest processes sharing blocks end with the incidents one SQLite ingest makes", async () => {
      const scratch = mkdtempSync(join(tmpdir(), "escapewatch-pg-ingest-"));
      const { url, drop } = await createTestDatabase();
      try {
        // Alternate lines, so both processes write documents of the same incidents at once.
        const lines = readFileSync(SAMPLES, "utf8").trim().split("\n");
        const halves = [0, 1].map((half) => {
          const file = join(scratch, `half-${half}.jsonl`);
          writeFileSync(file, lines.filter((_, i) => i % 2 === half).join("\n") + "\n");
          return file;
        });
        const results = await Promise.all(halves.map((file) => runNode([BIN, "ingest", "--db", url, file])));
        for (const result of results) assert.equal(result.code, 0, result.stderr);
        // Each process merges the blocks it dirtied, after its own writes: nothing is left over.
        assert.deepEqual(await dirtyBlocksOf(url), []);

        const sqlite = join(scratch, "one.db");
        assert.equal((await runCli(["ingest", "--db", sqlite, SAMPLES])).status, 0);
        const exported = async (db: string, name: string) => {
          const file = join(scratch, name);
          assert.equal((await runCli(["export", "--db", db, "--format", "json", "--out", file])).status, 0);
          return readFileSync(file, "utf8");
        };
        // Identical ids, figures and sources. Not the revision count (`version`): how many times an
        // incident was rewritten on its way depends on the order reports arrived in, not on the store.
        const withoutVersions = (json: string) => json.replace(/,"version":\d+/g, "");
        const [fromPostgres, fromSqlite] = [await exported(url, "postgres.json"), await exported(sqlite, "sqlite.json")];
        assert.equal(withoutVersions(fromPostgres), withoutVersions(fromSqlite));
      } finally {
        await drop();
        rmSync(scratch, { recursive: true, force: true });
      }
    });
  });
});
