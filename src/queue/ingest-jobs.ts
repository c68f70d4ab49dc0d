// Both ends of the ingest queue: `enqueuePaths` reads files into jobs (what `ingest --queue`
// does), `runIngestWorker` takes jobs and runs each through the same path as a single-process
// ingest (ingestRecords: read, clean, extract, store; then updateIncidents).
//
// Why a crash costs nothing: a job is completed only after its documents are stored and its
// blocks merged. A worker killed before that leaves the job active; it expires and is retried.
// Its documents that were stored already are found by content and answer "known"; blocks left
// dirty are merged by the next update of any worker (merging works per block, serialised by the
// store, and its result does not depend on the order mentions arrive in).
import type { Day, RawRecord } from "../model/doc.ts";
import type { Store } from "../store/store.ts";
import type { DocumentStages } from "../ingest/stages.ts";
import { ingestRecords, type RecordOutcome } from "../ingest/pipeline.ts";
import { updateIncidents } from "../incidents/update.ts";
import { listInputs, type InputFile } from "../ingest/files.ts";
import { recordsOf } from "../ingest/inputs.ts";
import { IngestError, rejection, type IngestWarning, type Rejection } from "../ingest/errors.ts";
import { jobsOf, type IngestQueue } from "./ingest-queue.ts";

/** How often an idle worker asks whether the queue has drained (`--exit-when-idle`). */
export const IDLE_CHECK_MS = 1000;
/** Records read ahead before they are cut into jobs and inserted. */
const ENQUEUE_CHUNK = 2000;

export interface EnqueueSummary {
  read: number;
  queued: number;
  jobs: number;
  rejected: number;
  rejections: Rejection[];
}

/**
 * Reads every file the paths name into jobs on the queue. An input that cannot be read is
 * rejected here, before any worker sees it; cleaning and extraction happen in the workers.
 */
export async function enqueuePaths(
  queue: IngestQueue,
  paths: string[],
  opts: {
    fallbackPublished?: Day | null;
    /** Seconds a job may be held before it is taken to be lost (default JOB_EXPIRE_SECONDS). */
    jobTimeoutSeconds?: number;
    onRejected?: (r: Rejection) => void;
    onWarning?: (w: IngestWarning) => void;
  } = {},
): Promise<EnqueueSummary> {
  const summary: EnqueueSummary = { read: 0, queued: 0, jobs: 0, rejected: 0, rejections: [] };
  const reject = (r: Rejection) => {
    summary.rejected += 1;
    summary.rejections.push(r);
    opts.onRejected?.(r);
  };
  let pending: RawRecord[] = [];
  const flush = async () => {
    summary.jobs += await queue.enqueue(jobsOf(pending, opts.fallbackPublished ?? null), { expireInSeconds: opts.jobTimeoutSeconds });
    summary.queued += pending.length;
    pending = [];
  };
  for (const input of await listInputs(paths, opts.onWarning)) {
    if (!("kind" in input)) {
      summary.read += 1;
      reject(rejection(input.path, input.error));
      continue;
    }
    try {
      for await (const item of recordsOf(input as InputFile, () => {}, opts.onWarning)) {
        summary.read += 1;
        if ("code" in item) reject(item);
        else if (pending.push(item) >= ENQUEUE_CHUNK) await flush();
      }
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      summary.read += 1;
      reject(rejection(input.path, error));
    }
  }
  await flush();
  return summary;
}

/** What a worker did, summed over its jobs. */
export interface WorkerSummary {
  jobs: number;
  new: number;
  updated: number;
  known: number;
  rejected: number;
}

export interface WorkerOptions {
  /** Jobs in hand at once. */
  concurrency?: number;
  /** Stop once the queue holds no unfinished job (those of a dead worker included: they expire and come back first). */
  exitWhenIdle?: boolean;
  /** Where cleaning and extraction run: this thread unless a pool is given. */
  stages?: DocumentStages;
  onRejected?: (r: Rejection) => void;
  /** A job was taken (before any of its work). */
  onTaken?: (id: string, records: number) => void;
  /** A job's documents are stored and its blocks merged; it is completed next. */
  onJob?: (id: string, outcomes: RecordOutcome[]) => void;
  /** Ends the worker (SIGTERM, Ctrl-C): jobs in hand are finished first. */
  signal?: AbortSignal;
}

/** One job through the single-process path; answers its counts (kept by pg-boss as the job's output). */
export async function runIngestJob(store: Store, records: RawRecord[], fallbackPublished: Day | null, stages?: DocumentStages) {
  const outcomes = await ingestRecords(store, records, { fallbackPublished, stages });
  // Merged before the job completes: a worker killed here leaves the job to be retried, and the
  // blocks dirty for whoever updates next.
  await updateIncidents(store);
  return outcomes;
}

/** Takes jobs until stopped (or, with exitWhenIdle, until the queue has drained) and the jobs in hand are done. */
export async function runIngestWorker(store: Store, queue: IngestQueue, opts: WorkerOptions = {}): Promise<WorkerSummary> {
  const summary: WorkerSummary = { jobs: 0, new: 0, updated: 0, known: 0, rejected: 0 };
  // 1. Finish incident work a killed worker left dirty.
  await updateIncidents(store);
  let inHand = 0;
  queue.work(
    async (job) => {
      inHand += 1;
      opts.onTaken?.(job.id, job.records.length);
      try {
        const outcomes = await runIngestJob(store, job.records, job.fallbackPublished, opts.stages);
        summary.jobs += 1;
        for (const o of outcomes) {
          if (o.status === "rejected") {
            summary.rejected += 1;
            if (o.reason) opts.onRejected?.(o.reason);
          } else summary[o.status] += 1;
        }
        opts.onJob?.(job.id, outcomes);
        return { records: outcomes.length, rejected: outcomes.filter((o) => o.status === "rejected").length };
      } finally {
        inHand -= 1;
      }
    },
    { concurrency: opts.concurrency ?? 1 },
  );
  // 2. Until asked to stop, or until nothing is left anywhere in the queue.
  await new Promise<void>((resolve) => {
    const timer = setInterval(async () => {
      if (opts.signal?.aborted) return done();
      if (inHand > 0) return;
      // An idle worker returns lost jobs (held past their expiry by a worker that died) at once,
      // rather than at pg-boss's next maintenance.
      await queue.expireLost().catch(() => {});
      if (opts.exitWhenIdle && (await queue.unfinished().catch(() => 1)) === 0 && inHand === 0) done();
    }, IDLE_CHECK_MS);
    const done = () => {
      clearInterval(timer);
      resolve();
    };
    opts.signal?.addEventListener("abort", done, { once: true });
  });
  await queue.stopWork();
  // 3. Blocks another worker left dirty when it died after storing its last documents.
  await updateIncidents(store);
  return summary;
}
