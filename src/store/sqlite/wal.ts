// Switching a database file to WAL. On a new file this is a write: the switch reads page 1, then
// upgrades to a write lock to set the format bytes. Two processes opening the same new file at once
// (two ingests started together) can each hold the read lock while waiting for the other's, and
// SQLite answers that deadlock with SQLITE_BUSY at once, without the busy timeout. The switch is
// retried after a pause: by then the other process has switched the file, and this one finds WAL.

/** Attempts before the BUSY answer goes to the caller. */
export const WAL_SWITCH_ATTEMPTS = 20;
/** Pause between attempts: the other process's switch is one small write. */
export const WAL_SWITCH_PAUSE_MS = 25;

/** The part of a better-sqlite3 connection this needs. */
export interface PragmaRunner {
  pragma(source: string): unknown;
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** `PRAGMA journal_mode = WAL`, retried while SQLite answers SQLITE_BUSY. */
export function switchToWal(db: PragmaRunner, pauseMs = WAL_SWITCH_PAUSE_MS): void {
  for (let attempt = 1; ; attempt++) {
    try {
      db.pragma("journal_mode = WAL");
      return;
    } catch (error) {
      const busy = (error as { code?: string }).code?.startsWith("SQLITE_BUSY");
      if (!busy || attempt >= WAL_SWITCH_ATTEMPTS) throw error;
      pause(pauseMs);
    }
  }
}
