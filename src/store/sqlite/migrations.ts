// The SQLite schema as an ordered list of numbered migrations. A migration is never edited once
// released: a schema change is a new entry at the end. JSON payloads are stored as TEXT; the
// columns beside them are denormalised copies that exist only to be filtered and indexed.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "documents, mentions, holdings, incidents",
    sql: `
      CREATE TABLE documents (
        id               TEXT PRIMARY KEY,
        content_hash     TEXT NOT NULL UNIQUE,
        url              TEXT,
        title            TEXT,
        published        TEXT,
        published_origin TEXT,
        text             TEXT NOT NULL,
        text_length      INTEGER NOT NULL,  -- in UTF-16 code units, like every offset
        segments         TEXT NOT NULL,
        annotations      TEXT NOT NULL,
        relevant         INTEGER NOT NULL,
        ingested_at      TEXT NOT NULL
      );

      -- Mention ids are unique within a document; the pair is the key so two documents can
      -- never collide.
      CREATE TABLE mentions (
        document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        id       TEXT NOT NULL,
        block    TEXT NOT NULL,
        json     TEXT NOT NULL,
        PRIMARY KEY (document, id)
      );
      CREATE INDEX mentions_block ON mentions(block);
      CREATE INDEX mentions_id ON mentions(id);

      CREATE TABLE holdings (
        id          INTEGER PRIMARY KEY,
        facility_id TEXT NOT NULL,
        document    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        since       TEXT,
        facility    TEXT NOT NULL,
        json        TEXT NOT NULL
      );
      CREATE INDEX holdings_facility ON holdings(facility_id);

      CREATE TABLE dirty_blocks (
        block TEXT PRIMARY KEY
      );

      CREATE TABLE incidents (
        id            TEXT PRIMARY KEY,
        block         TEXT NOT NULL,
        type          TEXT NOT NULL,
        status        TEXT NOT NULL,
        facility_id   TEXT,
        facility_name TEXT,  -- lower-cased, for name-fragment matching
        facility      TEXT,  -- FacilityRef JSON, so listFacilities need not parse whole incidents
        country       TEXT,
        earliest      TEXT,
        latest        TEXT,
        search        TEXT NOT NULL,
        json          TEXT NOT NULL
      );
      CREATE INDEX incidents_block ON incidents(block);
      CREATE INDEX incidents_type ON incidents(type);
      CREATE INDEX incidents_country ON incidents(country);
      CREATE INDEX incidents_facility ON incidents(facility_id);
      CREATE INDEX incidents_earliest ON incidents(earliest DESC, id);
      CREATE INDEX incidents_latest ON incidents(latest);

      CREATE TABLE incident_documents (
        incident TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
        document TEXT NOT NULL,
        PRIMARY KEY (incident, document)
      );
      CREATE INDEX incident_documents_document ON incident_documents(document);
    `,
  },
  {
    version: 2,
    name: "incremental incident merging: placements, pending mentions, incident states",
    sql: `
      -- Where merging placed each mention (incident NULL: negated, in none). With the published
      -- day, the document, the trigger offset and the mention id it gives the mention's rank.
      CREATE TABLE merge_placements (
        document  TEXT NOT NULL,
        mention   TEXT NOT NULL,
        block     TEXT NOT NULL,
        published TEXT,
        start     INTEGER NOT NULL,
        incident  TEXT,
        PRIMARY KEY (document, mention)
      );
      CREATE INDEX merge_placements_block ON merge_placements(block, published);
      CREATE INDEX merge_placements_incident ON merge_placements(incident);

      -- Mentions stored but not placed yet. Filled by the trigger below, so whoever stores a
      -- mention queues it without knowing about merging.
      CREATE TABLE merge_pending (
        document TEXT NOT NULL,
        mention  TEXT NOT NULL,
        block    TEXT NOT NULL,
        PRIMARY KEY (document, mention)
      );
      CREATE INDEX merge_pending_block ON merge_pending(block);

      -- Per block: a version every commit bumps (a plan made on an older read is refused), and
      -- whether the block must next be resolved from scratch. No row: fresh, version 0.
      CREATE TABLE merge_blocks (
        block   TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        fresh   INTEGER NOT NULL
      );

      -- What a new mention is placed against, per incident; the columns are copies for lookups.
      CREATE TABLE merge_states (
        incident    TEXT PRIMARY KEY,
        block       TEXT NOT NULL,
        type        TEXT NOT NULL,
        match_start INTEGER,
        match_end   INTEGER,
        date_start  INTEGER,
        date_end    INTEGER,
        attached_to TEXT,
        data        TEXT NOT NULL
      );
      CREATE INDEX merge_states_match ON merge_states(block, match_end);
      CREATE INDEX merge_states_date ON merge_states(block, type, date_end);
      CREATE INDEX merge_states_attached ON merge_states(attached_to);

      CREATE TRIGGER merge_queue_mention AFTER INSERT ON mentions BEGIN
        INSERT OR IGNORE INTO merge_pending (document, mention, block) VALUES (new.document, new.id, new.block);
      END;
      -- A mention that disappears leaves placements the block can no longer be continued from.
      CREATE TRIGGER merge_forget_mention AFTER DELETE ON mentions BEGIN
        DELETE FROM merge_pending WHERE document = old.document AND mention = old.id;
        INSERT INTO merge_blocks (block, version, fresh) VALUES (old.block, 0, 1)
          ON CONFLICT (block) DO UPDATE SET fresh = 1;
        INSERT OR IGNORE INTO dirty_blocks (block) VALUES (old.block);
      END;

      -- Stores merged before this migration: every block is resolved again from scratch.
      INSERT INTO merge_pending (document, mention, block) SELECT document, id, block FROM mentions;
      INSERT OR IGNORE INTO dirty_blocks (block) SELECT DISTINCT block FROM mentions;
    `,
  },
  {
    version: 3,
    name: "document versions and aliases",
    sql: `
      -- The documents table holds each document's current version; earlier versions of the same
      -- id move here when a new one arrives, so history is kept and offsets into old texts stay
      -- readable. Ids are only ever the user's: nothing is stored under an id the store made up.
      ALTER TABLE documents ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      CREATE TABLE document_versions (
        document         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        version          INTEGER NOT NULL,
        content_hash     TEXT NOT NULL,
        url              TEXT,
        title            TEXT,
        published        TEXT,
        published_origin TEXT,
        text             TEXT NOT NULL,
        text_length      INTEGER NOT NULL,
        segments         TEXT NOT NULL,
        ingested_at      TEXT NOT NULL,
        superseded_at    TEXT NOT NULL,
        PRIMARY KEY (document, version)
      );
      CREATE INDEX document_versions_content ON document_versions(content_hash);

      -- Another id under which the same content arrived: it names the stored document.
      CREATE TABLE document_aliases (
        alias    TEXT PRIMARY KEY,
        document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        added_at TEXT NOT NULL
      );
      CREATE INDEX document_aliases_document ON document_aliases(document);
    `,
  },
  {
    version: 4,
    name: "news feeds: per-feed polling state and the items already read",
    sql: `
      -- One row per watched feed. The poll columns let a restarted watcher resume: conditional
      -- request validators, when the feed is next due, and the failures that push it back.
      CREATE TABLE feeds (
        name             TEXT PRIMARY KEY,
        url              TEXT NOT NULL UNIQUE,
        interval_seconds INTEGER NOT NULL,
        etag             TEXT,
        last_modified    TEXT,
        next_poll_at     TEXT,  -- ISO time; NULL: due now
        last_polled_at   TEXT,
        last_ok_at       TEXT,
        failures         INTEGER NOT NULL DEFAULT 0,
        last_error       TEXT,
        added_at         TEXT NOT NULL
      );

      -- Items read from each feed, keyed by GUID (else link), with a fingerprint of what the
      -- feed said about them: an unchanged item is never read again, a revised one is.
      CREATE TABLE feed_items (
        feed        TEXT NOT NULL REFERENCES feeds(name) ON DELETE CASCADE,
        item_key    TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        document    TEXT,
        read_at     TEXT NOT NULL,
        PRIMARY KEY (feed, item_key)
      );
    `,
  },
  {
    version: 5,
    name: "alert rules, the outbox of alerts and every delivery attempt",
    sql: `
      CREATE TABLE alert_rules (
        name       TEXT PRIMARY KEY,
        json       TEXT NOT NULL,  -- AlertRule
        created_at TEXT NOT NULL
      );

      -- What each rule last saw of each matching incident, to tell a new incident, changed
      -- figures and a new dispute apart.
      CREATE TABLE alert_seen (
        rule      TEXT NOT NULL REFERENCES alert_rules(name) ON DELETE CASCADE,
        incident  TEXT NOT NULL,
        signature TEXT NOT NULL,
        PRIMARY KEY (rule, incident)
      );

      -- The outbox: one row per (rule, incident, change), written in the same transaction as
      -- alert_seen, so a crash between matching and sending loses nothing and repeats nothing.
      CREATE TABLE alert_outbox (
        id              INTEGER PRIMARY KEY,
        rule            TEXT NOT NULL REFERENCES alert_rules(name) ON DELETE CASCADE,
        incident        TEXT NOT NULL,
        change          TEXT NOT NULL,
        payload         TEXT NOT NULL,
        created_at      TEXT NOT NULL,
        next_attempt_at TEXT,  -- NULL: nothing to send (no webhook, delivered, or given up)
        delivered_at    TEXT,
        attempts        INTEGER NOT NULL DEFAULT 0,
        UNIQUE (rule, incident, change)
      );
      CREATE INDEX alert_outbox_due ON alert_outbox(next_attempt_at);

      CREATE TABLE alert_attempts (
        alert   INTEGER NOT NULL REFERENCES alert_outbox(id) ON DELETE CASCADE,
        attempt INTEGER NOT NULL,
        at      TEXT NOT NULL,
        status  INTEGER,  -- HTTP status; NULL when no answer came
        error   TEXT,
        PRIMARY KEY (alert, attempt)
      );
    `,
  },
  {
    version: 6,
    name: "people, review decisions and incident revisions",
    sql: `
      -- Tokens are kept only as sha256 digests: a copy of the database gives no one access.
      CREATE TABLE users (
        name       TEXT PRIMARY KEY,
        role       TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
      );

      -- What people decided, in order. Automatic merging never writes here: decisions are
      -- applied on top of whatever it makes (src/review), so a new report or a rebuild never
      -- undoes one.
      CREATE TABLE review_decisions (
        id       INTEGER PRIMARY KEY,
        action   TEXT NOT NULL,
        incident TEXT,
        document TEXT,
        payload  TEXT NOT NULL,
        by       TEXT NOT NULL,
        at       TEXT NOT NULL,
        note     TEXT
      );
      CREATE INDEX review_decisions_incident ON review_decisions(incident);

      -- Every version of every incident, automatic or human, kept after the incident is deleted
      -- so downstream copies learn of deletions too.
      CREATE TABLE incident_revisions (
        incident TEXT NOT NULL,
        version  INTEGER NOT NULL,
        at       TEXT NOT NULL,
        by       TEXT NOT NULL,
        action   TEXT NOT NULL,
        changes  TEXT NOT NULL,  -- FieldChange[] JSON
        note     TEXT,
        deleted  INTEGER NOT NULL DEFAULT 0,  -- 1: this revision removed the incident
        PRIMARY KEY (incident, version)
      );
      CREATE INDEX incident_revisions_at ON incident_revisions(at);

      ALTER TABLE incidents ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE incidents ADD COLUMN reviewed INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX incidents_reviewed ON incidents(reviewed);

      -- Incidents stored before this migration start their history here.
      INSERT INTO incident_revisions (incident, version, at, by, action, changes, note)
        SELECT id, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'escapewatch', 'created', '[]', NULL FROM incidents;
      UPDATE incidents SET version = 1;
    `,
  },
  {
    version: 7,
    name: "an incident write counter, so alert rules look only at incidents written since their last pass",
    sql: `
      -- A counter that only grows: every incident write takes the next value, so "written since
      -- revision N" survives incidents being deleted and rewritten (MAX(revision) would not).
      CREATE TABLE incident_revision (
        id    INTEGER PRIMARY KEY CHECK (id = 1),
        value INTEGER NOT NULL
      );
      INSERT INTO incident_revision (id, value) VALUES (1, 1);
      ALTER TABLE incidents ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
      CREATE INDEX incidents_revision ON incidents(revision);
      -- The revision each rule has matched up to; 0: never (its first pass looks at everything).
      ALTER TABLE alert_rules ADD COLUMN checked_revision INTEGER NOT NULL DEFAULT 0;
      -- The dashboard lists alerts across rules newer than the reader's last visit.
      CREATE INDEX alert_outbox_created ON alert_outbox(created_at);
    `,
  },
  {
    version: 8,
    name: "holdings found by their document",
    sql: `
      -- A document's new version or refresh deletes its holdings, and deleting a document cascades
      -- to them: without this index each of those reads every holding, a cost that grows with the store.
      CREATE INDEX holdings_document ON holdings(document);
    `,
  },
];
