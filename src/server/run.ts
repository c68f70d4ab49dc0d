// What `escapewatch serve` and `escapewatch start` share: tokens from the environment, the
// app over the store, a socket, and a clean shutdown on Ctrl-C.
import type { Store } from "../store/store.ts";
import { createApp } from "./app.ts";
import { listen, type RunningServer } from "./listen.ts";
import { warmPipeline } from "./warm.ts";

export const WRITE_TOKEN_ENV = "ESCAPEWATCH_TOKEN";
export const READ_TOKEN_ENV = "ESCAPEWATCH_READ_TOKEN";
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "::1", "localhost"]);

export interface RunOptions {
  port: number;
  host: string;
  webRoot: string | null;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

/** Serves the API and dashboard over `store` until `close()` is called. */
export async function runServer(store: Store, options: RunOptions): Promise<RunningServer> {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.log(line));
  const token = env[WRITE_TOKEN_ENV] || null;
  const readToken = env[READ_TOKEN_ENV] || null;
  const app = createApp({ store, token, readToken, webRoot: options.webRoot });
  // With writes enabled the pipeline is loaded before the first request, not by it; a read-only
  // server never runs it.
  if (token) await warmPipeline();
  const server = await listen(app, { port: options.port, host: options.host });
  log(`escapewatch dashboard: ${server.url}`);
  log(`escapewatch API: ${server.url}api/openapi.json`);
  if (!token) log(`writes are disabled (set ${WRITE_TOKEN_ENV} to enable POST /api/documents)`);
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
