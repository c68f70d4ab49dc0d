// `escapewatch start` (what `npm start` runs): builds the dashboard if needed, fills an empty
// database with the bundled sample reports, then serves. The one command a new user needs.
import { storeFrom } from "../options.ts";
import { formatRejection } from "../../ingest/errors.ts";
import { ensureDashboard } from "../../server/dashboard.ts";
import { SAMPLES_DIR } from "../../server/paths.ts";
import { withServerOptions, type ServeOptions } from "./serve.ts";
import type { RegisterCommand } from "./index.ts";

export const register: RegisterCommand = (program) => {
  withServerOptions(
    program.command("start").description("Build the dashboard if needed, load the sample reports into an empty database, and serve."),
  )
    .option("--no-samples", "do not load the bundled sample reports into an empty database")
    .action(async (options: ServeOptions & { samples: boolean }) => {
      const webRoot = await ensureDashboard({ log: (line) => console.log(line) });
      const store = await storeFrom(options.db);
      if (options.samples && (await store.countDocuments()) === 0) {
        const { ingestPaths } = await import("../../ingest/pipeline.ts");
        const summary = await ingestPaths(store, [SAMPLES_DIR], { onRejected: (r) => console.error(formatRejection(r)) });
        console.log(`loaded ${summary.new} sample reports from samples/ (${await store.countIncidents()} incidents)`);
      }
      // The HTTP stack and the API are loaded by the commands that serve only.
      const { runServer, untilStopped } = await import("../../server/run.ts");
      const server = await runServer(store, { port: options.port, host: options.host, webRoot });
      await untilStopped(server, store);
    });
};
