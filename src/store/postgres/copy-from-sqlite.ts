// `escapewatch migrate`: copies a SQLite store into an empty PostgreSQL one, table by table and
// row for row, so nothing is recomputed and nothing changes: document versions and aliases,
// mentions, incidents under their ids, merging's tables (the next ingest continues from them),
// feeds with their polling state, alert rules with their outbox and attempts. Both schemas come
// from migrations of the same numbers, so every SQLite table has a PostgreSQL twin with the same
// columns; the whole copy is one transaction, so a failure leaves the target as empty as it was.
import Database from "better-sqlite3";
import pg from "pg";
import { openStore } from "../open.ts";
import { StoreError } from "../sqlite/sqlite-store.ts";
import { redactedUrl } from "./postgres-store.ts";

/** Bound parameters per INSERT: PostgreSQL allows 65535; fewer keep each statement's memory small. */
const PARAMETERS_PER_INSERT = 20_000;
/** Rows read from SQLite per page. */
const ROWS_PER_PAGE = 1000;
/** Tables of the stores' own bookkeeping, written by each store's migrate, never copied. */
const BOOKKEEPING = new Set(["migrations", "schema_migrations"]);

export interface CopiedTable {
  table: string;
  rows: number;
}

/**
 * Copies the SQLite store at `from` into the PostgreSQL store at `to` (created and migrated when
 * needed), which must hold no documents, incidents, feeds or rules yet. Returns the rows per table.
 */
export async function copySqliteToPostgres(from: string, to: string): Promise<CopiedTable[]> {
  // 1. Both stores at the latest schema: the source checked and migrated, the target created.
  const source = await openStore(from, { mustExist: true, check: true });
  await source.close();
  const target = await openStore(to);
  await target.close();

  const sqlite = new Database(from, { readonly: true, fileMustExist: true });
  const client = new pg.Client({ connectionString: to });
  await client.connect();
  try {
    const tables = tablesInCopyOrder(sqlite);
    await client.query("BEGIN");
    // 2. Refuse a target that already holds a store's content: merging two stores is no copy.
    for (const table of ["documents", "incidents", "feeds", "alert_rules"]) {
      const { rows } = await client.query(`SELECT 1 FROM ${table} LIMIT 1`);
      if (rows.length) {
        throw new StoreError("E_MIGRATE_TARGET_NOT_EMPTY", `${redactedUrl(to)} already holds ${table}: migrate into a new, empty database`);
      }
    }
    // 3. Rows as they are. Triggers are off meanwhile: the trigger that queues a stored mention
    //    for merging would queue mentions the source has already placed.
    const copied: CopiedTable[] = [];
    for (const table of tables) {
      const columns = (sqlite.pragma(`table_info(${quoteSqlite(table)})`) as Array<{ name: string }>).map((c) => c.name);
      await client.query(`ALTER TABLE ${pg.escapeIdentifier(table)} DISABLE TRIGGER USER`).catch((error: unknown) => {
        throw new StoreError("E_MIGRATE_SCHEMA", `${redactedUrl(to)} has no table ${table} (${(error as Error).message}): is its escapewatch older than the source's?`);
      });
      copied.push({ table, rows: await copyTable(sqlite, client, table, columns) });
      await client.query(`ALTER TABLE ${pg.escapeIdentifier(table)} ENABLE TRIGGER USER`);
    }
    // 4. Generated ids continue after the copied ones.
    const identities = await client.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE is_identity = 'YES' AND table_schema = current_schema()`,
    );
    for (const { table_name, column_name } of identities.rows) {
      const t = pg.escapeIdentifier(table_name);
      const c = pg.escapeIdentifier(column_name);
      await client.query(`SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT MAX(${c}) FROM ${t}), 0) + 1, false)`, [table_name, column_name]);
    }
    await client.query("COMMIT");
    return copied;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
    sqlite.close();
  }
}

/** The store's tables, every table after the tables its foreign keys name. */
function tablesInCopyOrder(sqlite: Database.Database): string[] {
  const names = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[]).filter(
    (name) => !BOOKKEEPING.has(name),
  );
  const parents = new Map(
    names.map((name) => [name, (sqlite.pragma(`foreign_key_list(${quoteSqlite(name)})`) as Array<{ table: string }>).map((fk) => fk.table).filter((t) => t !== name)]),
  );
  const ordered: string[] = [];
  const visit = (name: string) => {
    if (ordered.includes(name)) return;
    for (const parent of parents.get(name) ?? []) visit(parent);
    ordered.push(name);
  };
  names.forEach(visit);
  return ordered;
}

/** Copies one table in pages, each page in multi-row INSERTs. */
async function copyTable(sqlite: Database.Database, client: pg.Client, table: string, columns: string[]): Promise<number> {
  const perInsert = Math.max(1, Math.floor(PARAMETERS_PER_INSERT / columns.length));
  const columnList = columns.map((c) => pg.escapeIdentifier(c)).join(", ");
  // rowid order: the order SQLite stored the rows in, which ties in the target keep too.
  const page = sqlite.prepare(`SELECT rowid AS "__rowid", ${columns.map(quoteSqlite).join(", ")} FROM ${quoteSqlite(table)} WHERE rowid > ? ORDER BY rowid LIMIT ?`);
  let after = -Infinity;
  let count = 0;
  for (;;) {
    const rows = page.all(after === -Infinity ? Number.MIN_SAFE_INTEGER : after, ROWS_PER_PAGE) as Array<Record<string, unknown>>;
    for (let i = 0; i < rows.length; i += perInsert) {
      const slice = rows.slice(i, i + perInsert);
      const values: unknown[] = [];
      const tuples = slice.map((row) => `(${columns.map((c) => `$${values.push(row[c])}`).join(", ")})`);
      try {
        await client.query(`INSERT INTO ${pg.escapeIdentifier(table)} (${columnList}) VALUES ${tuples.join(", ")}`, values);
      } catch (error) {
        throw new StoreError("E_MIGRATE_ROW", `${table}: a row from SQLite row ${String(slice[0].__rowid)} on was refused: ${(error as Error).message}`);
      }
    }
    count += rows.length;
    if (rows.length < ROWS_PER_PAGE) return count;
    after = rows[rows.length - 1].__rowid as number;
  }
}

function quoteSqlite(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
