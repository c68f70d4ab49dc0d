// `escapewatch watch [--once] [--queue]`: polls the watched feeds and ingests what they publish,
// or with a queue hands it to the workers.
import { queueFrom, queueWanted, storeFrom } from "../options.ts";
import type { FeedPollResult } from "../../feeds/poll.ts";
import type { RegisterCommand } from "./index.ts";

/** One line per polled feed. */
export function resultLine(r: FeedPollResult): string {
  if (r.outcome === "failed") return `${r.feed}: failed: ${r.error}`;
  if (r.outcome === "not-modified") return `${r.feed}: not modified`;
  const problems = r.problems.map((p) => `\n  ${p.key}: ${p.error}`).join("");
  if (r.queued !== undefined) return `${r.feed}: ${r.entries} entries, queued ${r.queued}, unchanged ${r.unchanged}, not read ${r.problems.length}${problems}`;
  return `${r.feed}: ${r.entries} entries, new ${r.new}, already known ${r.known}, unchanged ${r.unchanged}, not read ${r.problems.length}${problems}`;
}

export const register: RegisterCommand = (program, exit) => {
  program
    .command("watch")
    .description("Poll every watched feed on its interval and ingest new and revised reports (see `feeds add`).")
    .option("--once", "poll the feeds that are due once, then exit (status 1 if any failed)")
    .option("--db <path>", "database file or postgres:// URL (default ./escapewatch.db or $ESCAPEWATCH_DB)")
    .option("--queue", "put new entries on the ingest queue for `escapewatch worker` processes (also ESCAPEWATCH_QUEUE=1)")
    .option("--queue-db <url>", "PostgreSQL database of the queue (default: --db when it is postgres://, or $ESCAPEWATCH_QUEUE_DB)")
    .addHelpText("after", "\nEnvironment:\n  ESCAPEWATCH_FETCH_ALLOW  private ranges feeds may be fetched from, as CIDR, comma-separated (e.g. 10.0.0.0/8)\n")
    .action(async (opts: { once?: boolean; db?: string; queue?: boolean; queueDb?: string }) => {
      const { watchFeeds } = await import("../../feeds/watch.ts");
      const store = await storeFrom(opts.db);
      const queue = queueWanted(opts.queue)
        ? await queueFrom(opts).catch(async (error) => {
            await store.close();
            throw error;
          })
        : null;
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      process.once("SIGINT", onSignal);
      process.once("SIGTERM", onSignal);
      try {
        const last = await watchFeeds(store, {
          once: opts.once,
          signal: stop.signal,
          enqueue: queue ? async (records) => void (await queue.enqueueRecords(records)) : undefined,
          onResult: (r) => (r.outcome === "failed" ? console.error(resultLine(r)) : console.log(resultLine(r))),
          onError: (error) => console.error(`watch: this pass failed, the next one follows: ${error.message}`),
        });
        if (opts.once && last.some((r) => r.outcome === "failed")) exit(1);
      } finally {
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
        await queue?.close();
        await store.close();
      }
    });
};
