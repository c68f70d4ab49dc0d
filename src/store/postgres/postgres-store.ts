// The shared Store: PostgreSQL through node-postgres (`pg`), for a team that reads and writes one
// store from several processes and machines. Same tables, ids, ordering and figures as SQLite
// (see migrations.ts for the collation and JSON choices); what differs is how writers are kept
// apart. SQLite has one writer at a time; here writers run side by side, and advisory locks
// serialise exactly the writes that touch the same thing:
//   - a document write locks its id, its aliases and its content hash (exclusive), so two
//     processes never store the same content twice or race on one id's versions;
//   - every write that changes a block's mentions holds that block's lock shared, and incident
//     merging holds it exclusive while it commits (`pg_advisory_xact_lock` on a hash of the block
//     key), so two processes never merge one block at once and no dirty mark is lost between a
//     merge deciding a block is done and a mention arriving for it.
// Locks are taken in one global order (documents, then blocks, each by hash) so writers cannot
// deadlock one another; PostgreSQL's deadlock detector and a retry cover the rest.
import pg from "pg";
import { isRelevant, type Day, type Doc } from "../../model/doc.ts";
import type { FacilityRef, Incident, IncidentMention, IncidentType } from "../../model/incident.ts";
import type {
  AddResult,
  AlertEntry,
  AlertRule,
  DeliveryAttempt,
  DocumentHistory,
  DocumentLookup,
  DocumentSummary,
  DocumentWrite,
  FacilityHolding,
  FeedItemRecord,
  FeedSource,
  FeedState,
  IncidentFilter,
  IncidentState,
  MergeCommit,
  MergeMention,
  MergeOutcome,
  MergeWork,
  PlacedMention,
  Store,
  StoredDocument,
  StoredMention,
  WriteOutcome,
  FieldChange,
  IncidentChange,
  IncidentRevision,
  ReviewDecision,
  ReviewWrite,
  StoredUser,
  User,
  UserRole,
} from "../store.ts";
import { incidentChanges, incidentDiffers } from "../revisions.ts";
import { countryOf, incidentWhere, searchTextOf } from "../incident-columns.ts";
import { StoreError, type IncidentWithBlock } from "../sqlite/sqlite-store.ts";
import { STATE_COLUMNS, SUMMARY_COLUMNS, automaticAuthor, toDoc, compare, nonNegative, toAlertEntry, toFeedState, toIncident, toPlaced, toRevision, toState, toLookup, toSummary, unique, type AlertRow, type LookupRow, type Author, type DocumentRow, type FeedRow, type IncidentRow, type PlacementRow, type RevisionRow, type StateRow, type SummaryRow } from "../rows.ts";
import { MIGRATIONS } from "./migrations.ts";

export const DEFAULT_INCIDENT_LIMIT = 100;
export const MAX_INCIDENT_LIMIT = 1000;
export const DEFAULT_DOCUMENT_LIMIT = 100;
/** Rows fetched per round trip when streaming (keyset pages, so no cursor holds a connection). */
export const STREAM_BATCH = 500;
/** Connections per process: a CLI command or a worker rarely has more than a few queries in flight. */
export const POOL_SIZE = 4;
/** A server that does not answer (a dropped packet, not a refusal) is reported after this long, not the system's minutes. */
export const CONNECT_TIMEOUT_MS = 10_000;
/** Times a transaction PostgreSQL aborted as a deadlock victim or serialisation failure is run again. */
export const TRANSACTION_RETRIES = 5;
/** The advisory lock that lets one process at a time apply migrations (any fixed number will do). */
const MIGRATION_LOCK = 0x65_77_6d_69; // "ewmi"
/** SQLSTATEs of a transaction that may simply be run again. */
const RETRYABLE = new Set(["40P01", "40001"]);

/**
 * What an id and a content name in the store (lookupDocument): the id's own document, the document
 * it is an alias of, the document holding the content now, and the first that held it earlier.
 */
const LOOKUP_DOCUMENT = `
  SELECT 'id' AS found, ${STATE_COLUMNS} FROM documents WHERE id = $1
  UNION ALL
  SELECT 'alias', d.id, d.version, d.content_hash, d.url, d.title, d.published, d.published_origin
    FROM document_aliases a JOIN documents d ON d.id = a.document WHERE a.alias = $1
  UNION ALL
  SELECT 'content', ${STATE_COLUMNS} FROM documents WHERE content_hash = $2
  UNION ALL
  (SELECT 'earlier', document, version, content_hash, url, title, published, published_origin
     FROM document_versions WHERE content_hash = $2 ORDER BY document, version LIMIT 1)`;

type Db = pg.Pool | pg.PoolClient;

/**
 * BIGINT read back as a number, like SQLite's INTEGER: the store only holds numbers JavaScript
 * wrote. Set per pool, not on the driver, so other users of `pg` in the process keep its defaults.
 */
export const NUMBERS_AS_NUMBERS = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === pg.types.builtins.INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};
type Applied = "done" | "conflict";

export { isPostgresUrl } from "../location.ts";

/** `?` placeholders (shared clauses, see incident-columns.ts) numbered the way PostgreSQL wants them. */
export function numbered(sql: string, offset = 0): string {
  let n = offset;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** The location with its password hidden, for messages. */
export function redactedUrl(location: string): string {
  try {
    const url = new URL(location);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return location;
  }
}

/** What a document write's checks read (see writeFacts). */
interface WriteFacts {
  current: { version: number; contentHash: string; ingestedAt: string } | null;
  aliasOf: string | null;
  contentKnown: boolean;
  aliasFree: boolean;
}

export class PostgresStore implements Store {
  readonly dialect = "postgres";
  private readonly pool: pg.Pool;

  /** `location` is a postgres:// URL; nothing is connected until the first query. */
  constructor(readonly location: string) {
    this.pool = new pg.Pool({ connectionString: location, max: POOL_SIZE, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, types: NUMBERS_AS_NUMBERS });
    // An idle connection the server drops (a restart) must not crash the process: the next
    // query opens a new one.
    this.pool.on("error", () => {});
  }

  /**
   * Applies pending migrations in one transaction under an advisory lock: a second process
   * opening the store at the same moment waits, then finds them applied.
   */
  async migrate(): Promise<void> {
    await this.transaction(async (c) => {
      await c.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
      await c.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
      const applied = new Set((await c.query<{ version: number }>("SELECT version FROM schema_migrations")).rows.map((r) => r.version));
      for (const migration of MIGRATIONS) {
        if (applied.has(migration.version)) continue;
        await c.query(migration.sql);
        await c.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", [
          migration.version,
          migration.name,
          new Date().toISOString(),
        ]);
      }
    });
  }

  /** Versions of the applied migrations, ascending; empty when the database holds no store. */
  async appliedMigrations(): Promise<number[]> {
    const exists = await this.pool.query<{ found: string | null }>("SELECT to_regclass('schema_migrations')::text AS found");
    if (!exists.rows[0].found) return [];
    return (await this.pool.query<{ version: number }>("SELECT version FROM schema_migrations ORDER BY version")).rows.map((r) => r.version);
  }

  /** Runs `body` in one transaction on one connection, again when PostgreSQL picked it as a deadlock victim. */
  private async transaction<T>(body: (c: pg.PoolClient) => Promise<T>, begin = "BEGIN"): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      try {
        await client.query(begin);
        const result = await body(client);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        const code = (error as { code?: string }).code ?? "";
        if (!RETRYABLE.has(code) || attempt >= TRANSACTION_RETRIES) throw error;
      } finally {
        client.release();
      }
    }
  }

  private async rows<T extends pg.QueryResultRow>(db: Db, sql: string, params: unknown[] = []): Promise<T[]> {
    return (await db.query<T>(sql, params)).rows;
  }

  // Locks (see the header).

  /** Exclusive locks on document ids/aliases and content hashes, in hash order. */
  private async lockDocuments(c: pg.PoolClient, ids: string[], hashes: string[]): Promise<void> {
    const keys = [...ids.map((id) => `document:${id}`), ...hashes.map((h) => `content:${h}`)];
    await c.query(
      `SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtextextended(key, 0) AS k FROM unnest($1::text[]) AS key) AS keys ORDER BY k`,
      [keys],
    );
  }

  /** Block locks in hash order: shared for writers of mentions, exclusive for merging. */
  private async lockBlocks(c: pg.PoolClient, blocks: string[], mode: "shared" | "exclusive"): Promise<void> {
    if (blocks.length === 0) return;
    const fn = mode === "shared" ? "pg_advisory_xact_lock_shared" : "pg_advisory_xact_lock";
    await c.query(
      `SELECT ${fn}(k) FROM (SELECT DISTINCT hashtextextended('block:' || block, 0) AS k FROM unnest($1::text[]) AS block) AS keys ORDER BY k`,
      [blocks],
    );
  }

  /** Every lock a batch of document writes needs, taken before its first read. */
  private async lockForWrites(c: pg.PoolClient, items: Array<{ ids: string[]; hash: string | null; item: StoredDocument | null }>): Promise<void> {
    await this.lockDocuments(
      c,
      items.flatMap((i) => i.ids),
      items.flatMap((i) => (i.hash ? [i.hash] : [])),
    );
    const documents = items.flatMap((i) => (i.item ? [i.item.doc.id] : []));
    const old = documents.length
      ? await this.rows<{ block: string }>(c, "SELECT DISTINCT block FROM mentions WHERE document = ANY($1::text[])", [documents])
      : [];
    const fresh = items.flatMap((i) => i.item?.mentions.map((m) => m.block) ?? []);
    await this.lockBlocks(c, [...old.map((r) => r.block), ...fresh], "shared");
  }

  // Documents.

  async addDocument(doc: Doc, mentions: StoredMention[], holdings: FacilityHolding[]): Promise<AddResult> {
    return (await this.addDocuments([{ doc, mentions, holdings }]))[0];
  }

  async addDocuments(batch: StoredDocument[]): Promise<AddResult[]> {
    if (batch.length === 0) return [];
    return this.transaction(async (c) => {
      await this.lockForWrites(c, batch.map((item) => ({ ids: [item.doc.id], hash: item.doc.contentHash, item })));
      const now = new Date().toISOString();
      const results: AddResult[] = [];
      for (const item of batch) results.push(await this.addOne(c, item, now));
      return results;
    });
  }

  /** addDocument's rule, inside its transaction: known content changes nothing, a stored id gets a version. */
  private async addOne(c: pg.PoolClient, item: StoredDocument, now: string): Promise<AddResult> {
    const facts = await this.writeFacts(c, item.doc.id, item.doc.contentHash, null);
    if (facts.contentKnown) return "known";
    if (facts.current) {
      await this.applyWrite(c, { kind: "version", item, basis: facts.current.version }, now, facts);
      return "updated";
    }
    await this.applyWrite(c, { kind: "insert", item, replacesAlias: true }, now, facts);
    return "new";
  }

  async lookupDocument(id: string, contentHash: string): Promise<DocumentLookup> {
    // One round trip instead of up to five: every record of an ingest asks this.
    return toLookup(await this.rows<LookupRow>(this.pool, LOOKUP_DOCUMENT, [id, contentHash]));
  }

  async writeDocuments(writes: DocumentWrite[]): Promise<WriteOutcome[]> {
    if (writes.length === 0) return [];
    return this.transaction(async (c) => {
      await this.lockForWrites(
        c,
        writes.map((w) =>
          w.kind === "alias"
            ? { ids: [w.alias, w.document], hash: null, item: null }
            : { ids: [w.item.doc.id, ...(w.kind !== "insert" && w.alias !== undefined ? [w.alias] : [])], hash: w.item.doc.contentHash, item: w.item },
        ),
      );
      const now = new Date().toISOString();
      const outcomes: WriteOutcome[] = [];
      for (const write of writes) {
        await c.query("SAVEPOINT one_write");
        try {
          outcomes.push(await this.applyWrite(c, write, now));
          await c.query("RELEASE SAVEPOINT one_write");
        } catch (error) {
          // Undone back to the savepoint: this write is gone, the batch goes on.
          await c.query("ROLLBACK TO SAVEPOINT one_write");
          outcomes.push({ error: (error as Error).message });
        }
      }
      return outcomes;
    });
  }

  /**
   * What a write's checks need, in one round trip: the stored document under the id, what the
   * id is an alias of, whether the content is stored, and whether `alias` may name the document.
   */
  private async writeFacts(c: pg.PoolClient, id: string, contentHash: string, alias: string | null): Promise<WriteFacts> {
    const [row] = await this.rows<{
      version: number | null;
      content_hash: string | null;
      ingested_at: string | null;
      alias_of: string | null;
      content_known: boolean;
      alias_is_document: boolean;
      alias_target: string | null;
    }>(
      c,
      `SELECT d.version, d.content_hash, d.ingested_at,
              (SELECT document FROM document_aliases WHERE alias = $1) AS alias_of,
              (EXISTS (SELECT 1 FROM documents WHERE content_hash = $2)
                 OR EXISTS (SELECT 1 FROM document_versions WHERE content_hash = $2)) AS content_known,
              EXISTS (SELECT 1 FROM documents WHERE id = $3) AS alias_is_document,
              (SELECT document FROM document_aliases WHERE alias = $3) AS alias_target
         FROM (SELECT 1) AS one LEFT JOIN documents d ON d.id = $1`,
      [id, contentHash, alias],
    );
    return {
      current: row.version === null ? null : { version: row.version, contentHash: row.content_hash!, ingestedAt: row.ingested_at! },
      aliasOf: row.alias_of,
      contentKnown: row.content_known,
      aliasFree: alias === null || (!row.alias_is_document && (row.alias_target === null || row.alias_target === id)),
    };
  }

  /** One storage decision, inside a transaction holding its locks. Every check comes before the first change. */
  private async applyWrite(c: pg.PoolClient, write: DocumentWrite, now: string, known?: WriteFacts): Promise<Applied> {
    if (write.kind === "alias") return this.addAlias(c, write.alias, write.document, now);
    const { doc, mentions, holdings } = write.item;
    const alias = write.kind !== "insert" && write.alias !== undefined ? write.alias : null;
    const facts = known ?? (await this.writeFacts(c, doc.id, doc.contentHash, alias));
    const current = facts.current;
    switch (write.kind) {
      case "insert": {
        if (current || facts.contentKnown || (facts.aliasOf !== null && !write.replacesAlias)) return "conflict";
        if (facts.aliasOf !== null) await c.query("DELETE FROM document_aliases WHERE alias = $1", [doc.id]);
        await c.query(
          `INSERT INTO documents (version, content_hash, url, title, published, published_origin, text, text_length,
             segments, annotations, relevant, ingested_at, id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
          documentRow(doc, 1, now),
        );
        break;
      }
      case "version": {
        if (!current || current.version !== write.basis || facts.contentKnown || !facts.aliasFree) return "conflict";
        // One statement: the CTE copies the row as it was before the UPDATE beside it changes it.
        await c.query(
          `WITH kept AS (
             INSERT INTO document_versions (document, version, content_hash, url, title, published, published_origin,
               text, text_length, segments, ingested_at, superseded_at)
             SELECT id, version, content_hash, url, title, published, published_origin, text, text_length, segments, ingested_at, $14
               FROM documents WHERE id = $13)
           UPDATE documents SET version = $1, content_hash = $2, url = $3, title = $4, published = $5, published_origin = $6,
             text = $7, text_length = $8, segments = $9, annotations = $10, relevant = $11, ingested_at = $12
           WHERE id = $13`,
          [...documentRow(doc, current.version + 1, now), now],
        );
        break;
      }
      case "refresh": {
        if (!current || current.version !== write.basis || current.contentHash !== doc.contentHash || !facts.aliasFree) return "conflict";
        await this.updateDocument(c, doc, current.version, current.ingestedAt);
        break;
      }
    }
    if (alias !== null) {
      await c.query("INSERT INTO document_aliases (alias, document, added_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", [alias, doc.id, now]);
    }
    await this.replaceExtraction(c, doc.id, mentions, holdings);
    return "done";
  }

  private async updateDocument(c: pg.PoolClient, doc: Doc, version: number, ingestedAt: string): Promise<void> {
    await c.query(
      `UPDATE documents SET version = $1, content_hash = $2, url = $3, title = $4, published = $5, published_origin = $6,
         text = $7, text_length = $8, segments = $9, annotations = $10, relevant = $11, ingested_at = $12
       WHERE id = $13`,
      documentRow(doc, version, ingestedAt),
    );
  }

  /** The document row `id` names directly (not through an alias). */
  private async currentRow(db: Db, id: string): Promise<DocumentRow | undefined> {
    return (await this.rows<DocumentRow>(db, "SELECT * FROM documents WHERE id = $1", [id]))[0];
  }

  private async aliasTarget(db: Db, id: string): Promise<string | null> {
    return (await this.rows<{ document: string }>(db, "SELECT document FROM document_aliases WHERE alias = $1", [id]))[0]?.document ?? null;
  }

  /** True when `alias` may name `document`: it is no document's id and no other document's alias. */
  private async aliasFree(db: Db, alias: string, document: string): Promise<boolean> {
    const target = await this.aliasTarget(db, alias);
    return !(await this.currentRow(db, alias)) && (target === null || target === document);
  }

  private async addAlias(c: pg.PoolClient, alias: string, document: string, now: string): Promise<Applied> {
    if (!(await this.currentRow(c, document)) || !(await this.aliasFree(c, alias, document))) return "conflict";
    await c.query("INSERT INTO document_aliases (alias, document, added_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", [alias, document, now]);
    return "done";
  }

  private async contentKnown(db: Db, contentHash: string): Promise<boolean> {
    const rows = await this.rows(
      db,
      `SELECT 1 FROM documents WHERE content_hash = $1
       UNION ALL SELECT 1 FROM document_versions WHERE content_hash = $1 LIMIT 1`,
      [contentHash],
    );
    return rows.length > 0;
  }

  /**
   * The document's mentions and holdings become `mentions` and `holdings`. The blocks of the old
   * mentions and of the new ones are marked dirty, so incidents drop what the old version said.
   */
  private async replaceExtraction(c: pg.PoolClient, document: string, mentions: StoredMention[], holdings: FacilityHolding[]): Promise<void> {
    // 1. Out with the old: its blocks marked dirty (the mention trigger queues them for merging afresh).
    await c.query(
      `WITH gone AS (DELETE FROM mentions WHERE document = $1 RETURNING block),
            dropped AS (DELETE FROM holdings WHERE document = $1)
       INSERT INTO dirty_blocks (block) SELECT DISTINCT block FROM gone ORDER BY block ON CONFLICT DO NOTHING`,
      [document],
    );
    if (mentions.length === 0 && holdings.length === 0) return;
    // 2. In with the new, and their blocks marked dirty. Holdings keep the given order (holdingsOf orders by id last).
    await c.query(
      `WITH added AS (
         INSERT INTO mentions (document, id, block, json)
         SELECT $1, id, block, json FROM unnest($2::text[], $3::text[], $4::text[]) AS m(id, block, json)
         RETURNING block),
       held AS (
         INSERT INTO holdings (facility_id, document, since, facility, json)
         SELECT facility_id, $1, since, facility, json
           FROM unnest($5::text[], $6::text[], $7::text[], $8::text[]) WITH ORDINALITY AS h(facility_id, since, facility, json, n)
          ORDER BY n)
       INSERT INTO dirty_blocks (block) SELECT DISTINCT block FROM added ORDER BY block ON CONFLICT DO NOTHING`,
      [
        document,
        mentions.map((m) => m.mention.id),
        mentions.map((m) => m.block),
        mentions.map((m) => JSON.stringify(m.mention)),
        holdings.map((h) => h.facility.id),
        holdings.map((h) => h.since?.earliest ?? null),
        holdings.map((h) => JSON.stringify(h.facility)),
        holdings.map((h) => JSON.stringify(h)),
      ],
    );
  }

  async hasContent(contentHash: string): Promise<boolean> {
    return this.contentKnown(this.pool, contentHash);
  }

  /** The row of the document `id` names, directly or through an alias. */
  private async resolvedRow(id: string): Promise<DocumentRow | undefined> {
    return (
      (await this.currentRow(this.pool, id)) ??
      (await this.rows<DocumentRow>(this.pool, "SELECT d.* FROM document_aliases a JOIN documents d ON d.id = a.document WHERE a.alias = $1", [id]))[0]
    );
  }

  async getDocument(id: string): Promise<Doc | null> {
    const row = await this.resolvedRow(id);
    return row ? toDoc(row) : null;
  }

  async getDocumentVersion(id: string, version: number): Promise<Doc | null> {
    const current = await this.resolvedRow(id);
    if (!current) return null;
    if (current.version === version) return toDoc(current);
    const [row] = await this.rows<DocumentRow & { document: string }>(this.pool, "SELECT * FROM document_versions WHERE document = $1 AND version = $2", [
      current.id,
      version,
    ]);
    if (!row) return null;
    return toDoc({ ...row, id: row.document, annotations: "[]" });
  }

  async documentHistory(id: string): Promise<DocumentHistory | null> {
    const current = await this.resolvedRow(id);
    if (!current) return null;
    const earlier = await this.rows<SummaryRow>(
      this.pool,
      `SELECT version, content_hash, url, title, published, text_length, ingested_at
         FROM document_versions WHERE document = $1 ORDER BY version`,
      [current.id],
    );
    const version = (row: SummaryRow, isCurrent: boolean) => ({
      version: row.version,
      current: isCurrent,
      contentHash: row.content_hash,
      url: row.url,
      title: row.title,
      published: row.published,
      length: row.text_length,
      ingestedAt: row.ingested_at,
    });
    const aliases = await this.rows<{ alias: string }>(this.pool, "SELECT alias FROM document_aliases WHERE document = $1 ORDER BY alias", [current.id]);
    return {
      id: current.id,
      versions: [...earlier.map((row) => version(row, false)), version(current, true)],
      aliases: aliases.map((r) => r.alias),
    };
  }

  async listDocuments(opts: { limit?: number; offset?: number } = {}): Promise<DocumentSummary[]> {
    const rows = await this.rows<SummaryRow>(this.pool, `SELECT ${SUMMARY_COLUMNS} FROM documents ORDER BY id LIMIT $1 OFFSET $2`, [
      nonNegative(opts.limit, DEFAULT_DOCUMENT_LIMIT),
      nonNegative(opts.offset, 0),
    ]);
    return rows.map(toSummary);
  }

  async countDocuments(): Promise<number> {
    return (await this.rows<{ n: number }>(this.pool, "SELECT COUNT(*)::int AS n FROM documents"))[0].n;
  }

  // Blocks and mentions.

  async dirtyBlocks(): Promise<string[]> {
    return (await this.rows<{ block: string }>(this.pool, "SELECT block FROM dirty_blocks ORDER BY block")).map((r) => r.block);
  }

  async mentionsInBlocks(blocks: string[]): Promise<StoredMention[]> {
    if (blocks.length === 0) return [];
    const rows = await this.rows<{ block: string; document: string; id: string; json: string }>(
      this.pool,
      "SELECT block, document, id, json FROM mentions WHERE block = ANY($1::text[])",
      [unique(blocks)],
    );
    // Sorted like SQLite's store sorts them: by UTF-16 code units, in JavaScript.
    rows.sort((a, b) => compare(a.block, b.block) || compare(a.document, b.document) || compare(a.id, b.id));
    return rows.map((row) => ({ block: row.block, mention: JSON.parse(row.json) as IncidentMention }));
  }

  async allBlocks(): Promise<string[]> {
    return (await this.rows<{ block: string }>(this.pool, "SELECT DISTINCT block FROM mentions ORDER BY block")).map((r) => r.block);
  }

  async publishedDays(documentIds: string[]): Promise<Map<string, Day | null>> {
    const days = new Map<string, Day | null>();
    if (documentIds.length === 0) return days;
    const rows = await this.rows<{ id: string; published: string | null }>(this.pool, "SELECT id, published FROM documents WHERE id = ANY($1::text[])", [
      unique(documentIds),
    ]);
    for (const row of rows) days.set(row.id, row.published);
    return days;
  }

  // Incidents.

  /**
   * Replaces the incidents of `blocks` in one transaction holding the blocks' merge locks. Each
   * incident's block is its `block` property when given, else the stored block of its first
   * mention, else the single block being replaced.
   */
  async replaceIncidents(blocks: string[], incidents: IncidentWithBlock[]): Promise<void> {
    await this.transaction(async (c) => {
      await this.lockBlocks(c, blocks, "exclusive");
      const author = automaticAuthor();
      const previous = new Set<string>();
      for (const block of blocks) {
        for (const row of await this.rows<{ id: string }>(c, "SELECT id FROM incidents WHERE block = $1", [block])) previous.add(row.id);
        await c.query("DELETE FROM dirty_blocks WHERE block = $1", [block]);
        await this.forgetMergeState(c, block);
      }
      for (const incident of incidents) {
        const { block: _block, ...plain } = incident;
        await this.writeIncident(c, plain, await this.blockOf(c, incident, blocks), author);
        previous.delete(incident.id);
      }
      // Written after the new ones, so an incident that stays is a revision, not a deletion and a creation.
      for (const id of previous) await this.deleteIncident(c, id, author);
    });
  }

  /** Drops merging's state for a block and queues its mentions again: the next update starts from scratch. */
  private async forgetMergeState(c: pg.PoolClient, block: string): Promise<void> {
    await c.query("DELETE FROM merge_placements WHERE block = $1", [block]);
    await c.query("DELETE FROM merge_states WHERE block = $1", [block]);
    await c.query(
      `INSERT INTO merge_blocks (block, version, fresh) VALUES ($1, 1, 1)
       ON CONFLICT (block) DO UPDATE SET version = merge_blocks.version + 1, fresh = 1`,
      [block],
    );
    await c.query(
      "INSERT INTO merge_pending (document, mention, block) SELECT document, id, block FROM mentions WHERE block = $1 ON CONFLICT DO NOTHING",
      [block],
    );
  }

  private async blockOf(c: pg.PoolClient, incident: IncidentWithBlock, blocks: string[]): Promise<string> {
    if (incident.block) return incident.block;
    const first = incident.mentions[0];
    if (first !== undefined) {
      const [row] = await this.rows<{ block: string }>(c, "SELECT block FROM mentions WHERE id = $1 ORDER BY document LIMIT 1", [first]);
      if (row) return row.block;
    }
    if (blocks.length === 1) return blocks[0];
    throw new StoreError("E_STORE_INCIDENT_BLOCK", `incident ${incident.id} names no stored mention and no block: set its "block" property`);
  }

  /**
   * Inserts or replaces one incident (an id that exists elsewhere is replaced: the latest write
   * wins) and records the revision when anything but its block changed.
   */
  private async writeIncident(c: pg.PoolClient, incident: Incident, block: string, author: Author): Promise<void> {
    const [row] = await this.rows<{ json: string; version: number; block: string }>(c, "SELECT json, version, block FROM incidents WHERE id = $1", [incident.id]);
    const before = row ? (JSON.parse(row.json) as Incident) : null;
    if (before && !incidentDiffers(before, incident)) {
      if (row.block !== block) await c.query("UPDATE incidents SET block = $1 WHERE id = $2", [block, incident.id]);
      return;
    }
    const version = (row ? row.version : await this.lastRevision(c, incident.id)) + 1;
    const written: Incident = { ...incident, version };
    const facility = incident.facility;
    await c.query("DELETE FROM incidents WHERE id = $1", [incident.id]);
    await c.query(
      `WITH next AS (UPDATE incident_revision SET value = value + 1 RETURNING value)
       INSERT INTO incidents (id, block, type, status, facility_id, facility_name, facility, country, earliest, latest, search, json, version, reviewed, revision)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::integer, $14::integer, next.value FROM next`,
      [
        incident.id,
        block,
        incident.type,
        incident.status,
        facility?.id ?? null,
        facility?.name.toLowerCase() ?? null,
        facility ? JSON.stringify(facility) : null,
        countryOf(incident),
        incident.date?.earliest ?? null,
        incident.date?.latest ?? null,
        searchTextOf(incident),
        JSON.stringify(written),
        version,
        incident.reviewed ? 1 : 0,
      ],
    );
    if (incident.documents.length) {
      await c.query(
        "INSERT INTO incident_documents (incident, document) SELECT $1, d FROM unnest($2::text[]) AS d ON CONFLICT DO NOTHING",
        [incident.id, incident.documents],
      );
    }
    const action = author.action ?? (before ? "updated" : "created");
    await this.recordRevision(c, incident.id, version, author, action, incidentChanges(before, incident), false);
  }

  /** Deletes an incident, recording the deletion as its last revision; nothing when it is not stored. */
  private async deleteIncident(c: pg.PoolClient, id: string, author: Author): Promise<void> {
    const [row] = await this.rows<{ json: string; version: number }>(c, "DELETE FROM incidents WHERE id = $1 RETURNING json, version", [id]);
    if (!row) return;
    const before = JSON.parse(row.json) as Incident;
    await this.recordRevision(c, id, row.version + 1, author, author.action ?? "deleted", incidentChanges(before, null), true);
  }

  private async lastRevision(c: pg.PoolClient, id: string): Promise<number> {
    return (await this.rows<{ v: number | null }>(c, "SELECT MAX(version) AS v FROM incident_revisions WHERE incident = $1", [id]))[0].v ?? 0;
  }

  private async recordRevision(c: pg.PoolClient, id: string, version: number, author: Author, action: string, changes: FieldChange[], deleted: boolean): Promise<void> {
    await c.query(
      `INSERT INTO incident_revisions (incident, version, at, by, action, changes, note, deleted) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (incident, version) DO UPDATE SET at = excluded.at, by = excluded.by, action = excluded.action,
         changes = excluded.changes, note = excluded.note, deleted = excluded.deleted`,
      [id, version, author.at, author.by, action, JSON.stringify(changes), author.note, deleted ? 1 : 0],
    );
  }

  // Incremental merging.

  /** Reads the block's version and pending mentions from one snapshot. */
  async mergeWork(block: string, opts: { fromScratch?: boolean } = {}): Promise<MergeWork> {
    return this.transaction(async (c) => {
      const [row] = await this.rows<{ version: number; fresh: number }>(c, "SELECT version, fresh FROM merge_blocks WHERE block = $1", [block]);
      const fresh = opts.fromScratch === true || !row || row.fresh === 1;
      const sql = fresh
        ? `SELECT m.json, d.published FROM mentions m JOIN documents d ON d.id = m.document WHERE m.block = $1 ORDER BY m.document, m.id`
        : `SELECT m.json, d.published FROM merge_pending q
             JOIN mentions m ON m.document = q.document AND m.id = q.mention
             JOIN documents d ON d.id = q.document
            WHERE q.block = $1 ORDER BY m.document, m.id`;
      const rows = await this.rows<{ json: string; published: string | null }>(c, sql, [block]);
      const pending: MergeMention[] = rows.map((r) => ({ mention: JSON.parse(r.json) as IncidentMention, published: r.published }));
      return { version: row?.version ?? 0, fresh, pending };
    }, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  }

  async placedSince(block: string, published: Day | null): Promise<PlacedMention[]> {
    const select = `SELECT p.incident, p.published, m.json FROM merge_placements p JOIN mentions m ON m.document = p.document AND m.id = p.mention`;
    const rows =
      published === null
        ? await this.rows<PlacementRow>(this.pool, `${select} WHERE p.block = $1 AND p.published IS NULL ORDER BY p.document, p.mention`, [block])
        : await this.rows<PlacementRow>(
            this.pool,
            `${select} WHERE p.block = $1 AND (p.published >= $2 OR p.published IS NULL) ORDER BY p.document, p.mention`,
            [block, published],
          );
    return rows.map(toPlaced);
  }

  async membersOf(incidents: string[]): Promise<Map<string, PlacedMention[]>> {
    const members = new Map<string, PlacedMention[]>(unique(incidents).map((id) => [id, []]));
    if (incidents.length === 0) return members;
    const rows = await this.rows<PlacementRow>(
      this.pool,
      `SELECT p.incident, p.published, m.json FROM merge_placements p JOIN mentions m ON m.document = p.document AND m.id = p.mention
        WHERE p.incident = ANY($1::text[]) ORDER BY p.document, p.mention`,
      [unique(incidents)],
    );
    for (const row of rows) members.get(row.incident!)!.push(toPlaced(row));
    return members;
  }

  async statesNear(block: string, from: number, to: number): Promise<IncidentState[]> {
    const rows = await this.rows<StateRow>(
      this.pool,
      `SELECT * FROM merge_states WHERE block = $1 AND ((match_end >= $2 AND match_start <= $3) OR match_start IS NULL) ORDER BY incident`,
      [block, from, to],
    );
    return rows.map(toState);
  }

  async statesDated(block: string, type: IncidentType, from: number, to: number): Promise<IncidentState[]> {
    const rows = await this.rows<StateRow>(
      this.pool,
      `SELECT * FROM merge_states WHERE block = $1 AND type = $2 AND date_end >= $3 AND date_start <= $4 ORDER BY incident`,
      [block, type, from, to],
    );
    return rows.map(toState);
  }

  async statesAttachedTo(escapes: string[]): Promise<IncidentState[]> {
    return this.statesWhere("attached_to", escapes);
  }

  async statesOf(ids: string[]): Promise<IncidentState[]> {
    return this.statesWhere("incident", ids);
  }

  private async statesWhere(column: "incident" | "attached_to", values: string[]): Promise<IncidentState[]> {
    if (values.length === 0) return [];
    const rows = await this.rows<StateRow>(this.pool, `SELECT * FROM merge_states WHERE ${column} = ANY($1::text[])`, [unique(values)]);
    return rows.map(toState).sort((a, b) => compare(a.id, b.id));
  }

  /**
   * Writes one resolution step while holding the block's exclusive merge lock: no other process
   * commits to this block, and no writer adds or removes its mentions, until this commits.
   */
  async commitMerge(commit: MergeCommit): Promise<MergeOutcome> {
    const { block } = commit;
    return this.transaction(async (c): Promise<MergeOutcome> => {
      await this.lockBlocks(c, [block], "exclusive");
      // 1. Refuse a plan made on a state another writer has changed since.
      const [row] = await this.rows<{ version: number }>(c, "SELECT version FROM merge_blocks WHERE block = $1", [block]);
      const version = row?.version ?? 0;
      if (version !== commit.version) return "stale";
      // 2. A resolution from scratch replaces everything merging kept for the block. Its old
      //    incidents are deleted after the new ones are written (below), so one that stays is
      //    a revision of itself rather than a deletion and a creation.
      const author = automaticAuthor();
      const previous = new Set<string>();
      if (commit.reset) {
        await c.query("DELETE FROM merge_placements WHERE block = $1", [block]);
        await c.query("DELETE FROM merge_states WHERE block = $1", [block]);
        for (const row of await this.rows<{ id: string }>(c, "SELECT id FROM incidents WHERE block = $1", [block])) previous.add(row.id);
      }
      // 3. Placements, states, incidents.
      if (commit.placements.length) {
        const p = commit.placements;
        await c.query(
          `INSERT INTO merge_placements (document, mention, block, published, start, incident)
           SELECT document, mention, $1, published, start, incident
             FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::text[]) AS p(document, mention, published, start, incident)
           ON CONFLICT (document, mention) DO UPDATE SET block = excluded.block, published = excluded.published,
             start = excluded.start, incident = excluded.incident`,
          [block, p.map((x) => x.document), p.map((x) => x.mention), p.map((x) => x.published), p.map((x) => x.start), p.map((x) => x.incident)],
        );
        await c.query(
          `DELETE FROM merge_pending q USING unnest($1::text[], $2::text[]) AS p(document, mention)
            WHERE q.document = p.document AND q.mention = p.mention`,
          [p.map((x) => x.document), p.map((x) => x.mention)],
        );
      }
      if (commit.removedStates.length) {
        await c.query("DELETE FROM merge_states WHERE incident = ANY($1::text[])", [commit.removedStates]);
      }
      for (const st of commit.states) {
        await c.query(
          `INSERT INTO merge_states (incident, block, type, match_start, match_end, date_start, date_end, attached_to, data)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           ON CONFLICT (incident) DO UPDATE SET block = excluded.block, type = excluded.type, match_start = excluded.match_start,
             match_end = excluded.match_end, date_start = excluded.date_start, date_end = excluded.date_end,
             attached_to = excluded.attached_to, data = excluded.data`,
          [st.id, block, st.type, st.match?.start ?? null, st.match?.end ?? null, st.date?.start ?? null, st.date?.end ?? null, st.attachedTo, st.data],
        );
      }
      for (const id of commit.removedIncidents) await this.deleteIncident(c, id, author);
      for (const incident of commit.incidents) {
        await this.writeIncident(c, incident, block, author);
        previous.delete(incident.id);
      }
      for (const id of previous) await this.deleteIncident(c, id, author);
      // 4. A new version; the block stays dirty while mentions stored meanwhile wait.
      await c.query(
        `INSERT INTO merge_blocks (block, version, fresh) VALUES ($1, $2, 0)
         ON CONFLICT (block) DO UPDATE SET version = excluded.version, fresh = 0`,
        [block, version + 1],
      );
      if ((await this.rows(c, "SELECT 1 FROM merge_pending WHERE block = $1 LIMIT 1", [block])).length) {
        await c.query("INSERT INTO dirty_blocks (block) VALUES ($1) ON CONFLICT DO NOTHING", [block]);
        return "more";
      }
      await c.query("DELETE FROM dirty_blocks WHERE block = $1", [block]);
      return "done";
    });
  }

  async listIncidents(filter: IncidentFilter = {}): Promise<Incident[]> {
    const { where, params } = incidentWhere(filter);
    const limit = Math.min(nonNegative(filter.limit, DEFAULT_INCIDENT_LIMIT), MAX_INCIDENT_LIMIT);
    const rows = await this.rows<IncidentRow>(
      this.pool,
      numbered(`SELECT json, version FROM incidents ${where} ORDER BY earliest IS NULL, earliest DESC, id LIMIT ? OFFSET ?`),
      [...params, limit, nonNegative(filter.offset, 0)],
    );
    return rows.map(toIncident);
  }

  async countIncidents(filter: IncidentFilter = {}): Promise<number> {
    const { where, params } = incidentWhere(filter);
    return (await this.rows<{ n: number }>(this.pool, numbered(`SELECT COUNT(*)::int AS n FROM incidents ${where}`), params))[0].n;
  }

  async getIncident(id: string): Promise<Incident | null> {
    const [row] = await this.rows<IncidentRow>(this.pool, "SELECT json, version FROM incidents WHERE id = $1", [id]);
    return row ? toIncident(row) : null;
  }

  async *iterateIncidents(filter: IncidentFilter = {}): AsyncIterable<Incident> {
    const { where, params } = incidentWhere(filter);
    for await (const row of this.iterateRows<IncidentRow & { id: string }>("incidents", "id, json, version", where, params)) {
      yield toIncident(row);
    }
  }

  async *iterateDocuments(filter: IncidentFilter = {}): AsyncIterable<DocumentSummary> {
    const { where, params } = incidentWhere(filter);
    if (!where) {
      for await (const row of this.iterateRows<SummaryRow>("documents", SUMMARY_COLUMNS)) yield toSummary(row);
      return;
    }
    const reported = `WHERE id IN (SELECT link.document FROM incident_documents AS link
      WHERE link.incident IN (SELECT id FROM incidents ${where}))`;
    for await (const row of this.iterateRows<SummaryRow>("documents", SUMMARY_COLUMNS, reported, params)) yield toSummary(row);
  }

  async documentSummaries(ids: string[]): Promise<DocumentSummary[]> {
    if (ids.length === 0) return [];
    const rows = await this.rows<SummaryRow>(this.pool, `SELECT ${SUMMARY_COLUMNS} FROM documents WHERE id = ANY($1::text[])`, [unique(ids)]);
    const byId = new Map(rows.map((row) => [row.id, toSummary(row)]));
    return unique(ids).flatMap((id) => byId.get(id) ?? []);
  }

  /** Streams a table in id order, one keyset page at a time: no connection is held between pages. */
  private async *iterateRows<Row extends { id: string } & pg.QueryResultRow>(
    table: string,
    columns: string,
    where = "",
    params: unknown[] = [],
  ): AsyncIterable<Row> {
    const condition = where ? `${where} AND id > ?` : "WHERE id > ?";
    const sql = numbered(`SELECT ${columns} FROM ${table} ${condition} ORDER BY id LIMIT ?`);
    let after = "";
    for (;;) {
      const rows = await this.rows<Row>(this.pool, sql, [...params, after, STREAM_BATCH]);
      for (const row of rows) yield row;
      if (rows.length < STREAM_BATCH) return;
      after = rows[rows.length - 1].id;
    }
  }

  // Facilities.

  async holdingsOf(facilityId: string): Promise<FacilityHolding[]> {
    const rows = await this.rows<{ json: string }>(
      this.pool,
      "SELECT json FROM holdings WHERE facility_id = $1 ORDER BY since IS NOT NULL, since, id",
      [facilityId],
    );
    return rows.map((r) => JSON.parse(r.json) as FacilityHolding);
  }

  /** Facilities with incidents (most incidents first), then those known only from holdings. */
  async listFacilities(): Promise<Array<{ facility: FacilityRef; incidents: number }>> {
    const rows = await this.rows<{ facility: string; incidents: number }>(
      this.pool,
      `SELECT facility, incidents FROM (
         SELECT facility_id, MAX(facility) AS facility, COUNT(*)::int AS incidents
           FROM incidents WHERE facility_id IS NOT NULL GROUP BY facility_id
         UNION ALL
         SELECT facility_id, MAX(facility), 0 FROM holdings
          WHERE facility_id NOT IN (SELECT facility_id FROM incidents WHERE facility_id IS NOT NULL)
          GROUP BY facility_id) AS known
       ORDER BY incidents DESC, facility_id`,
    );
    return rows.map((row) => ({ facility: JSON.parse(row.facility) as FacilityRef, incidents: row.incidents }));
  }

  // Feeds.

  async addFeed(feed: FeedSource): Promise<AddResult> {
    const result = await this.pool.query(
      "INSERT INTO feeds (name, url, interval_seconds, added_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
      [feed.name, feed.url, feed.intervalSeconds, new Date().toISOString()],
    );
    return result.rowCount === 1 ? "new" : "known";
  }

  async listFeeds(): Promise<FeedState[]> {
    return (await this.rows<FeedRow>(this.pool, "SELECT * FROM feeds ORDER BY name")).map(toFeedState);
  }

  async removeFeed(nameOrUrl: string): Promise<boolean> {
    return ((await this.pool.query("DELETE FROM feeds WHERE name = $1 OR url = $1", [nameOrUrl])).rowCount ?? 0) > 0;
  }

  async saveFeedState(state: FeedState): Promise<void> {
    await this.pool.query(
      `UPDATE feeds SET etag = $1, last_modified = $2, next_poll_at = $3, last_polled_at = $4, last_ok_at = $5,
         failures = $6, last_error = $7 WHERE name = $8`,
      [state.etag, state.lastModified, state.nextPollAt, state.lastPolledAt, state.lastOkAt, state.failures, state.lastError, state.name],
    );
  }

  async feedItem(feed: string, key: string): Promise<FeedItemRecord | null> {
    const [row] = await this.rows<{ fingerprint: string; document: string | null }>(
      this.pool,
      "SELECT fingerprint, document FROM feed_items WHERE feed = $1 AND item_key = $2",
      [feed, key],
    );
    return row ? { feed, key, fingerprint: row.fingerprint, document: row.document } : null;
  }

  async saveFeedItem(item: FeedItemRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO feed_items (feed, item_key, fingerprint, document, read_at)
       SELECT $1, $2, $3, $4, $5 WHERE EXISTS (SELECT 1 FROM feeds WHERE name = $1)
       ON CONFLICT (feed, item_key) DO UPDATE SET fingerprint = excluded.fingerprint, document = excluded.document,
         read_at = excluded.read_at`,
      [item.feed, item.key, item.fingerprint, item.document, new Date().toISOString()],
    );
  }

  // Alert rules and the outbox.

  async addRule(rule: AlertRule): Promise<AddResult> {
    const result = await this.pool.query("INSERT INTO alert_rules (name, json, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", [
      rule.name,
      JSON.stringify(rule),
      new Date().toISOString(),
    ]);
    return result.rowCount === 1 ? "new" : "known";
  }

  async listRules(): Promise<AlertRule[]> {
    return (await this.rows<{ json: string }>(this.pool, "SELECT json FROM alert_rules ORDER BY name")).map((r) => JSON.parse(r.json) as AlertRule);
  }

  async removeRule(name: string): Promise<boolean> {
    return ((await this.pool.query("DELETE FROM alert_rules WHERE name = $1", [name])).rowCount ?? 0) > 0;
  }

  async alertSignatures(rule: string): Promise<Map<string, string>> {
    const rows = await this.rows<{ incident: string; signature: string }>(this.pool, "SELECT incident, signature FROM alert_seen WHERE rule = $1", [rule]);
    return new Map(rows.map((r) => [r.incident, r.signature]));
  }

  async recordAlertCheck(
    rule: string,
    incident: string,
    signature: string,
    alert: { change: string; payload: string; nextAttemptAt: string | null } | null,
  ): Promise<boolean> {
    return this.transaction(async (c) => {
      await c.query(
        `INSERT INTO alert_seen (rule, incident, signature) VALUES ($1, $2, $3)
         ON CONFLICT (rule, incident) DO UPDATE SET signature = excluded.signature`,
        [rule, incident, signature],
      );
      if (!alert) return false;
      const queued = await c.query(
        `INSERT INTO alert_outbox (rule, incident, change, payload, created_at, next_attempt_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (rule, incident, change) DO NOTHING`,
        [rule, incident, alert.change, alert.payload, new Date().toISOString(), alert.nextAttemptAt],
      );
      return queued.rowCount === 1;
    });
  }

  async incidentRevision(): Promise<number> {
    return Number((await this.rows<{ value: string }>(this.pool, "SELECT value FROM incident_revision"))[0].value);
  }

  async *changedIncidents(after: number, upTo: number): AsyncIterable<Incident> {
    // The revision index alone: a few changed incidents among many are found without a scan.
    for await (const row of this.iterateRows<{ id: string; json: string }>("incidents", "id, json", "WHERE revision > ? AND revision <= ?", [after, upTo])) {
      yield JSON.parse(row.json) as Incident;
    }
  }

  async checkedRevision(rule: string): Promise<number> {
    const [row] = await this.rows<{ checked_revision: string }>(this.pool, "SELECT checked_revision FROM alert_rules WHERE name = $1", [rule]);
    return row ? Number(row.checked_revision) : 0;
  }

  async saveCheckedRevision(rule: string, revision: number): Promise<void> {
    await this.pool.query("UPDATE alert_rules SET checked_revision = GREATEST(checked_revision, $1) WHERE name = $2", [revision, rule]);
  }

  async recentAlerts(since: string, limit: number): Promise<AlertEntry[]> {
    const rows = await this.rows<AlertRow>(this.pool, "SELECT * FROM alert_outbox WHERE created_at > $1 ORDER BY created_at DESC, id DESC LIMIT $2", [since, limit]);
    return rows.map(toAlertEntry);
  }

  async alertsOf(rule: string, limit: number): Promise<AlertEntry[]> {
    return (await this.rows<AlertRow>(this.pool, "SELECT * FROM alert_outbox WHERE rule = $1 ORDER BY id DESC LIMIT $2", [rule, limit])).map(toAlertEntry);
  }

  async dueAlerts(now: string): Promise<AlertEntry[]> {
    const rows = await this.rows<AlertRow>(
      this.pool,
      "SELECT * FROM alert_outbox WHERE next_attempt_at IS NOT NULL AND next_attempt_at <= $1 ORDER BY id",
      [now],
    );
    return rows.map(toAlertEntry);
  }

  async recordDeliveryAttempt(attempt: DeliveryAttempt, after: { deliveredAt: string | null; nextAttemptAt: string | null }): Promise<void> {
    await this.transaction(async (c) => {
      await c.query("INSERT INTO alert_attempts (alert, attempt, at, status, error) VALUES ($1, $2, $3, $4, $5)", [
        attempt.alert,
        attempt.attempt,
        attempt.at,
        attempt.status,
        attempt.error,
      ]);
      await c.query("UPDATE alert_outbox SET attempts = $1, delivered_at = $2, next_attempt_at = $3 WHERE id = $4", [
        attempt.attempt,
        after.deliveredAt,
        after.nextAttemptAt,
        attempt.alert,
      ]);
    });
  }

  async deliveryAttempts(rule: string): Promise<DeliveryAttempt[]> {
    return this.rows<DeliveryAttempt & pg.QueryResultRow>(
      this.pool,
      `SELECT a.alert, a.attempt, a.at, a.status, a.error FROM alert_attempts a JOIN alert_outbox o ON o.id = a.alert
       WHERE o.rule = $1 ORDER BY a.alert, a.attempt`,
      [rule],
    );
  }

  // People and their review decisions.

  async addUser(user: StoredUser): Promise<AddResult> {
    const result = await this.pool.query("INSERT INTO users (name, role, token_hash, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING", [
      user.name,
      user.role,
      user.tokenHash,
      user.createdAt,
    ]);
    return result.rowCount === 1 ? "new" : "known";
  }

  async listUsers(): Promise<User[]> {
    const rows = await this.rows<{ name: string; role: UserRole; created_at: string }>(this.pool, "SELECT name, role, created_at FROM users ORDER BY name");
    return rows.map((r) => ({ name: r.name, role: r.role, createdAt: r.created_at }));
  }

  async removeUser(name: string): Promise<boolean> {
    return ((await this.pool.query("DELETE FROM users WHERE name = $1", [name])).rowCount ?? 0) > 0;
  }

  async userByTokenHash(tokenHash: string): Promise<StoredUser | null> {
    const [row] = await this.rows<{ name: string; role: UserRole; token_hash: string; created_at: string }>(
      this.pool,
      "SELECT name, role, token_hash, created_at FROM users WHERE token_hash = $1",
      [tokenHash],
    );
    return row ? { name: row.name, role: row.role, tokenHash: row.token_hash, createdAt: row.created_at } : null;
  }

  async reviewDecisions(): Promise<ReviewDecision[]> {
    return this.rows<ReviewDecision & pg.QueryResultRow>(this.pool, "SELECT id, action, incident, document, payload, by, at, note FROM review_decisions ORDER BY id");
  }

  /** Holds the blocks' merge locks, so no merging step commits between the check and the write. */
  async writeReview(write: ReviewWrite): Promise<{ outcome: "done" | "stale"; decision: number | null }> {
    return this.transaction(async (c) => {
      const blocks = write.basis.map((b) => b.block);
      // The blocks the decision writes into are locked too: no merging step commits to them meanwhile.
      await this.lockBlocks(c, [...blocks, ...write.incidents.map((i) => i.block)], "exclusive");
      // 1. Refuse a review computed on incidents merging has changed since.
      const versions = await this.blockVersionsOn(c, blocks);
      for (const { block, version } of write.basis) {
        if ((versions.get(block) ?? 0) !== version) return { outcome: "stale" as const, decision: null };
      }
      // 2. The decision, then the incidents it changes, each a revision by its author.
      const d = write.decision;
      const [{ id }] = await this.rows<{ id: number }>(
        c,
        "INSERT INTO review_decisions (action, incident, document, payload, by, at, note) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        [d.action, d.incident, d.document, d.payload, d.by, d.at, d.note],
      );
      const author: Author = { by: d.by, at: d.at, note: d.note, action: d.action };
      for (const removed of write.removed) await this.deleteIncident(c, removed, author);
      for (const { incident, block } of write.incidents) await this.writeIncident(c, incident, block, author);
      // 3. A merging step planned before this decision is planned again with it.
      for (const block of unique(blocks)) {
        await c.query(
          "INSERT INTO merge_blocks (block, version, fresh) VALUES ($1, 1, 1) ON CONFLICT (block) DO UPDATE SET version = merge_blocks.version + 1",
          [block],
        );
      }
      return { outcome: "done" as const, decision: id };
    });
  }

  async blockVersions(blocks: string[]): Promise<Map<string, number>> {
    return this.blockVersionsOn(this.pool, blocks);
  }

  private async blockVersionsOn(db: Db, blocks: string[]): Promise<Map<string, number>> {
    const versions = new Map<string, number>(unique(blocks).map((b) => [b, 0]));
    if (blocks.length === 0) return versions;
    const rows = await this.rows<{ block: string; version: number }>(db, "SELECT block, version FROM merge_blocks WHERE block = ANY($1::text[])", [unique(blocks)]);
    for (const row of rows) versions.set(row.block, row.version);
    return versions;
  }

  async incidentBlocks(ids: string[]): Promise<Map<string, string>> {
    const blocks = new Map<string, string>();
    if (ids.length === 0) return blocks;
    const rows = await this.rows<{ id: string; block: string }>(this.pool, "SELECT id, block FROM incidents WHERE id = ANY($1::text[])", [unique(ids)]);
    for (const row of rows) blocks.set(row.id, row.block);
    return blocks;
  }

  async mentionsById(ids: string[]): Promise<PlacedMention[]> {
    if (ids.length === 0) return [];
    const rows = await this.rows<PlacementRow>(
      this.pool,
      `SELECT m.json, d.published, p.incident FROM mentions m JOIN documents d ON d.id = m.document
         LEFT JOIN merge_placements p ON p.document = m.document AND p.mention = m.id
        WHERE m.id = ANY($1::text[]) ORDER BY m.document, m.id`,
      [unique(ids)],
    );
    return rows.map(toPlaced);
  }

  async incidentHistory(id: string): Promise<IncidentRevision[]> {
    const rows = await this.rows<RevisionRow>(this.pool, "SELECT * FROM incident_revisions WHERE incident = $1 ORDER BY version", [id]);
    return rows.map(toRevision);
  }

  async changesSince(since: string, limit: number): Promise<IncidentChange[]> {
    // created: no revision at or before `since`, or the latest one then was a deletion.
    const rows = await this.rows<{ incident: string; version: number; at: string; present: boolean; was_deleted: number | null }>(
      this.pool,
      `SELECT r.incident, MAX(r.version) AS version, MAX(r.at) AS at,
              EXISTS (SELECT 1 FROM incidents i WHERE i.id = r.incident) AS present,
              (SELECT p.deleted FROM incident_revisions p WHERE p.incident = r.incident AND p.at <= $1 ORDER BY p.version DESC LIMIT 1) AS was_deleted
         FROM incident_revisions r WHERE r.at > $1
        GROUP BY r.incident ORDER BY MAX(r.at), r.incident LIMIT $2`,
      [since, limit],
    );
    return rows.map((r) => ({
      incident: r.incident,
      version: r.version,
      at: r.at,
      change: !r.present ? "deleted" : r.was_deleted === null || r.was_deleted === 1 ? "created" : "changed",
    }));
  }

  private closed = false;

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

/** A document's column values in the order both the insert and the update of a document name them (id last). */
function documentRow(doc: Doc, version: number, ingestedAt: string): unknown[] {
  return [
    version,
    doc.contentHash,
    doc.url,
    doc.title,
    doc.published,
    doc.publishedOrigin,
    doc.text,
    doc.text.length,
    JSON.stringify(doc.segments),
    JSON.stringify(doc.annotations),
    isRelevant(doc) ? 1 : 0,
    ingestedAt,
    doc.id,
  ];
}
