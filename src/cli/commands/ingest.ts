// `escapewatch ingest PATH...`: files and folders of scraped reports into the database.
import { InvalidArgumentError } from "commander";
import type cliProgress from "cli-progress";
import { queueFrom, storeFrom } from "../options.ts";
import type { IngestProgress } from "../../ingest/pipeline.ts";
import { formatRejection, formatWarning, REJECTION_CODES, type IngestWarning, type Rejection, type RejectionCode } from "../../ingest/errors.ts";
import { parseDay } from "../../text/dates.ts";
import type { RegisterCommand } from "./index.ts";

/** Inputs smaller than this finish before a progress bar would be worth drawing. */
export const PROGRESS_MIN_BYTES = 5 * 1024 * 1024;

function dayOption(value: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? parseDay(value) : null;
  if (!day) throw new InvalidArgumentError("expected a calendar day as YYYY-MM-DD");
  return day;
}

/**
 * Draws a bar on stderr only for a terminal and a large input; otherwise stays silent. The bar's
 * library is loaded by the caller only when a bar may be drawn (`mayDraw`).
 */
function progressBar(library: typeof cliProgress | null) {
  let bar: cliProgress.SingleBar | null = null;
  return {
    update(p: IngestProgress) {
      if (!bar && library && p.bytesTotal >= PROGRESS_MIN_BYTES) {
        bar = new library.SingleBar(
          { stream: process.stderr, format: "ingest [{bar}] {percentage}% | {read} records", hideCursor: true },
          library.Presets.shades_classic,
        );
        bar.start(p.bytesTotal, 0, { read: 0 });
      }
      bar?.update(p.bytesDone, { read: p.read });
    },
    get active() {
      return bar !== null;
    },
    stop() {
      bar?.stop();
    },
  };
}

interface IngestCommandOptions {
  db?: string;
  published?: string;
  queue?: boolean;
  queueDb?: string;
  jobTimeout?: number;
}

/** Whole seconds, at least one (pg-boss's smallest expiry) and under a day. */
function secondsOption(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n >= 86_400) throw new InvalidArgumentError("expected whole seconds, 1-86399");
  return n;
}

/** `ingest --queue`: records onto the queue; unreadable inputs are rejected here, the rest by the workers. */
async function enqueue(paths: string[], options: IngestCommandOptions, exit: (code: number) => void) {
  const queue = await queueFrom(options);
  try {
    const { enqueuePaths } = await import("../../queue/ingest-jobs.ts");
    const summary = await enqueuePaths(queue, paths, {
      fallbackPublished: options.published ?? null,
      jobTimeoutSeconds: options.jobTimeout,
      onRejected: (r) => console.error(formatRejection(r)),
      onWarning: (w) => console.error(formatWarning(w)),
    });
    console.log(`read ${summary.read}, queued ${summary.queued} in ${summary.jobs} jobs, rejected ${summary.rejected}`);
    if (summary.rejected > 0) exit(1);
  } finally {
    await queue.close();
  }
}

export const register: RegisterCommand = (program, exit) => {
  program
    .command("ingest")
    .description("Clean, date, extract and store scraped reports (.txt, .html, .json, .jsonl, folders).")
    .argument("<paths...>", "files or folders (searched recursively)")
    .option("--db <path>", "database file or postgres:// URL (default ./escapewatch.db or $ESCAPEWATCH_DB)")
    .option("--published <YYYY-MM-DD>", "publication day for inputs that carry none", dayOption)
    .option("--queue", "put the records on the ingest queue for `escapewatch worker` processes instead of ingesting them here")
    .option("--queue-db <url>", "PostgreSQL database of the queue (default: --db when it is postgres://, or $ESCAPEWATCH_QUEUE_DB)")
    .option("--job-timeout <seconds>", "with --queue: a job held this long is taken to be lost with its worker and retried", secondsOption)
    .action(async (paths: string[], options: IngestCommandOptions) => {
      if (options.queue) return enqueue(paths, options, exit);
      // The pipeline is loaded here, not with the command table: `--help` and the other commands never need it.
      const [{ ingestPaths, summaryLine }, progressLibrary] = await Promise.all([
        import("../../ingest/pipeline.ts"),
        process.stderr.isTTY ? import("cli-progress").then((m) => m.default) : null,
      ]);
      const store = await storeFrom(options.db);
      const bar = progressBar(progressLibrary);
      // While the bar is drawn, rejection lines wait so they do not tear it.
      const held: Array<Rejection | IngestWarning> = [];
      const line = (item: Rejection | IngestWarning) => ("code" in item && item.code.startsWith("W_") ? formatWarning(item as IngestWarning) : formatRejection(item as Rejection));
      try {
        const summary = await ingestPaths(store, paths, {
          fallbackPublished: options.published ?? null,
          onProgress: (p) => bar.update(p),
          onRejected: (r) => (bar.active ? held.push(r) : console.error(line(r))),
          onWarning: (w) => (bar.active ? held.push(w) : console.error(line(w))),
        });
        bar.stop();
        for (const item of held) console.error(line(item));
        console.log(summaryLine(summary));
        for (const [code, count] of Object.entries(summary.rejectedByCode)) {
          console.log(`  ${code} ${count}: ${REJECTION_CODES[code as RejectionCode]}`);
        }
        if (summary.rejected > 0) exit(1);
      } finally {
        bar.stop();
        await store.close();
      }
    });
};
