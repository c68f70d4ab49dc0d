// `escapewatch review confirm|reject|merge|split|history`: the API's review actions from a shell,
// recorded under the name given with --as (the CLI has the database itself, so it trusts its user).
import type { Command } from "commander";
import { existingStoreFrom } from "../options.ts";
import type { Store } from "../../store/store.ts";
import type { RegisterCommand } from "./index.ts";

type Options = { db?: string; as: string; note?: string };

export const register: RegisterCommand = (program, exit) => {
  const review = program.command("review").description("Confirm, reject, merge or split incidents, and read their history.");
  const common = (command: Command) =>
    command
      .option("--db <path>", "database file or postgres:// URL (default ./escapewatch.db or $ESCAPEWATCH_DB)")
      .requiredOption("--as <name>", "the reviewer the decision is recorded under")
      .option("--note <text>", "why (kept in the history; required for merge and split)");

  // The review actions (and the gazetteer they read facility names with) load with the subcommand that runs one.
  const actions = () => import("../../review/actions.ts");

  async function run(opts: Options, action: (store: Store) => Promise<string>): Promise<void> {
    const { ReviewError } = await actions();
    const store = await existingStoreFrom(opts.db);
    try {
      console.log(await action(store));
    } catch (error) {
      if (!(error instanceof ReviewError)) throw error;
      console.error(`review: [${error.code}] ${error.message}`);
      exit(error.code === "E_NOT_FOUND" ? 1 : 2);
    } finally {
      await store.close();
    }
  }

  for (const action of ["confirm", "reject"] as const) {
    common(review.command(action).description(action === "confirm" ? "Confirm an incident as it stands." : "Reject an incident: it leaves lists and exports."))
      .argument("<incident>")
      .action((id: string, opts: Options) => run(opts, async (store) => (await (await actions()).confirmOrReject(store, { name: opts.as }, id, action, opts.note), `${action}ed ${id}`)));
  }
  common(review.command("merge").description("Merge the second incident into the first."))
    .argument("<surviving>")
    .argument("<merged>")
    .action((a: string, b: string, opts: Options) => run(opts, async (store) => `merged ${b} into ${await (await actions()).mergeIncidents(store, { name: opts.as }, a, b, opts.note)}`));
  common(review.command("split").description("Move documents of an incident to a new incident; prints its id."))
    .argument("<incident>")
    .argument("<documents...>")
    .action((id: string, documents: string[], opts: Options) => run(opts, async (store) => (await actions()).splitIncident(store, { name: opts.as }, id, { documents }, opts.note)));
  review
    .command("history")
    .description("Every revision of an incident: who, when, what changed and why.")
    .argument("<incident>")
    .option("--db <path>", "database file or postgres:// URL (default ./escapewatch.db or $ESCAPEWATCH_DB)")
    .action(async (id: string, opts: { db?: string }) => {
      const store = await existingStoreFrom(opts.db);
      try {
        const revisions = await store.incidentHistory(id);
        if (revisions.length === 0) {
          console.error(`review: no incident with id ${id} was ever stored`);
          return exit(1);
        }
        for (const r of revisions) {
          console.log(`v${r.version}  ${r.at}  ${r.by}  ${r.action}${r.note ? `  "${r.note}"` : ""}`);
          for (const c of r.changes) console.log(`    ${c.field}: ${JSON.stringify(c.before)} -> ${JSON.stringify(c.after)}`);
        }
      } finally {
        await store.close();
      }
    });
};
