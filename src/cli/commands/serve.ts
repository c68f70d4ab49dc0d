// `escapewatch serve`: the JSON API and the dashboard (built first if missing) over an existing database.
import { InvalidArgumentError, type Command } from "commander";
import { existingStoreFrom, queueFrom, queueWanted } from "../options.ts";
import { redact } from "../../queue/location.ts";
import type { RawRecord } from "../../model/doc.ts";
import { ensureDashboard } from "../../server/dashboard.ts";
import { DEFAULT_HOST, DEFAULT_PORT } from "../../server/listen.ts";
import type { Store } from "../../store/store.ts";
import type { RegisterCommand } from "./index.ts";

/** The feed loop beside the server; `stop` resolves when the pass in progress has ended. */
async function startWatching(store: Store, enqueue?: (records: RawRecord[]) => Promise<void>): Promise<{ stop: () => Promise<void> }> {
  const [{ watchFeeds }, { resultLine }] = await Promise.all([import("../../feeds/watch.ts"), import("./watch.ts")]);
  const controller = new AbortController();
  const loop = watchFeeds(store, {
    signal: controller.signal,
    enqueue,
    onResult: (r) => console.log(resultLine(r)),
    onError: (error) => console.error(`watch: this pass failed, the next one follows: ${error.message}`),
  }).catch((error: Error) => {
    console.error(`watch stopped: ${error.message}`);
  });
  return {
    stop: async () => {
      controller.abort();
      await loop;
    },
  };
}

const MAX_PORT = 65_535;

/** A TCP port number (0 picks a free one). */
export function portOption(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > MAX_PORT) throw new InvalidArgumentError(`expected a port number 0-${MAX_PORT}`);
  return port;
}

/** The options `serve` and `start` share: where to listen and which database. */
export function withServerOptions(command: Command): Command {
  return command
    .option("--port <port>", "TCP port", portOption, DEFAULT_PORT)
    .option("--host <host>", "interface to listen on", DEFAULT_HOST)
    .option("--db <path>", "database file or postgres:// URL (default ./escapewatch.db or $ESCAPEWATCH_DB)");
}

export interface ServeOptions {
  port: number;
  host: string;
  db?: string;
  watch?: boolean;
  queue?: boolean;
  queueDb?: string;
}

export const register: RegisterCommand = (program) => {
  withServerOptions(
    program.command("serve").description("Serve the JSON API (/api, OpenAPI at /api/openapi.json) and the dashboard (built if missing)."),
  )
    .option("--watch", "also poll the watched feeds and send alerts, as `escapewatch watch` does")
    .option("--queue", "POST /api/documents and watched feeds put reports on the ingest queue for `escapewatch worker` (also ESCAPEWATCH_QUEUE=1)")
    .option("--queue-db <url>", "PostgreSQL database of the queue (default: --db when it is postgres://, or $ESCAPEWATCH_QUEUE_DB)")
    .addHelpText(
      "after",
      "\nEnvironment:\n  ESCAPEWATCH_TOKEN       bearer token that enables POST /api/documents\n  ESCAPEWATCH_READ_TOKEN  bearer token required for reads (default: reads are open)\n" +
        "  ESCAPEWATCH_RATE_LIMIT  writes per client per minute (default 600)\n  ESCAPEWATCH_READ_RATE_LIMIT  reads per client per minute (default: unlimited)\n",
    )
    .action(async (options: ServeOptions) => {
      const store = await existingStoreFrom(options.db);
      const webRoot = await ensureDashboard({ log: (line) => console.log(line) });
      // The HTTP stack and the API are loaded by the commands that serve only.
      const { runServer, untilStopped } = await import("../../server/run.ts");
      const queue = queueWanted(options.queue) ? await queueFrom(options) : null;
      const server = await runServer(store, {
        port: options.port,
        host: options.host,
        webRoot,
        enqueue: queue ? async (raw) => queue.enqueueRecords([raw]) : undefined,
      });
      if (queue) console.log(`reports go to the ingest queue in ${redact(queue.location)}: run \`escapewatch worker\` to store them`);
      const watching = options.watch ? await startWatching(store, queue ? async (records) => void (await queue.enqueueRecords(records)) : undefined) : null;
      await untilStopped(server, store, async () => {
        await watching?.stop();
        await queue?.close();
      });
    });
};
