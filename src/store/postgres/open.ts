// Opening a PostgreSQL store from a URL: the database is created when it does not exist yet (a
// team's first `ingest --db postgres://.../escapewatch` needs no psql), pending migrations are
// applied, and the errors a user can hit name the URL (password hidden) and what to do.
import pg from "pg";
import { StoreError } from "../sqlite/sqlite-store.ts";
import { PostgresStore, redactedUrl } from "./postgres-store.ts";

/** SQLSTATE of "database does not exist". */
const NO_DATABASE = "3D000";
/** Network errors of a server that is not there. */
const UNREACHABLE = new Set(["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ETIMEDOUT", "EAI_AGAIN", "ECONNRESET"]);

export async function openPostgresStore(location: string, options: { mustExist?: boolean } = {}): Promise<PostgresStore> {
  let store = new PostgresStore(location);
  try {
    if (options.mustExist) {
      // Read commands create nothing: a database without our tables is no store.
      if ((await store.appliedMigrations()).length === 0) throw missing(location);
    }
    try {
      await store.migrate();
    } catch (error) {
      if ((error as { code?: string }).code !== NO_DATABASE) throw error;
      await store.close();
      await createDatabase(location);
      store = new PostgresStore(location);
      await store.migrate();
    }
    return store;
  } catch (error) {
    await store.close().catch(() => {});
    throw explained(location, error);
  }
}

/** CREATE DATABASE through the server's maintenance database; another process creating it first is fine. */
async function createDatabase(location: string): Promise<void> {
  const url = new URL(location);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ""));
  if (!name) throw new StoreError("E_STORE_URL", `${redactedUrl(location)} names no database: add one, e.g. postgres://user@host:5432/escapewatch`);
  url.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } catch (error) {
    // 42P04: created meanwhile by another process opening the same URL.
    if ((error as { code?: string }).code !== "42P04") throw error;
  } finally {
    await admin.end();
  }
}

function missing(location: string): StoreError {
  return new StoreError(
    "E_STORE_MISSING",
    `no store at ${redactedUrl(location)}: ingest reports into it first (escapewatch ingest --db URL PATH...), or check --db and ESCAPEWATCH_DB`,
  );
}

function explained(location: string, error: unknown): unknown {
  if (error instanceof StoreError) return error;
  const code = (error as { code?: string }).code ?? "";
  if (code === NO_DATABASE) return missing(location);
  const timedOut = /connection timeout|timeout expired|connection terminated unexpectedly/i.test((error as Error)?.message ?? "");
  if (UNREACHABLE.has(code) || timedOut || (error instanceof AggregateError && error.errors.some((e) => UNREACHABLE.has((e as { code?: string }).code ?? "")))) {
    return new StoreError("E_STORE_UNREACHABLE", `no PostgreSQL server answers at ${redactedUrl(location)} (${code || (timedOut ? "no answer" : "connection failed")}): start it, or check the host and port in --db`);
  }
  if (code === "28P01" || code === "28000") {
    return new StoreError("E_STORE_AUTH", `PostgreSQL refused the login at ${redactedUrl(location)}: ${(error as Error).message}`);
  }
  return error;
}
