// The ingest queue: jobs of raw records kept in PostgreSQL by pg-boss, so any number of worker
// processes on any number of machines share one list of work. pg-boss hands a job to one worker
// at a time (SELECT ... FOR UPDATE SKIP LOCKED) and puts back a job whose worker vanished: a job
// still active JOB_EXPIRE_SECONDS after it was taken is failed by pg-boss's maintenance, which
// any connected process runs, and retried. Ingest is idempotent (documents are keyed by content,
// incidents by what merging placed), so running a job twice is only wasted work.
import PgBoss from "pg-boss";
import type { Day, RawRecord } from "../model/doc.ts";
import { isQueueLocation, redact } from "./location.ts";

/** The pg-boss queue name. */
export const INGEST_QUEUE = "escapewatch-ingest";
/** pg-boss keeps its tables in this schema of the database, apart from the store's. */
export const QUEUE_SCHEMA = "escapewatch_queue";
/** Records per job at most: a retried job redoes little, and one job's commit stays short. */
export const JOB_RECORDS = 16;
/** Raw bytes per job at most (a few large HTML pages are a job of their own). */
export const JOB_BYTES = 1024 * 1024;
/**
 * A job still active this long after it was taken is taken to be lost with its worker and is
 * retried. pg-boss 10 has no heartbeat, so this bounds both how long a killed worker's job waits
 * and how long a healthy job may run: a job of JOB_RECORDS documents takes about a second.
 */
export const JOB_EXPIRE_SECONDS = 300;
/** How often pg-boss looks for expired jobs (one process does it per interval, whichever is first). */
export const MAINTENANCE_SECONDS = 30;
/** Tries of one job: a worker killed mid-job, or a database error, costs one. */
export const JOB_RETRY_LIMIT = 10;
/** An idle worker asks for a job this often. */
export const POLL_MS = 500;
/** Inserted jobs per round trip when enqueueing a large archive. */
export const INSERT_CHUNK = 500;

/** What one job carries: raw records, so a worker on another machine needs no access to the files. */
export interface IngestJob {
  /**
   * JSON text of RawRecord[]. PostgreSQL's jsonb refuses a NUL character or a lone surrogate,
   * which scraped pages can carry; as a string inside the jsonb they travel untouched.
   */
  records: string;
  /** `--published` of the ingest that queued the job. */
  fallbackPublished: Day | null;
}

export interface QueueOptions {
  /** For a queue this open creates; each job may set its own (enqueue). */
  expireInSeconds?: number;
  maintenanceIntervalSeconds?: number;
  /** Connections the queue may hold (pg-boss's pool). */
  connections?: number;
}

/** Jobs in the queue by state; `waiting` counts created and retry jobs. */
export interface QueueCounts {
  waiting: number;
  active: number;
  completed: number;
  failed: number;
}

export type JobHandler = (job: { id: string; records: RawRecord[]; fallbackPublished: Day | null }) => Promise<object>;

export class QueueError extends Error {
  readonly code = "E_QUEUE";
  constructor(message: string) {
    super(`[E_QUEUE] ${message}`);
  }
}

/** Splits records into jobs of at most JOB_RECORDS records and JOB_BYTES raw bytes. */
export function* jobsOf(records: Iterable<RawRecord>, fallbackPublished: Day | null = null): Generator<IngestJob> {
  let batch: RawRecord[] = [];
  let bytes = 0;
  const job = (): IngestJob => ({ records: JSON.stringify(batch), fallbackPublished });
  for (const record of records) {
    const size = (record.text?.length ?? 0) + (record.html?.length ?? 0);
    if (batch.length > 0 && (batch.length >= JOB_RECORDS || bytes + size > JOB_BYTES)) {
      yield job();
      [batch, bytes] = [[], 0];
    }
    batch.push(record);
    bytes += size;
  }
  if (batch.length > 0) yield job();
}

/** The ingest queue in the PostgreSQL database at `url`; `close()` when done. */
export class IngestQueue {
  private stopping = false;
  private loops: Array<Promise<void>> = [];

  private constructor(
    private readonly boss: PgBoss,
    readonly location: string,
  ) {}

  /** Connects, creates pg-boss's schema and the queue when missing (safe on every start). */
  static async open(url: string, options: QueueOptions = {}): Promise<IngestQueue> {
    if (!isQueueLocation(url)) throw new QueueError(`the queue lives in PostgreSQL: expected a postgres:// URL, got ${url}`);
    const boss = new PgBoss({
      connectionString: url,
      schema: QUEUE_SCHEMA,
      application_name: "escapewatch-queue",
      max: options.connections ?? 4,
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? MAINTENANCE_SECONDS,
      // Cron scheduling is not used.
      schedule: false,
    });
    // pg-boss reports background errors (a lost connection during maintenance) as events; without
    // a listener Node would end the process on the first one.
    boss.on("error", (error) => console.error(`queue: ${error.message}`));
    try {
      await boss.start();
      if (!(await boss.getQueue(INGEST_QUEUE))) {
        await boss
          .createQueue(INGEST_QUEUE, {
            name: INGEST_QUEUE,
            retryLimit: JOB_RETRY_LIMIT,
            retryDelay: 0,
            expireInSeconds: options.expireInSeconds ?? JOB_EXPIRE_SECONDS,
          })
          // Two processes starting at once: the second finds the queue made by the first.
          .catch(async (error) => {
            if (!(await boss.getQueue(INGEST_QUEUE))) throw error;
          });
      }
    } catch (error) {
      await boss.stop({ graceful: false, wait: true }).catch(() => {});
      throw new QueueError(`cannot open the queue at ${redact(url)}: ${(error as Error).message}`);
    }
    return new IngestQueue(boss, url);
  }

  /** Puts jobs on the queue, INSERT_CHUNK per round trip; returns how many. `expireInSeconds`: see JOB_EXPIRE_SECONDS. */
  async enqueue(jobs: Iterable<IngestJob>, opts: { expireInSeconds?: number } = {}): Promise<number> {
    let count = 0;
    let chunk: PgBoss.JobInsert<IngestJob>[] = [];
    const flush = async () => {
      if (chunk.length) await this.boss.insert(chunk);
      count += chunk.length;
      chunk = [];
    };
    for (const data of jobs) {
      chunk.push({ name: INGEST_QUEUE, data, ...(opts.expireInSeconds ? { expireInSeconds: opts.expireInSeconds } : {}) });
      if (chunk.length >= INSERT_CHUNK) await flush();
    }
    await flush();
    return count;
  }

  /** Records (a feed's entries, one POSTed report) as jobs; returns the id of the first job. */
  async enqueueRecords(records: RawRecord[]): Promise<string | null> {
    let first: string | null = null;
    for (const data of jobsOf(records)) {
      const id = await this.boss.send(INGEST_QUEUE, data);
      first ??= id;
    }
    return first;
  }

  /**
   * Takes jobs one at a time on `concurrency` loops until stopWork(): a job whose handler resolves
   * is completed with what it answered; one whose handler throws is failed, so retried. A loop
   * that finished a job asks for the next at once and waits POLL_MS only when the queue is empty
   * (pg-boss's own work() waits a polling interval between any two jobs).
   */
  work(handler: JobHandler, opts: { concurrency: number }): void {
    const loop = async () => {
      while (!this.stopping) {
        const [job] = await this.boss.fetch<IngestJob>(INGEST_QUEUE, { batchSize: 1 }).catch((error: Error) => {
          console.error(`queue: ${error.message}`);
          return [];
        });
        if (!job) {
          await new Promise((resolve) => setTimeout(resolve, POLL_MS));
          continue;
        }
        try {
          const records = JSON.parse(job.data.records) as RawRecord[];
          const output = await handler({ id: job.id, records, fallbackPublished: job.data.fallbackPublished ?? null });
          await this.boss.complete(INGEST_QUEUE, job.id, output);
        } catch (error) {
          console.error(`queue: job ${job.id} failed and will be retried: ${(error as Error).message}`);
          await this.boss.fail(INGEST_QUEUE, job.id, { message: (error as Error).message }).catch(() => {});
        }
      }
    };
    for (let i = 0; i < opts.concurrency; i++) this.loops.push(loop());
  }

  /** Takes no more jobs; resolves when the jobs in hand are finished. */
  async stopWork(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.loops);
    this.loops = [];
  }

  /** Jobs not finished: waiting, to be retried, or held by a worker (perhaps one that died and whose job will expire). */
  async unfinished(): Promise<number> {
    return this.boss.getQueueSize(INGEST_QUEUE, { before: "completed" });
  }

  async counts(): Promise<QueueCounts> {
    const rows = await this.boss.getDb().executeSql(
      `SELECT state::text AS state, count(*)::int AS n FROM ${QUEUE_SCHEMA}.job WHERE name = $1 GROUP BY state`,
      [INGEST_QUEUE],
    );
    const by = new Map<string, number>(rows.rows.map((r: { state: string; n: number }) => [r.state, r.n]));
    return {
      waiting: (by.get("created") ?? 0) + (by.get("retry") ?? 0),
      active: by.get("active") ?? 0,
      completed: by.get("completed") ?? 0,
      failed: by.get("failed") ?? 0,
    };
  }

  /** Runs pg-boss's expiry now: jobs held past their expiry go back to the queue. */
  async expireLost(): Promise<void> {
    await this.boss.expire();
  }

  /** Finishes the jobs in hand (stopWork) and disconnects. */
  async close(): Promise<void> {
    await this.stopWork();
    await this.boss.stop({ graceful: false, wait: true });
  }
}
