// `escapewatch serve`: the JSON API and the dashboard (built first if missing) over an existing database.
import { InvalidArgumentError, type Command } from "commander";
import { existingStoreFrom } from "../options.ts";
import { ensureDashboard } from "../../server/dashboard.ts";
import { DEFAULT_HOST, DEFAULT_PORT } from "../../server/listen.ts";
import type { RegisterCommand } from "./index.ts";

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
    .option("--db <path>", "database file (default ./escapewatch.db or $ESCAPEWATCH_DB)");
}

export interface ServeOptions {
  port: number;
  host: string;
  db?: string;
}

export const register: RegisterCommand = (program) => {
  withServerOptions(
    program.command("serve").description("Serve the JSON API (/api, OpenAPI at /api/openapi.json) and the dashboard (built if missing)."),
  )
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
      const server = await runServer(store, { port: options.port, host: options.host, webRoot });
      await untilStopped(server, store);
    });
};
