// The embedded Store: SQLite through better-sqlite3. The driver is synchronous; the methods are
// async only to honour the Store interface. Every write that must be all-or-nothing runs in one
// `BEGIN IMMEDIATE` transaction, so two writer processes queue on the write lock up front instead
// of deadlocking when a reader tries to upgrade (which SQLite answers with SQLITE_BUSY at once).
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { isRelevant, type Day, type Doc } from "../../model/doc.ts";
import type { FacilityRef, Incident, IncidentMention } from "../../model/incident.ts";
import type {
  AlertEntry,
  AlertRule,
  DeliveryAttempt,
  FeedItemRecord,
  FeedSource,
  FeedState,
  StoredDocument,
  AddResult,
  DocumentHistory,
  DocumentLookup,
  DocumentSummary,
  DocumentWrite,
  FacilityHolding,
  IncidentFilter,
  IncidentState,
  MergeCommit,
  MergeMention,
  MergeOutcome,
  MergeWork,
  PlacedMention,
  Store,
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
  ReviewAction,
} from "../store.ts";
import { incidentChanges, incidentDiffers } from "../revisions.ts";
import type { IncidentType } from "../../model/incident.ts";
import { countryOf, incidentWhere, searchTextOf } from "../incident-columns.ts";
import { STATE_COLUMNS, SUMMARY_COLUMNS, automaticAuthor, toDoc, compare, nonNegative, toAlertEntry, toFeedState, toIncident, toPlaced, toRevision, toState, toLookup, toSummary, unique, type AlertRow, type Author, type DocumentRow, type LookupRow, type FeedRow, type IncidentRow, type PlacementRow, type RevisionRow, type StateRow, type SummaryRow } from "../rows.ts";
import { MIGRATIONS } from "./migrations.ts";
import { switchToWal } from "./wal.ts";

/** How long a writer waits for another process's write lock before failing with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 10_000;
/** SQLite's bound-parameter limit is 32766 since 3.32, but short IN lists keep plans cheap. */
export const IN_LIST_CHUNK = 500;
export const DEFAULT_INCIDENT_LIMIT = 100;
export const MAX_INCIDENT_LIMIT = 1000;
export const DEFAULT_DOCUMENT_LIMIT = 100;
/** IN lists up to this many values keep their prepared statement (see inListStatement). */
export const KEPT_IN_LIST = 16;
/** Rows fetched per round trip when streaming; see `iterateRows` for why not one cursor. */
export const STREAM_BATCH = 500;

/** An error a caller can hit, with a stable code. */
export class StoreError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`[${code}] ${message}`);
    this.name = "StoreError";
  }
}

/**
 * An incident as `replaceIncidents` accepts it. Its block is `block` when given, else the stored
 * block of its first mention, else the only block being replaced.
 */
export type IncidentWithBlock = Incident & { block?: string };

/** A row of document_versions: the document's columns of that version, keyed by its document. */
type VersionRow = Omit<DocumentRow, "id" | "annotations" | "relevant"> & { document: string };

/** What applyWrite checks before a write (see writeBasis). */
interface WriteBasis {
  /** The row stored under the written id, if any. */
  current: Pick<DocumentRow, "version" | "content_hash" | "ingested_at"> | undefined;
  /** The document the written id is an alias of, if it is one. */
  aliasOf: string | null;
  /** The written content is stored, in a current or an earlier version. */
  contentKnown: boolean;
}

/**
 * What an id and a content name in the store (lookupDocument): the id's own document, the document
 * it is an alias of, the document holding the content now, and the first that held it earlier.
 * A module constant: the statement cache is keyed by the text, which is then hashed only once.
 */
const LOOKUP_DOCUMENT = `
  SELECT 'id' AS found, ${STATE_COLUMNS} FROM documents WHERE id = @id
  UNION ALL
  SELECT 'alias', d.id, d.version, d.content_hash, d.url, d.title, d.published, d.published_origin
    FROM document_aliases a JOIN documents d ON d.id = a.document WHERE a.alias = @id
  UNION ALL
  SELECT 'content', ${STATE_COLUMNS} FROM documents WHERE content_hash = @hash
  UNION ALL
  SELECT * FROM (SELECT 'earlier', document, version, content_hash, url, title, published, published_origin
                   FROM document_versions WHERE content_hash = @hash ORDER BY document, version LIMIT 1)`;

/** A write applied or refused: "conflict" is decided before anything is changed. */
type Applied = "done" | "conflict";

export class SqliteStore implements Store {
  readonly dialect = "sqlite";
  private readonly db: Database.Database;
  /** Statements of the per-document write path, prepared once: preparing costs more than running. */
  private readonly statements = new Map<string, Database.Statement>();
  private addBatchTransaction: Database.Transaction<(items: StoredDocument[]) => AddResult[]> | null = null;
  private writeBatchTransaction: Database.Transaction<(writes: DocumentWrite[]) => WriteOutcome[]> | null = null;
  private mergeWorkTransaction: Database.Transaction<(block: string, fromScratch: boolean) => MergeWork> | null = null;
  private commitMergeTransaction: Database.Transaction<(commit: MergeCommit) => MergeOutcome> | null = null;
  /** One write inside the batch transaction: better-sqlite3 runs a nested transaction as a savepoint. */
  private writeOneTransaction: Database.Transaction<(write: DocumentWrite, now: string) => Applied> | null = null;

  /** `location` is a file path (its directory is created unless `fileMustExist`) or ":memory:". */
  constructor(
    readonly location: string,
    options: { fileMustExist?: boolean } = {},
  ) {
    if (location !== ":memory:" && !location.startsWith("file:") && !options.fileMustExist) {
      mkdirSync(dirname(location), { recursive: true });
    }
    this.db = new Database(location, { timeout: BUSY_TIMEOUT_MS, fileMustExist: options.fileMustExist ?? false });
    this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    switchToWal(this.db);
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("foreign_keys = ON");
  }

  async migrate(): Promise<void> {
    this.db.exec(`CREATE TABLE IF NOT EXISTS migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const applied = this.db.prepare("SELECT 1 FROM migrations WHERE version = ?");
    const record = this.db.prepare("INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)");
    for (const migration of MIGRATIONS) {
      // Checked again inside the write lock: another process may have applied it meanwhile.
      this.db
        .transaction(() => {
          if (applied.get(migration.version)) return;
          this.db.exec(migration.sql);
          record.run(migration.version, migration.name, new Date().toISOString());
        })
        .immediate();
    }
  }

  /** The first line of `PRAGMA quick_check` when it is not "ok", else null. */
  integrityProblem(): string | null {
    const rows = this.db.pragma("quick_check(1)") as Array<Record<string, unknown>>;
    const first = firstFinding(String(Object.values(rows[0] ?? {})[0] ?? "ok"));
    return first === "ok" ? null : first;
  }

  /** The first line of `PRAGMA integrity_check` on a file, or of the error that keeps it from running. */
  static integrityOfFile(location: string): string | null {
    let db: Database.Database | null = null;
    try {
      db = new Database(location, { readonly: true, fileMustExist: true });
      const rows = db.pragma("integrity_check(1)") as Array<Record<string, unknown>>;
      return firstFinding(String(Object.values(rows[0] ?? {})[0] ?? ""));
    } catch (error) {
      return (error as Error).message;
    } finally {
      db?.close();
    }
  }

  /** Versions of the applied migrations, ascending (for tests and `doctor`-style commands). */
  appliedMigrations(): number[] {
    return this.db
      .prepare("SELECT version FROM migrations ORDER BY version")
      .pluck()
      .all() as number[];
  }

  private statement(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  /**
   * A statement with an IN list of `count` values. Incident merging asks for a handful of ids at
   * every step, so short lists keep their prepared statement; long ones, rare and of any length,
   * are prepared per call rather than kept by the hundred.
   */
  private inListStatement(sql: string, count: number): Database.Statement {
    return count <= KEPT_IN_LIST ? this.statement(sql) : this.db.prepare(sql);
  }

  async addDocument(doc: Doc, mentions: StoredMention[], holdings: FacilityHolding[]): Promise<AddResult> {
    return (await this.addDocuments([{ doc, mentions, holdings }]))[0];
  }

  async addDocuments(batch: StoredDocument[]): Promise<AddResult[]> {
    this.addBatchTransaction ??= this.db.transaction((items: StoredDocument[]) => {
      const now = new Date().toISOString();
      return items.map((item) => this.addOne(item, now));
    });
    return this.addBatchTransaction.immediate(batch);
  }

  /** addDocument's rule, inside its transaction: known content changes nothing, a stored id gets a version. */
  private addOne(item: StoredDocument, now: string): AddResult {
    if (this.contentKnown(item.doc.contentHash)) return "known";
    const current = this.currentRow(item.doc.id);
    if (current) {
      this.applyWrite({ kind: "version", item, basis: current.version }, now);
      return "updated";
    }
    this.applyWrite({ kind: "insert", item, replacesAlias: true }, now);
    return "new";
  }

  async lookupDocument(id: string, contentHash: string): Promise<DocumentLookup> {
    // One statement instead of up to five: every record of an ingest asks this, and each
    // statement run outside a transaction takes and releases the read lock on its own.
    return toLookup(this.statement(LOOKUP_DOCUMENT).all({ id, hash: contentHash }) as LookupRow[]);
  }

  async writeDocuments(writes: DocumentWrite[]): Promise<WriteOutcome[]> {
    this.writeOneTransaction ??= this.db.transaction((write: DocumentWrite, now: string) => this.applyWrite(write, now));
    this.writeBatchTransaction ??= this.db.transaction((batch: DocumentWrite[]) => {
      const now = new Date().toISOString();
      return batch.map((write): WriteOutcome => {
        try {
          return this.writeOneTransaction!(write, now);
        } catch (error) {
          // Rolled back to the savepoint: this write is undone, the batch goes on.
          return { error: (error as Error).message };
        }
      });
    });
    return this.writeBatchTransaction.immediate(writes);
  }

  /** One storage decision, inside a transaction. Every check comes before the first change. */
  private applyWrite(write: DocumentWrite, now: string): Applied {
    if (write.kind === "alias") return this.addAlias(write.alias, write.document, now);
    const { doc, mentions, holdings } = write.item;
    const { current, aliasOf, contentKnown } = this.writeBasis(doc.id, doc.contentHash);
    switch (write.kind) {
      case "insert": {
        if (current || contentKnown || (aliasOf !== null && !write.replacesAlias)) return "conflict";
        if (aliasOf !== null) this.statement("DELETE FROM document_aliases WHERE alias = ?").run(doc.id);
        this.insertDocument(doc, 1, now);
        break;
      }
      case "version": {
        if (!current || current.version !== write.basis || contentKnown) return "conflict";
        if (write.alias !== undefined && !this.aliasFree(write.alias, doc.id)) return "conflict";
        this.statement(
          `INSERT INTO document_versions (document, version, content_hash, url, title, published, published_origin,
             text, text_length, segments, ingested_at, superseded_at)
           SELECT id, version, content_hash, url, title, published, published_origin, text, text_length, segments, ingested_at, ?
             FROM documents WHERE id = ?`,
        ).run(now, doc.id);
        this.updateDocument(doc, current.version + 1, now);
        break;
      }
      case "refresh": {
        if (!current || current.version !== write.basis || current.content_hash !== doc.contentHash) return "conflict";
        if (write.alias !== undefined && !this.aliasFree(write.alias, doc.id)) return "conflict";
        this.updateDocument(doc, current.version, current.ingested_at);
        break;
      }
    }
    if (write.kind !== "insert" && write.alias !== undefined) this.addAlias(write.alias, doc.id, now);
    // A new document has no extraction to replace: mentions and holdings reference their
    // document (foreign keys on, ON DELETE CASCADE), and its row did not exist a moment ago.
    // Skipping the deletes matters: holdings are not indexed by document, so each delete read
    // the whole table, a cost that grew with every relevant page stored.
    this.replaceExtraction(doc.id, mentions, holdings, write.kind === "insert");
    return "done";
  }

  /**
   * What a write checks before changing anything, read in one statement: the stored version of
   * `id` (null when none), what `id` is an alias of, and whether `contentHash` is stored in any
   * version. Only the few columns the checks need: the text and annotations stay in SQLite.
   */
  private writeBasis(id: string, contentHash: string): WriteBasis {
    const row = this.statement(
      `SELECT d.version, d.content_hash, d.ingested_at,
              (SELECT document FROM document_aliases WHERE alias = @id) AS alias_of,
              EXISTS (SELECT 1 FROM documents WHERE content_hash = @hash)
                OR EXISTS (SELECT 1 FROM document_versions WHERE content_hash = @hash) AS content_known
         FROM (SELECT 1) LEFT JOIN documents d ON d.id = @id`,
    ).get({ id, hash: contentHash }) as { version: number | null; content_hash: string; ingested_at: string; alias_of: string | null; content_known: number };
    return {
      current: row.version === null ? undefined : { version: row.version, content_hash: row.content_hash, ingested_at: row.ingested_at },
      aliasOf: row.alias_of,
      contentKnown: row.content_known === 1,
    };
  }

  /** The document row `id` names directly (not through an alias). */
  private currentRow(id: string): DocumentRow | undefined {
    return this.statement("SELECT * FROM documents WHERE id = ?").get(id) as DocumentRow | undefined;
  }

  private aliasTarget(id: string): string | null {
    return (this.statement("SELECT document FROM document_aliases WHERE alias = ?").pluck().get(id) as string | undefined) ?? null;
  }

  /** True when `alias` may name `document`: it is no document's id and no other document's alias. */
  private aliasFree(alias: string, document: string): boolean {
    const target = this.aliasTarget(alias);
    return !this.currentRow(alias) && (target === null || target === document);
  }

  private addAlias(alias: string, document: string, now: string): Applied {
    if (!this.currentRow(document) || !this.aliasFree(alias, document)) return "conflict";
    this.statement("INSERT OR IGNORE INTO document_aliases (alias, document, added_at) VALUES (?, ?, ?)").run(alias, document, now);
    return "done";
  }

  private contentKnown(contentHash: string): boolean {
    return (
      this.statement("SELECT 1 FROM documents WHERE content_hash = ?").get(contentHash) !== undefined ||
      this.statement("SELECT 1 FROM document_versions WHERE content_hash = ? LIMIT 1").get(contentHash) !== undefined
    );
  }

  private insertDocument(doc: Doc, version: number, now: string): void {
    this
      .statement(
        `INSERT INTO documents (version, content_hash, url, title, published, published_origin, text, text_length,
           segments, annotations, relevant, ingested_at, id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(...documentRow(doc, version, now));
  }

  private updateDocument(doc: Doc, version: number, ingestedAt: string): void {
    this
      .statement(
        `UPDATE documents SET version = ?, content_hash = ?, url = ?, title = ?, published = ?, published_origin = ?,
           text = ?, text_length = ?, segments = ?, annotations = ?, relevant = ?, ingested_at = ?
         WHERE id = ?`,
      )
      .run(...documentRow(doc, version, ingestedAt));
  }

  /**
   * The document's mentions and holdings become `mentions` and `holdings`. The blocks of the old
   * mentions and of the new ones are marked dirty, so incidents drop what the old version said.
   */
  private replaceExtraction(document: string, mentions: StoredMention[], holdings: FacilityHolding[], isNew = false): void {
    const markDirty = this.statement("INSERT OR IGNORE INTO dirty_blocks (block) VALUES (?)");
    if (!isNew) {
      const oldBlocks = this.statement("SELECT DISTINCT block FROM mentions WHERE document = ?").pluck().all(document) as string[];
      for (const block of oldBlocks) markDirty.run(block);
      this.statement("DELETE FROM mentions WHERE document = ?").run(document);
      this.statement("DELETE FROM holdings WHERE document = ?").run(document);
    }
    const insertMention = this.statement("INSERT INTO mentions (document, id, block, json) VALUES (?, ?, ?, ?)");
    for (const { mention, block } of mentions) {
      insertMention.run(document, mention.id, block, JSON.stringify(mention));
      markDirty.run(block);
    }
    const insertHolding = this.statement(
      "INSERT INTO holdings (facility_id, document, since, facility, json) VALUES (?, ?, ?, ?, ?)",
    );
    for (const holding of holdings) {
      insertHolding.run(
        holding.facility.id,
        document,
        holding.since?.earliest ?? null,
        JSON.stringify(holding.facility),
        JSON.stringify(holding),
      );
    }
  }

  async hasContent(contentHash: string): Promise<boolean> {
    return this.contentKnown(contentHash);
  }

  /** The row of the document `id` names, directly or through an alias. */
  private resolvedRow(id: string): DocumentRow | undefined {
    return this.currentRow(id) ?? this.currentRow(this.aliasTarget(id) ?? "");
  }

  async getDocument(id: string): Promise<Doc | null> {
    const row = this.resolvedRow(id);
    return row ? toDoc(row) : null;
  }

  async getDocumentVersion(id: string, version: number): Promise<Doc | null> {
    const current = this.resolvedRow(id);
    if (!current) return null;
    if (current.version === version) return this.getDocument(current.id);
    const row = this.statement("SELECT * FROM document_versions WHERE document = ? AND version = ?").get(current.id, version) as VersionRow | undefined;
    if (!row) return null;
    // Versions keep no annotations: an earlier version's extraction is not stored.
    return toDoc({ ...row, id: row.document, annotations: "[]", relevant: 0 });
  }

  async documentHistory(id: string): Promise<DocumentHistory | null> {
    const current = this.resolvedRow(id);
    if (!current) return null;
    const earlier = this.statement(
      `SELECT version, content_hash, url, title, published, text_length, ingested_at
         FROM document_versions WHERE document = ? ORDER BY version`,
    ).all(current.id) as Array<Omit<VersionRow, "document" | "text" | "segments" | "published_origin">>;
    const version = (row: typeof earlier[number], isCurrent: boolean) => ({
      version: row.version,
      current: isCurrent,
      contentHash: row.content_hash,
      url: row.url,
      title: row.title,
      published: row.published,
      length: row.text_length,
      ingestedAt: row.ingested_at,
    });
    return {
      id: current.id,
      versions: [...earlier.map((row) => version(row, false)), version(current, true)],
      aliases: this.statement("SELECT alias FROM document_aliases WHERE document = ? ORDER BY alias").pluck().all(current.id) as string[],
    };
  }

  async listDocuments(opts: { limit?: number; offset?: number } = {}): Promise<DocumentSummary[]> {
    const rows = this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM documents ORDER BY id LIMIT ? OFFSET ?`)
      .all(nonNegative(opts.limit, DEFAULT_DOCUMENT_LIMIT), nonNegative(opts.offset, 0)) as SummaryRow[];
    return rows.map(toSummary);
  }

  async countDocuments(): Promise<number> {
    return this.db.prepare("SELECT COUNT(*) FROM documents").pluck().get() as number;
  }

  async dirtyBlocks(): Promise<string[]> {
    return this.db.prepare("SELECT block FROM dirty_blocks ORDER BY block").pluck().all() as string[];
  }

  async mentionsInBlocks(blocks: string[]): Promise<StoredMention[]> {
    const found: Array<{ block: string; document: string; id: string; json: string }> = [];
    for (const chunk of chunks(unique(blocks), IN_LIST_CHUNK)) {
      const rows = this.db
        .prepare(`SELECT block, document, id, json FROM mentions WHERE block IN (${placeholders(chunk)})`)
        .all(...chunk) as typeof found;
      for (const row of rows) found.push(row);
    }
    found.sort((a, b) => compare(a.block, b.block) || compare(a.document, b.document) || compare(a.id, b.id));
    return found.map((row) => ({ block: row.block, mention: JSON.parse(row.json) as IncidentMention }));
  }

  async allBlocks(): Promise<string[]> {
    return this.db.prepare("SELECT DISTINCT block FROM mentions ORDER BY block").pluck().all() as string[];
  }

  /** Only ids that are stored appear in the map; a stored document without a date maps to null. */
  async publishedDays(documentIds: string[]): Promise<Map<string, Day | null>> {
    const days = new Map<string, Day | null>();
    for (const chunk of chunks(unique(documentIds), IN_LIST_CHUNK)) {
      const rows = this.db
        .prepare(`SELECT id, published FROM documents WHERE id IN (${placeholders(chunk)})`)
        .all(...chunk) as Array<{ id: string; published: string | null }>;
      for (const row of rows) days.set(row.id, row.published);
    }
    return days;
  }

  /**
   * Replaces the incidents of `blocks` in one transaction. Each incident's block is its `block`
   * property when given, else the stored block of its first mention, else the single block being
   * replaced. An incident id that already exists elsewhere is replaced (the latest rebuild wins).
   */
  async replaceIncidents(blocks: string[], incidents: IncidentWithBlock[]): Promise<void> {
    const clearDirty = this.statement("DELETE FROM dirty_blocks WHERE block = ?");
    const author = automaticAuthor();
    this.db.transaction(() => {
      const previous = new Set<string>();
      for (const block of blocks) {
        for (const id of this.statement("SELECT id FROM incidents WHERE block = ?").pluck().all(block) as string[]) previous.add(id);
        clearDirty.run(block);
        this.forgetMergeState(block);
      }
      for (const incident of incidents) {
        const { block: _block, ...plain } = incident;
        this.writeIncident(plain, this.blockOf(incident, blocks), author);
        previous.delete(incident.id);
      }
      // Written after the new ones, so an incident that stays is a revision, not a deletion and a creation.
      for (const id of previous) this.deleteIncident(id, author);
    }).immediate();
  }

  /** Drops merging's state for a block and queues its mentions again: the next update starts from scratch. */
  private forgetMergeState(block: string): void {
    this.statement("DELETE FROM merge_placements WHERE block = ?").run(block);
    this.statement("DELETE FROM merge_states WHERE block = ?").run(block);
    this.statement(
      `INSERT INTO merge_blocks (block, version, fresh) VALUES (?, 1, 1)
       ON CONFLICT (block) DO UPDATE SET version = version + 1, fresh = 1`,
    ).run(block);
    this.statement("INSERT OR IGNORE INTO merge_pending (document, mention, block) SELECT document, id, block FROM mentions WHERE block = ?").run(block);
  }

  /**
   * Inserts or replaces one incident (an id that exists elsewhere is replaced: the latest write
   * wins) and records the revision when anything but its block changed.
   */
  private writeIncident(incident: Incident, block: string, author: Author): void {
    const row = this.statement("SELECT json, version, block FROM incidents WHERE id = ?").get(incident.id) as { json: string; version: number; block: string } | undefined;
    const before = row ? (JSON.parse(row.json) as Incident) : null;
    if (before && !incidentDiffers(before, incident)) {
      if (row!.block !== block) this.statement("UPDATE incidents SET block = ? WHERE id = ?").run(block, incident.id);
      return;
    }
    const version = (row ? row.version : this.lastRevision(incident.id)) + 1;
    const written: Incident = { ...incident, version };
    const facility = incident.facility;
    this.statement("DELETE FROM incidents WHERE id = ?").run(incident.id);
    this
      .statement(
        `INSERT INTO incidents (id, block, type, status, facility_id, facility_name, facility, country,
           earliest, latest, search, json, version, reviewed, revision)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
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
        this.statement("UPDATE incident_revision SET value = value + 1 RETURNING value").pluck().get() as number,
      );
    const link = this.statement("INSERT OR IGNORE INTO incident_documents (incident, document) VALUES (?, ?)");
    for (const document of incident.documents) link.run(incident.id, document);
    const action = author.action ?? (before ? "updated" : "created");
    this.recordRevision(incident.id, version, author, action, incidentChanges(before, incident), false);
  }

  /** Deletes an incident, recording the deletion as its last revision; nothing when it is not stored. */
  private deleteIncident(id: string, author: Author): void {
    const row = this.statement("SELECT json, version FROM incidents WHERE id = ?").get(id) as { json: string; version: number } | undefined;
    if (!row) return;
    this.statement("DELETE FROM incidents WHERE id = ?").run(id);
    const before = JSON.parse(row.json) as Incident;
    this.recordRevision(id, row.version + 1, author, author.action ?? "deleted", incidentChanges(before, null), true);
  }

  private lastRevision(id: string): number {
    return (this.statement("SELECT MAX(version) FROM incident_revisions WHERE incident = ?").pluck().get(id) as number | null) ?? 0;
  }

  private recordRevision(id: string, version: number, author: Author, action: string, changes: FieldChange[], deleted: boolean): void {
    this.statement(
      `INSERT OR REPLACE INTO incident_revisions (incident, version, at, by, action, changes, note, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, version, author.at, author.by, action, JSON.stringify(changes), author.note, deleted ? 1 : 0);
  }

  async mergeWork(block: string, opts: { fromScratch?: boolean } = {}): Promise<MergeWork> {
    this.mergeWorkTransaction ??= this.db.transaction((of: string, fromScratch: boolean): MergeWork => {
      const row = this.statement("SELECT version, fresh FROM merge_blocks WHERE block = ?").get(of) as { version: number; fresh: number } | undefined;
      const fresh = fromScratch || !row || row.fresh === 1;
      const sql = fresh
        ? `SELECT m.json, d.published FROM mentions m JOIN documents d ON d.id = m.document WHERE m.block = ?`
        : `SELECT m.json, d.published FROM merge_pending q
             JOIN mentions m ON m.document = q.document AND m.id = q.mention
             JOIN documents d ON d.id = q.document
            WHERE q.block = ?`;
      const rows = this.statement(sql).all(of) as Array<{ json: string; published: string | null }>;
      const pending: MergeMention[] = rows.map((r) => ({ mention: JSON.parse(r.json) as IncidentMention, published: r.published }));
      return { version: row?.version ?? 0, fresh, pending };
    });
    return this.mergeWorkTransaction(block, opts.fromScratch === true);
  }

  async placedSince(block: string, published: Day | null): Promise<PlacedMention[]> {
    const rows = (
      published === null
        ? this.statement(
            `SELECT p.incident, p.published, m.json FROM merge_placements p JOIN mentions m ON m.document = p.document AND m.id = p.mention
              WHERE p.block = ? AND p.published IS NULL`,
          ).all(block)
        : this.statement(
            `SELECT p.incident, p.published, m.json FROM merge_placements p JOIN mentions m ON m.document = p.document AND m.id = p.mention
              WHERE p.block = ? AND (p.published >= ? OR p.published IS NULL)`,
          ).all(block, published)
    ) as PlacementRow[];
    return rows.map(toPlaced);
  }

  async membersOf(incidents: string[]): Promise<Map<string, PlacedMention[]>> {
    const members = new Map<string, PlacedMention[]>(unique(incidents).map((id) => [id, []]));
    for (const chunk of chunks(unique(incidents), IN_LIST_CHUNK)) {
      const rows = this.inListStatement(
        `SELECT p.incident, p.published, m.json FROM merge_placements p JOIN mentions m ON m.document = p.document AND m.id = p.mention
          WHERE p.incident IN (${placeholders(chunk)})`,
        chunk.length,
      ).all(...chunk) as PlacementRow[];
      for (const row of rows) members.get(row.incident!)!.push(toPlaced(row));
    }
    return members;
  }

  async statesNear(block: string, from: number, to: number): Promise<IncidentState[]> {
    const rows = this.statement(
      `SELECT * FROM merge_states WHERE block = ? AND ((match_end >= ? AND match_start <= ?) OR match_start IS NULL)`,
    ).all(block, from, to) as StateRow[];
    return rows.map(toState);
  }

  async statesDated(block: string, type: IncidentType, from: number, to: number): Promise<IncidentState[]> {
    const rows = this.statement(`SELECT * FROM merge_states WHERE block = ? AND type = ? AND date_end >= ? AND date_start <= ?`).all(block, type, from, to) as StateRow[];
    return rows.map(toState);
  }

  async statesAttachedTo(escapes: string[]): Promise<IncidentState[]> {
    return this.statesWhere("attached_to", escapes);
  }

  async statesOf(ids: string[]): Promise<IncidentState[]> {
    return this.statesWhere("incident", ids);
  }

  private statesWhere(column: "incident" | "attached_to", values: string[]): IncidentState[] {
    const out: IncidentState[] = [];
    for (const chunk of chunks(unique(values), IN_LIST_CHUNK)) {
      const rows = this.inListStatement(`SELECT * FROM merge_states WHERE ${column} IN (${placeholders(chunk)})`, chunk.length).all(...chunk) as StateRow[];
      out.push(...rows.map(toState));
    }
    return out.sort((a, b) => compare(a.id, b.id));
  }

  async commitMerge(commit: MergeCommit): Promise<MergeOutcome> {
    this.commitMergeTransaction ??= this.db.transaction((c: MergeCommit) => this.applyMerge(c));
    return this.commitMergeTransaction.immediate(commit);
  }

  /** One merging step of commitMerge, inside its transaction. */
  private applyMerge(commit: MergeCommit): MergeOutcome {
    const { block } = commit;
    // 1. Refuse a plan made on a state another writer has changed since.
    const version = (this.statement("SELECT version FROM merge_blocks WHERE block = ?").pluck().get(block) as number | undefined) ?? 0;
    if (version !== commit.version) return "stale";
    // 2. A resolution from scratch replaces everything merging kept for the block. Its old
    //    incidents are deleted after the new ones are written (below), so one that stays is
    //    a revision of itself rather than a deletion and a creation.
    const author = automaticAuthor();
    const previous = new Set<string>();
    if (commit.reset) {
      this.statement("DELETE FROM merge_placements WHERE block = ?").run(block);
      this.statement("DELETE FROM merge_states WHERE block = ?").run(block);
      for (const id of this.statement("SELECT id FROM incidents WHERE block = ?").pluck().all(block) as string[]) previous.add(id);
    }
    // 3. Placements, states, incidents.
    const place = this.statement(
      "INSERT OR REPLACE INTO merge_placements (document, mention, block, published, start, incident) VALUES (?, ?, ?, ?, ?, ?)",
    );
    const unqueue = this.statement("DELETE FROM merge_pending WHERE document = ? AND mention = ?");
    for (const p of commit.placements) {
      place.run(p.document, p.mention, block, p.published, p.start, p.incident);
      unqueue.run(p.document, p.mention);
    }
    const dropState = this.statement("DELETE FROM merge_states WHERE incident = ?");
    for (const id of commit.removedStates) dropState.run(id);
    const putState = this.statement(
      `INSERT OR REPLACE INTO merge_states (incident, block, type, match_start, match_end, date_start, date_end, attached_to, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const st of commit.states) {
      putState.run(st.id, block, st.type, st.match?.start ?? null, st.match?.end ?? null, st.date?.start ?? null, st.date?.end ?? null, st.attachedTo, st.data);
    }
    for (const id of commit.removedIncidents) this.deleteIncident(id, author);
    for (const incident of commit.incidents) {
      this.writeIncident(incident, block, author);
      previous.delete(incident.id);
    }
    for (const id of previous) this.deleteIncident(id, author);
    // 4. A new version; the block stays dirty while mentions stored meanwhile wait.
    this.statement(
      `INSERT INTO merge_blocks (block, version, fresh) VALUES (?, ?, 0)
       ON CONFLICT (block) DO UPDATE SET version = excluded.version, fresh = 0`,
    ).run(block, version + 1);
    if (this.statement("SELECT 1 FROM merge_pending WHERE block = ? LIMIT 1").get(block)) {
      this.statement("INSERT OR IGNORE INTO dirty_blocks (block) VALUES (?)").run(block);
      return "more";
    }
    this.statement("DELETE FROM dirty_blocks WHERE block = ?").run(block);
    return "done";
  }

  private blockOf(incident: IncidentWithBlock, blocks: string[]): string {
    if (incident.block) return incident.block;
    const first = incident.mentions[0];
    if (first !== undefined) {
      const block = this.db.prepare("SELECT block FROM mentions WHERE id = ? LIMIT 1").pluck().get(first);
      if (typeof block === "string") return block;
    }
    if (blocks.length === 1) return blocks[0];
    throw new StoreError(
      "E_STORE_INCIDENT_BLOCK",
      `incident ${incident.id} names no stored mention and no block: set its "block" property`,
    );
  }

  async listIncidents(filter: IncidentFilter = {}): Promise<Incident[]> {
    const { where, params } = incidentWhere(filter);
    const limit = Math.min(nonNegative(filter.limit, DEFAULT_INCIDENT_LIMIT), MAX_INCIDENT_LIMIT);
    const rows = this.db
      .prepare(
        `SELECT json, version FROM incidents ${where}
         ORDER BY earliest IS NULL, earliest DESC, id LIMIT ? OFFSET ?`,
      )
      .all(...params, limit, nonNegative(filter.offset, 0)) as IncidentRow[];
    return rows.map(toIncident);
  }

  async countIncidents(filter: IncidentFilter = {}): Promise<number> {
    const { where, params } = incidentWhere(filter);
    return this.db.prepare(`SELECT COUNT(*) FROM incidents ${where}`).pluck().get(...params) as number;
  }

  async getIncident(id: string): Promise<Incident | null> {
    const row = this.db.prepare("SELECT json, version FROM incidents WHERE id = ?").get(id) as IncidentRow | undefined;
    return row === undefined ? null : toIncident(row);
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
    const byId = new Map<string, DocumentSummary>();
    for (const chunk of chunks(unique(ids), IN_LIST_CHUNK)) {
      const rows = this.db
        .prepare(`SELECT ${SUMMARY_COLUMNS} FROM documents WHERE id IN (${placeholders(chunk)})`)
        .all(...chunk) as SummaryRow[];
      for (const row of rows) byId.set(row.id, toSummary(row));
    }
    return unique(ids).flatMap((id) => byId.get(id) ?? []);
  }

  /**
   * Streams a table in id order, one keyset batch at a time. Not one `stmt.iterate()` cursor:
   * better-sqlite3 refuses every write on the connection while a cursor is open, and a consumer
   * that awaits between rows (an export writing to a slow pipe) would lock out ingest meanwhile.
   */
  private async *iterateRows<Row extends { id: string }>(table: string, columns: string, where = "", params: unknown[] = []): AsyncIterable<Row> {
    const condition = where ? `${where} AND id > ?` : "WHERE id > ?";
    const batch = this.db.prepare(`SELECT ${columns} FROM ${table} ${condition} ORDER BY id LIMIT ?`);
    let after = "";
    for (;;) {
      const rows = batch.all(...params, after, STREAM_BATCH) as Row[];
      for (const row of rows) yield row;
      if (rows.length < STREAM_BATCH) return;
      after = rows[rows.length - 1].id;
    }
  }

  async holdingsOf(facilityId: string): Promise<FacilityHolding[]> {
    const rows = this.db
      .prepare("SELECT json FROM holdings WHERE facility_id = ? ORDER BY since IS NOT NULL, since, id")
      .pluck()
      .all(facilityId) as string[];
    return rows.map((json) => JSON.parse(json) as FacilityHolding);
  }

  /** Facilities with incidents (most incidents first), then those known only from holdings. */
  async listFacilities(): Promise<Array<{ facility: FacilityRef; incidents: number }>> {
    const rows = this.db
      .prepare(
        `SELECT facility, incidents FROM (
           SELECT facility_id, MAX(facility) AS facility, COUNT(*) AS incidents
             FROM incidents WHERE facility_id IS NOT NULL GROUP BY facility_id
           UNION ALL
           SELECT facility_id, MAX(facility), 0 FROM holdings
            WHERE facility_id NOT IN (SELECT facility_id FROM incidents WHERE facility_id IS NOT NULL)
            GROUP BY facility_id)
         ORDER BY incidents DESC, facility_id`,
      )
      .all() as Array<{ facility: string; incidents: number }>;
    return rows.map((row) => ({ facility: JSON.parse(row.facility) as FacilityRef, incidents: row.incidents }));
  }

  async addFeed(feed: FeedSource): Promise<AddResult> {
    const result = this.statement(
      `INSERT INTO feeds (name, url, interval_seconds, added_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    ).run(feed.name, feed.url, feed.intervalSeconds, new Date().toISOString());
    return result.changes === 1 ? "new" : "known";
  }

  async listFeeds(): Promise<FeedState[]> {
    const rows = this.statement("SELECT * FROM feeds ORDER BY name").all() as FeedRow[];
    return rows.map(toFeedState);
  }

  async removeFeed(nameOrUrl: string): Promise<boolean> {
    return this.statement("DELETE FROM feeds WHERE name = ? OR url = ?").run(nameOrUrl, nameOrUrl).changes > 0;
  }

  async saveFeedState(state: FeedState): Promise<void> {
    this.statement(
      `UPDATE feeds SET etag = ?, last_modified = ?, next_poll_at = ?, last_polled_at = ?, last_ok_at = ?,
         failures = ?, last_error = ? WHERE name = ?`,
    ).run(state.etag, state.lastModified, state.nextPollAt, state.lastPolledAt, state.lastOkAt, state.failures, state.lastError, state.name);
  }

  async feedItem(feed: string, key: string): Promise<FeedItemRecord | null> {
    const row = this.statement("SELECT fingerprint, document FROM feed_items WHERE feed = ? AND item_key = ?").get(feed, key) as
      | { fingerprint: string; document: string | null }
      | undefined;
    return row ? { feed, key, fingerprint: row.fingerprint, document: row.document } : null;
  }

  async saveFeedItem(item: FeedItemRecord): Promise<void> {
    this.statement(
      `INSERT INTO feed_items (feed, item_key, fingerprint, document, read_at)
       SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM feeds WHERE name = ?)
       ON CONFLICT (feed, item_key) DO UPDATE SET fingerprint = excluded.fingerprint, document = excluded.document,
         read_at = excluded.read_at`,
    ).run(item.feed, item.key, item.fingerprint, item.document, new Date().toISOString(), item.feed);
  }

  async addRule(rule: AlertRule): Promise<AddResult> {
    const result = this.statement("INSERT INTO alert_rules (name, json, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING").run(
      rule.name,
      JSON.stringify(rule),
      new Date().toISOString(),
    );
    return result.changes === 1 ? "new" : "known";
  }

  async listRules(): Promise<AlertRule[]> {
    return (this.statement("SELECT json FROM alert_rules ORDER BY name").pluck().all() as string[]).map((json) => JSON.parse(json) as AlertRule);
  }

  async removeRule(name: string): Promise<boolean> {
    return this.statement("DELETE FROM alert_rules WHERE name = ?").run(name).changes > 0;
  }

  async incidentRevision(): Promise<number> {
    return this.statement("SELECT value FROM incident_revision").pluck().get() as number;
  }

  async *changedIncidents(after: number, upTo: number): AsyncIterable<Incident> {
    // The revision index alone: a few changed incidents among many are found without a scan.
    for await (const row of this.iterateRows<{ id: string; json: string }>("incidents", "id, json", "WHERE revision > ? AND revision <= ?", [after, upTo])) {
      yield JSON.parse(row.json) as Incident;
    }
  }

  async checkedRevision(rule: string): Promise<number> {
    return (this.statement("SELECT checked_revision FROM alert_rules WHERE name = ?").pluck().get(rule) as number | undefined) ?? 0;
  }

  async saveCheckedRevision(rule: string, revision: number): Promise<void> {
    this.statement("UPDATE alert_rules SET checked_revision = MAX(checked_revision, ?) WHERE name = ?").run(revision, rule);
  }

  async recentAlerts(since: string, limit: number): Promise<AlertEntry[]> {
    const rows = this.statement("SELECT * FROM alert_outbox WHERE created_at > ? ORDER BY created_at DESC, id DESC LIMIT ?").all(since, limit) as AlertRow[];
    return rows.map(toAlertEntry);
  }

  async alertSignatures(rule: string): Promise<Map<string, string>> {
    const rows = this.statement("SELECT incident, signature FROM alert_seen WHERE rule = ?").all(rule) as Array<{ incident: string; signature: string }>;
    return new Map(rows.map((r) => [r.incident, r.signature]));
  }

  async recordAlertCheck(
    rule: string,
    incident: string,
    signature: string,
    alert: { change: string; payload: string; nextAttemptAt: string | null } | null,
  ): Promise<boolean> {
    return this.db
      .transaction((): boolean => {
        this.statement(
          `INSERT INTO alert_seen (rule, incident, signature) VALUES (?, ?, ?)
           ON CONFLICT (rule, incident) DO UPDATE SET signature = excluded.signature`,
        ).run(rule, incident, signature);
        if (!alert) return false;
        const queued = this.statement(
          `INSERT INTO alert_outbox (rule, incident, change, payload, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (rule, incident, change) DO NOTHING`,
        ).run(rule, incident, alert.change, alert.payload, new Date().toISOString(), alert.nextAttemptAt);
        return queued.changes === 1;
      })
      .immediate();
  }

  async alertsOf(rule: string, limit: number): Promise<AlertEntry[]> {
    const rows = this.statement("SELECT * FROM alert_outbox WHERE rule = ? ORDER BY id DESC LIMIT ?").all(rule, limit) as AlertRow[];
    return rows.map(toAlertEntry);
  }

  async dueAlerts(now: string): Promise<AlertEntry[]> {
    const rows = this.statement("SELECT * FROM alert_outbox WHERE next_attempt_at IS NOT NULL AND next_attempt_at <= ? ORDER BY id").all(now) as AlertRow[];
    return rows.map(toAlertEntry);
  }

  async recordDeliveryAttempt(attempt: DeliveryAttempt, after: { deliveredAt: string | null; nextAttemptAt: string | null }): Promise<void> {
    this.db
      .transaction(() => {
        this.statement("INSERT INTO alert_attempts (alert, attempt, at, status, error) VALUES (?, ?, ?, ?, ?)").run(
          attempt.alert,
          attempt.attempt,
          attempt.at,
          attempt.status,
          attempt.error,
        );
        this.statement("UPDATE alert_outbox SET attempts = ?, delivered_at = ?, next_attempt_at = ? WHERE id = ?").run(
          attempt.attempt,
          after.deliveredAt,
          after.nextAttemptAt,
          attempt.alert,
        );
      })
      .immediate();
  }

  async deliveryAttempts(rule: string): Promise<DeliveryAttempt[]> {
    return this.statement(
      `SELECT a.alert, a.attempt, a.at, a.status, a.error FROM alert_attempts a JOIN alert_outbox o ON o.id = a.alert
       WHERE o.rule = ? ORDER BY a.alert, a.attempt`,
    ).all(rule) as DeliveryAttempt[];
  }

  async addUser(user: StoredUser): Promise<AddResult> {
    const info = this.statement("INSERT OR IGNORE INTO users (name, role, token_hash, created_at) VALUES (?, ?, ?, ?)").run(
      user.name,
      user.role,
      user.tokenHash,
      user.createdAt,
    );
    return info.changes === 1 ? "new" : "known";
  }

  async listUsers(): Promise<User[]> {
    const rows = this.statement("SELECT name, role, created_at FROM users ORDER BY name").all() as Array<{ name: string; role: UserRole; created_at: string }>;
    return rows.map((r) => ({ name: r.name, role: r.role, createdAt: r.created_at }));
  }

  async removeUser(name: string): Promise<boolean> {
    return this.statement("DELETE FROM users WHERE name = ?").run(name).changes > 0;
  }

  async userByTokenHash(tokenHash: string): Promise<StoredUser | null> {
    const row = this.statement("SELECT name, role, token_hash, created_at FROM users WHERE token_hash = ?").get(tokenHash) as
      | { name: string; role: UserRole; token_hash: string; created_at: string }
      | undefined;
    return row ? { name: row.name, role: row.role, tokenHash: row.token_hash, createdAt: row.created_at } : null;
  }

  async reviewDecisions(): Promise<ReviewDecision[]> {
    const rows = this.statement("SELECT id, action, incident, document, payload, by, at, note FROM review_decisions ORDER BY id").all() as Array<
      ReviewDecision & { action: ReviewAction }
    >;
    return rows.map((r) => ({ ...r }));
  }

  async writeReview(write: ReviewWrite): Promise<{ outcome: "done" | "stale"; decision: number | null }> {
    return this.db
      .transaction((): { outcome: "done" | "stale"; decision: number | null } => {
        // 1. Refuse a review computed on incidents merging has changed since.
        const current = this.statement("SELECT version FROM merge_blocks WHERE block = ?").pluck();
        for (const { block, version } of write.basis) {
          if (((current.get(block) as number | undefined) ?? 0) !== version) return { outcome: "stale", decision: null };
        }
        // 2. The decision, then the incidents it changes, each a revision by its author.
        const d = write.decision;
        const id = this.statement(
          "INSERT INTO review_decisions (action, incident, document, payload, by, at, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
        ).run(d.action, d.incident, d.document, d.payload, d.by, d.at, d.note).lastInsertRowid;
        const author: Author = { by: d.by, at: d.at, note: d.note, action: d.action };
        for (const removed of write.removed) this.deleteIncident(removed, author);
        for (const { incident, block } of write.incidents) this.writeIncident(incident, block, author);
        // 3. A merging step planned before this decision is planned again with it.
        const bump = this.statement(
          `INSERT INTO merge_blocks (block, version, fresh) VALUES (?, 1, 1) ON CONFLICT (block) DO UPDATE SET version = version + 1`,
        );
        for (const { block } of write.basis) bump.run(block);
        return { outcome: "done", decision: Number(id) };
      })
      .immediate();
  }

  async blockVersions(blocks: string[]): Promise<Map<string, number>> {
    const versions = new Map<string, number>(unique(blocks).map((b) => [b, 0]));
    for (const chunk of chunks(unique(blocks), IN_LIST_CHUNK)) {
      const rows = this.inListStatement(`SELECT block, version FROM merge_blocks WHERE block IN (${placeholders(chunk)})`, chunk.length).all(...chunk) as Array<{ block: string; version: number }>;
      for (const row of rows) versions.set(row.block, row.version);
    }
    return versions;
  }

  async incidentBlocks(ids: string[]): Promise<Map<string, string>> {
    const blocks = new Map<string, string>();
    for (const chunk of chunks(unique(ids), IN_LIST_CHUNK)) {
      const rows = this.inListStatement(`SELECT id, block FROM incidents WHERE id IN (${placeholders(chunk)})`, chunk.length).all(...chunk) as Array<{ id: string; block: string }>;
      for (const row of rows) blocks.set(row.id, row.block);
    }
    return blocks;
  }

  async mentionsById(ids: string[]): Promise<PlacedMention[]> {
    const out: PlacedMention[] = [];
    for (const chunk of chunks(unique(ids), IN_LIST_CHUNK)) {
      const rows = this.inListStatement(
        `SELECT m.json, d.published, p.incident FROM mentions m JOIN documents d ON d.id = m.document
           LEFT JOIN merge_placements p ON p.document = m.document AND p.mention = m.id
          WHERE m.id IN (${placeholders(chunk)}) ORDER BY m.document, m.id`,
        chunk.length,
      ).all(...chunk) as PlacementRow[];
      out.push(...rows.map(toPlaced));
    }
    return out;
  }

  async incidentHistory(id: string): Promise<IncidentRevision[]> {
    const rows = this.statement("SELECT * FROM incident_revisions WHERE incident = ? ORDER BY version").all(id) as RevisionRow[];
    return rows.map(toRevision);
  }

  async changesSince(since: string, limit: number): Promise<IncidentChange[]> {
    // created: no revision at or before `since`, or the latest one then was a deletion.
    const rows = this.statement(
      `SELECT r.incident, MAX(r.version) AS version, MAX(r.at) AS at,
              EXISTS (SELECT 1 FROM incidents i WHERE i.id = r.incident) AS present,
              (SELECT p.deleted FROM incident_revisions p WHERE p.incident = r.incident AND p.at <= ? ORDER BY p.version DESC LIMIT 1) AS was_deleted
         FROM incident_revisions r WHERE r.at > ?
        GROUP BY r.incident ORDER BY MAX(r.at), r.incident LIMIT ?`,
    ).all(since, since, limit) as Array<{ incident: string; version: number; at: string; present: number; was_deleted: number | null }>;
    return rows.map((r) => ({
      incident: r.incident,
      version: r.version,
      at: r.at,
      change: !r.present ? "deleted" : r.was_deleted === null || r.was_deleted === 1 ? "created" : "changed",
    }));
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** The first line of an integrity report that names a problem ("*** in database main ***" names none). */
function firstFinding(report: string): string {
  return report.split("\n").map((line) => line.trim()).find((line) => line !== "" && !/^\*\*\* in database/.test(line)) ?? report;
}

function chunks<T>(values: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

function placeholders(values: unknown[]): string {
  return values.map(() => "?").join(", ");
}

/** A document's column values in the order both the insert and the update of a document name them (id last). */
function documentRow(doc: Doc, version: number, ingestedAt: string) {
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
  ] as const;
}
