// `escapewatch serve`: the JSON API and the built dashboard over an existing database.
import { InvalidArgumentError, type Command } from "commander";
import { existingStoreFrom } from "../options.ts";
import { dashboardBuilt } from "../../server/dashboard.ts";
import { DEFAULT_HOST, DEFAULT_PORT } from "../../server/listen.ts";
import { WEB_DIST } from "../../server/paths.ts";
import { runServer, untilStopped } from "../../server/run.ts";
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
    program.command("serve").description("Serve the JSON API (/api, OpenAPI at /api/openapi.json) and the dashboard (if built)."),
  )
    .addHelpText(
      "after",
      "\nEnvironment:\n  ESCAPEWATCH_TOKEN       bearer token that enables POST /api/documents\n  ESCAPEWATCH_READ_TOKEN  bearer token required for reads (default: reads are open)\n" +
        "  ESCAPEWATCH_RATE_LIMIT  writes per client per minute (default 600)\n  ESCAPEWATCH_READ_RATE_LIMIT  reads per client per minute (default: unlimited)\n",
    )
    .action(async (options: ServeOptions) => {
      const store = await existingStoreFrom(options.db);
      if (!dashboardBuilt()) console.log("dashboard not built: run `npm run build:web` (or use `escapewatch start`); serving the API only");
      const server = await runServer(store, { port: options.port, host: options.host, webRoot: dashboardBuilt() ? WEB_DIST : null });
      await untilStopped(server, store);
    });
};
