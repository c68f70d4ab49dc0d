// Throwaway databases on a real PostgreSQL server for tests: each test gets its own database,
// created from the admin URL in ESCAPEWATCH_TEST_PG and dropped when its store closes. Outside CI
// a machine without a server skips the PostgreSQL suites with a message; in CI (CI=true) it fails.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import pg from "pg";
import type { Store } from "../store.ts";
import { openStore } from "../open.ts";

export const TEST_ADMIN_URL = process.env.ESCAPEWATCH_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/postgres";

let counter = 0;

/** Why no test database can be made (the server's error), or null when one can. */
export async function postgresProblem(): Promise<string | null> {
  const client = new pg.Client({ connectionString: TEST_ADMIN_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    const e = error as Error & { code?: string; errors?: Error[] };
    return e.message || e.code || e.errors?.map((x) => x.message).join("; ") || String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

async function admin<T>(body: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_ADMIN_URL });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}

function urlOf(name: string): string {
  const url = new URL(TEST_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A new database (`ew_test_<pid>_<n>`, empty or a copy of `template`) and the URL that names it. */
export async function createTestDatabase(template?: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `ew_test_${process.pid}_${counter++}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`));
  return { url: urlOf(name), drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}) };
}

/**
 * A migrated, empty database this process copies for each test: copying it costs a third of
 * creating a database and migrating it. Dropped when the test file ends (see withPostgres).
 */
let template: Promise<{ name: string; drop: () => Promise<void> }> | null = null;

async function migratedTemplate(): Promise<string> {
  template ??= (async () => {
    const { url, drop } = await createTestDatabase();
    const store = await openStore(url);
    await store.close();
    return { name: new URL(url).pathname.slice(1), drop };
  })();
  return (await template).name;
}

/** Drops this process's template database, if one was made. */
export async function dropTemplate(): Promise<void> {
  const made = template;
  template = null;
  if (made) await (await made).drop();
}

/** A migrated store in a database of its own, dropped when the store closes. */
export async function openTestStore(): Promise<Store> {
  const { url, drop } = await createTestDatabase(await migratedTemplate());
  const store = await openStore(url);
  const close = store.close.bind(store);
  store.close = async () => {
    await close();
    await drop();
  };
  return store;
}

/**
 * Runs `suites` when a server answers; otherwise one test that fails in CI and is skipped,
 * saying why, elsewhere.
 */
export async function withPostgres(suites: () => void): Promise<void> {
  const problem = await postgresProblem();
  if (problem === null) {
    after(dropTemplate);
    return suites();
  }
  const message = `no PostgreSQL answers at ${TEST_ADMIN_URL} (${problem}); set ESCAPEWATCH_TEST_PG to a server's admin URL`;
  if (process.env.CI === "true" || process.env.CI === "1") {
    test("a PostgreSQL server answers for the PostgreSQL suites", () => assert.fail(message));
  } else {
    test("PostgreSQL suites", { skip: message }, () => {});
  }
}
