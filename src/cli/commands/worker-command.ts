// `escapewatch worker`: takes ingest jobs from the PostgreSQL queue (`ingest --queue`, feeds and
// POST /api/documents with a queue) and stores them like a single-process ingest. Run as many as
// the machines allow; each job is held by one worker, and a worker killed mid-job costs a retry.
// (The file is not named *worker.ts: the build bundles those as thread entry points.)
import { InvalidArgumentError } from "commander";
import { queueFrom, storeFrom } from "../options.ts";
import { formatRejection } from "../../ingest/errors.ts";
import type { RegisterCommand } from "./index.ts";

/** More jobs in hand than this gains nothing on one machine: extraction threads are bounded by its cores. */
export const MAX_CONCURRENCY = 64;

function concurrencyOption(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > MAX_CONCURRENCY) throw new InvalidArgumentError(`expected a whole number 1-${MAX_CONCURRENCY}`);
  return n;
}

function countsOf(outcomes: Array<{ status: string }>): string {
  const counts = new Map<string, number>();
  for (const o of outcomes) counts.set(o.status, (counts.get(o.status) ?? 0) + 1);
  return [...counts].map(([status, n]) => `${status} ${n}`).join(", ");
}

export const register: RegisterCommand = (program) => {
  program
    .command("worker")
    .description("Take ingest jobs from the queue and store them (run any number, on any machine).")
    .option("--db <url>", "the store: postgres://... for a team (default ./escapewatch.db or $ESCAPEWATCH_DB)")
    .option("--queue-db <url>", "PostgreSQL database of the queue (default: --db when it is postgres://, or $ESCAPEWATCH_QUEUE_DB)")
    .option("--concurrency <n>", "jobs in hand at once; above 1, cleaning and extraction run in that many threads", concurrencyOption, 1)
    .option("--exit-when-idle", "exit once no job is waiting, retrying or held by another worker")
    .option("--verbose", "print a line when a job is taken and when it is done")
    .action(async (options: { db?: string; queueDb?: string; concurrency: number; exitWhenIdle?: boolean; verbose?: boolean }) => {
      // The queue first: a worker given no queue creates no store.
      const queue = await queueFrom(options);
      const store = await storeFrom(options.db).catch(async (error) => {
        await queue.close();
        throw error;
      });
      // Several jobs at once only pay when their CPU work runs on other cores.
      const pool = options.concurrency > 1 ? (await import("../../server/extract-pool.ts")).createExtractPool({ threads: options.concurrency }) : null;
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      try {
        const { runIngestWorker } = await import("../../queue/ingest-jobs.ts");
        const summary = await runIngestWorker(store, queue, {
          concurrency: options.concurrency,
          exitWhenIdle: options.exitWhenIdle,
          stages: pool ?? undefined,
          signal: controller.signal,
          onRejected: (r) => console.error(formatRejection(r)),
          ...(options.verbose
            ? {
                onTaken: (id: string, records: number) => console.log(`job ${id} taken: ${records} records`),
                onJob: (id: string, outcomes: Array<{ status: string }>) => console.log(`job ${id} done: ${countsOf(outcomes)}`),
              }
            : {}),
        });
        // Rejected records were reported as they came; a worker that did its jobs succeeded.
        console.log(`jobs ${summary.jobs}: new ${summary.new}, updated ${summary.updated}, already known ${summary.known}, rejected ${summary.rejected}`);
      } finally {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        await queue.close();
        await pool?.close();
        await store.close();
      }
    });
};
