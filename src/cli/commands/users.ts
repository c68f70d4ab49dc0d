// `escapewatch users add|list|remove`: the people who read, review and administer through the API.
import type { Command } from "commander";
import { storeFrom } from "../options.ts";
import { USER_ROLES } from "../../store/store.ts";
import type { RegisterCommand } from "./index.ts";

export const register: RegisterCommand = (program, exit) => {
  const users = program
    .command("users")
    .description("People with their own API token: readers read, reviewers also review incidents, admins also ingest and add feeds and rules.");
  const withDb = (command: Command) => command.option("--db <path>", "database file or postgres:// URL (default ./escapewatch.db or $ESCAPEWATCH_DB)");

  withDb(users.command("add").description("Add a user and print their token, once: only its digest is stored."))
    .argument("<name>", "the name every write they make is recorded under")
    .requiredOption("--role <role>", USER_ROLES.join(" | "))
    .action(async (name: string, opts: { db?: string; role: string }) => {
      const { addUser, UserError } = await import("../../review/users.ts");
      const store = await storeFrom(opts.db);
      try {
        const token = await addUser(store, name, opts.role);
        console.error(`added ${name} (${opts.role}); their token follows, shown this once: send it as 'Authorization: Bearer <token>'`);
        console.log(token);
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        console.error(`users: ${error.message}`);
        exit(error.code === "E_USER_EXISTS" ? 1 : 2);
      } finally {
        await store.close();
      }
    });

  withDb(users.command("list").description("The users and their roles (never their tokens)."))
    .option("--json", "print a JSON array")
    .action(async (opts: { db?: string; json?: boolean }) => {
      const store = await storeFrom(opts.db);
      try {
        const all = await store.listUsers();
        if (opts.json) console.log(JSON.stringify(all, null, 2));
        else console.log(all.length ? all.map((u) => `${u.name}  ${u.role}  added ${u.createdAt}`).join("\n") : "no users; add one with `escapewatch users add NAME --role reviewer`");
      } finally {
        await store.close();
      }
    });

  withDb(users.command("remove").description("Remove a user: their token stops working at once; their past writes keep their name."))
    .argument("<name>")
    .action(async (name: string, opts: { db?: string }) => {
      const store = await storeFrom(opts.db);
      try {
        if (await store.removeUser(name)) console.log(`removed ${name}`);
        else {
          console.error(`users: no user named ${name}; see \`escapewatch users list\``);
          exit(1);
        }
      } finally {
        await store.close();
      }
    });
};
