// What `escapewatch serve` and `escapewatch start` share: tokens from the environment, the
// app over the store, a socket, and a clean shutdown on Ctrl-C.
import type { Store } from "../store/store.ts";
import type { RawRecord } from "../model/doc.ts";
import { createApp } from "./app.ts";
import { listen, type RunningServer } from "./listen.ts";
import { warmPipeline } from "./warm.ts";
import { createExtractPool, type ExtractPool } from "./extract-pool.ts";

export const WRITE_TOKEN_ENV = "ESCAPEWATCH_TOKEN";
export const READ_TOKEN_ENV = "ESCAPEWATCH_READ_TOKEN";
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "::1", "localhost"]);

export interface RunOptions {
  port: number;
  host: string;
  webRoot: string | null;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  /** POSTed reports go to this queue's workers instead of being stored here. */
  enqueue?: (raw: RawRecord) => Promise<string | null>;
  /** Where POSTed reports are cleaned and extracted: a new pool of worker threads unless given (tests). */
  pool?: ExtractPool;
}

/** A token that cannot work, refused at start (E_TOKEN_INVALID) rather than silently disabling access. */
export class TokenError extends Error {
  readonly code = "E_TOKEN_INVALID";
  constructor(message: string) {
    super(`[E_TOKEN_INVALID] ${message}`);
  }
}

/**
 * A token from the environment: unset or empty means none; one of spaces, or with a space inside,
 * could never be sent in an `Authorization: Bearer` header, so it is refused with the reason.
 */
export function tokenFromEnv(env: NodeJS.ProcessEnv, name: string): string | null {
  const value = env[name];
  if (value === undefined || value === "") return null;
  if (value.trim() === "") throw new TokenError(`${name} is only whitespace: set a secret (e.g. ${name}=$(openssl rand -hex 24)), or unset it`);
  if (/\s/.test(value)) throw new TokenError(`${name} contains whitespace, which a Bearer token cannot carry: use a secret without spaces`);
  return value;
}

/** Serves the API and dashboard over `store` until `close()` is called. */
export async function runServer(store: Store, options: RunOptions): Promise<RunningServer> {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.log(line));
  const token = tokenFromEnv(env, WRITE_TOKEN_ENV);
  const readToken = tokenFromEnv(env, READ_TOKEN_ENV);
  // Cleaning and extraction of POSTed reports run in worker threads: reads never wait on them.
  const pool = options.pool ?? createExtractPool();
  // With writes enabled the pipeline is loaded before the first request, not by it, in this thread
  // and in a thread of the pool; a read-only server never runs it. Admins (the environment's token
  // or admin users) ingest; reviewers never run the pipeline.
  const ingests = token !== null || (await store.listUsers()).some((u) => u.role === "admin");
  if (ingests) await warmPipeline(pool);
  const app = createApp({ store, token, readToken, webRoot: options.webRoot, stages: pool, enqueue: options.enqueue });
  const listening = await listen(app, { port: options.port, host: options.host }).catch(async (error) => {
    await pool.close();
    throw error;
  });
  const server: RunningServer = {
    ...listening,
    close: async () => {
      await listening.close();
      await pool.close();
    },
  };
  log(`escapewatch dashboard: ${server.url}`);
  log(`escapewatch API: ${server.url}api/openapi.json`);
  if (!token && (await store.listUsers()).length === 0) log(`writes are disabled (set ${WRITE_TOKEN_ENV}, or add users with \`escapewatch users add\`, to enable them)`);
  if (!LOOPBACK_HOSTS.has(options.host) && !readToken) {
    log(`note: listening on ${options.host} with open reads; set ${READ_TOKEN_ENV} to make the data private`);
  }
  return server;
}

/** Resolves when the process is asked to stop (Ctrl-C or SIGTERM), after closing server and store. */
export function untilStopped(server: RunningServer, store: Store, beforeClose?: () => Promise<void> | undefined): Promise<void> {
  return new Promise((resolve) => {
    const stop = async () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      // Background work over the store (serve --watch) ends before the store closes.
      await beforeClose?.();
      await server.close();
      await store.close();
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
