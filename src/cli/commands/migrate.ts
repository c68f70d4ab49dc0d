// `escapewatch migrate --from FILE --to postgres://...`: moves a laptop's SQLite store into the
// team's PostgreSQL store, exactly (see store/postgres/copy-from-sqlite.ts).
import { dbPath } from "../options.ts";
import type { RegisterCommand } from "./index.ts";

export const register: RegisterCommand = (program, exit) => {
  program
    .command("migrate")
    .description("Copy a SQLite store (documents with their versions, incidents, feeds, rules, alerts) into an empty PostgreSQL database.")
    .option("--from <path>", "the SQLite store (default: $ESCAPEWATCH_DB or ./escapewatch.db)")
    .requiredOption("--to <url>", "the PostgreSQL store, postgres://user@host:5432/name (created when missing, must be empty)")
    .action(async (opts: { from?: string; to: string }) => {
      const [{ copySqliteToPostgres }, { isPostgresUrl, redactedUrl }] = await Promise.all([
        import("../../store/postgres/copy-from-sqlite.ts"),
        import("../../store/postgres/postgres-store.ts"),
      ]);
      const from = dbPath(opts.from);
      if (isPostgresUrl(from)) {
        console.error(`migrate: --from must be a SQLite file, not ${redactedUrl(from)}`);
        return exit(2);
      }
      if (!isPostgresUrl(opts.to)) {
        console.error(`migrate: --to must be a postgres:// or postgresql:// URL, not ${opts.to}`);
        return exit(2);
      }
      const copied = await copySqliteToPostgres(from, opts.to);
      const count = (table: string) => copied.find((c) => c.table === table)?.rows ?? 0;
      console.log(
        `copied ${from} into ${redactedUrl(opts.to)}: ${count("documents")} documents (${count("document_versions")} earlier versions, ` +
          `${count("document_aliases")} aliases), ${count("mentions")} mentions, ${count("incidents")} incidents, ` +
          `${count("feeds")} feeds, ${count("alert_rules")} alert rules, ${count("alert_outbox")} alerts`,
      );
    });
};
