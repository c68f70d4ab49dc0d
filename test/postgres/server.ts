// The PostgreSQL server the team-scale tests run against (127.0.0.1:5432, trust authentication, as
// on the development and CI machines; ESCAPEWATCH_TEST_PG names another). Each test creates its
// own database and drops it. Without a server the tests skip with the reason, except in CI
// (CI=true), where a missing server is a failure: a suite that silently skips proves nothing.
import pg from "pg";
import { randomBytes } from "node:crypto";

export const TEST_SERVER = process.env.ESCAPEWATCH_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/postgres";
const CONNECT_TIMEOUT_MS = 3000;

/** null when the server answers, else why not (for the skip message, or CI's failure). */
export async function serverProblem(): Promise<string | null> {
  const client = new pg.Client({ connectionString: TEST_SERVER, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    return `no PostgreSQL server at ${TEST_SERVER}: ${(error as Error).message}`;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Options for node:test: skip with the reason when no server answers, but in CI throw, so the
 * missing server fails the run loudly.
 */
export async function requireServer(): Promise<{ skip?: string }> {
  const problem = await serverProblem();
  if (!problem) return {};
  if (process.env.CI === "true") throw new Error(`${problem} (CI must run the PostgreSQL tests: start the server first)`);
  console.log(`# skipped: ${problem}`);
  return { skip: problem };
}

/** A fresh database on the test server; `drop()` removes it (connections still open are ended). */
export async function createDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString("hex")}`.toLowerCase().replace(/[^a-z0-9_]/g, "_");
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: TEST_SERVER });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(TEST_SERVER);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
