// Cleaning and extraction for the server in worker threads (piscina), so a heavy POST never
// holds up the event loop that answers reads: the main thread only looks up, stores and merges.
// The pool starts its threads on the first write, so a read-only server never loads the
// extraction models.
//
// Locating the worker: extract-worker beside this module, with this module's own extension.
// Run from source (bin/escapewatch.js registers tsx in the main thread only), the worker is a .ts
// file and its thread loads tsx's ESM loader through --import; compiled to JavaScript, the worker
// is the .js file beside this one and needs no loader.
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { Piscina } from "piscina";
import type { DocumentStages } from "../ingest/stages.ts";
import type { ExtractTask } from "./extract-worker.ts";

/** Threads at most: one core stays with the event loop, SQLite and incident merging. */
export const MAX_EXTRACT_THREADS = Math.max(1, Math.min(4, availableParallelism() - 1));
/** An idle thread is stopped after this long, giving back the memory of the extraction models. */
export const IDLE_THREAD_MS = 10 * 60_000;

const SOURCE = import.meta.url.endsWith(".ts");
export const WORKER_FILE = fileURLToPath(new URL(`./extract-worker.${SOURCE ? "ts" : "js"}`, import.meta.url));

/** Node options for the worker threads: the TypeScript loader when running from source. */
function workerExecArgv(): string[] {
  if (!SOURCE) return [];
  const loader = createRequire(import.meta.url).resolve("tsx");
  return ["--import", new URL(`file://${loader}`).href];
}

export interface ExtractPool extends DocumentStages {
  /** Worker threads running now: none before the first task, and none again once they idled out. */
  threads(): number;
  /** Stops the threads (the server's shutdown). */
  close(): Promise<void>;
}

export function createExtractPool(options: { threads?: number } = {}): ExtractPool {
  let pool: Piscina | null = null;
  const run = (task: ExtractTask) => {
    pool ??= new Piscina({
      filename: WORKER_FILE,
      execArgv: workerExecArgv(),
      minThreads: 0,
      maxThreads: options.threads ?? MAX_EXTRACT_THREADS,
      idleTimeout: IDLE_THREAD_MS,
    });
    return pool.run(task);
  };
  return {
    prepare: (raw, opts) => run({ stage: "prepare", raw, opts }),
    extract: (doc) => run({ stage: "extract", doc }),
    threads: () => pool?.threads.length ?? 0,
    async close() {
      await pool?.destroy();
      pool = null;
    },
  };
}
