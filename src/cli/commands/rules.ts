// `escapewatch rules add|list|remove|test|deliveries`: alert rules, delivered as an Atom feed
// (GET /api/alerts/NAME.atom) and, with --webhook, as signed JSON POSTs sent by `watch`.
import type { Command } from "commander";
import { storeFrom } from "../options.ts";
import type { AlertRule, Store } from "../../store/store.ts";
import type { Incident } from "../../model/incident.ts";
import type { RuleOptions } from "../../alerts/rule.ts";
import type { RegisterCommand } from "./index.ts";

/** Incidents `rules test` prints at most. */
export const RULE_TEST_LIMIT = 20;

interface AddOptions extends RuleOptions {
  db?: string;
}

const collect = (value: string, all: string[]) => [...all, ...value.split(",").map((v) => v.trim()).filter(Boolean)];

/** One line per rule; the secret is never printed. */
export function ruleLine(rule: AlertRule): string {
  const parts = [
    rule.types.length ? `type ${rule.types.join(",")}` : "any type",
    rule.country ? `in ${rule.country}` : null,
    rule.facility ? `facility ${rule.facility}` : null,
    rule.admin1 ? `in ${rule.admin1}` : null,
    rule.near ? `within ${rule.near.km} km of ${rule.near.lat},${rule.near.lon}` : null,
    rule.border ? `within ${rule.border.km} km of ${rule.border.country}'s land border` : null,
    ...rule.min.map((m) => `${m.quantity}>=${m.value}`),
    `on ${rule.on.join(",")}`,
    rule.webhook ? `webhook ${rule.webhook}${rule.secret ? " (signed)" : ""}` : null,
  ];
  return `${rule.name}: ${parts.filter(Boolean).join(", ")}`;
}

/** What the rule matches in the store now, newest first. */
export async function ruleMatches(store: Store, rule: AlertRule): Promise<Incident[]> {
  const [{ filterOf }, { matchesRule }] = await Promise.all([import("../../alerts/evaluate.ts"), import("../../alerts/rule.ts")]);
  const matches: Incident[] = [];
  for await (const incident of store.iterateIncidents(filterOf(rule))) if (matchesRule(rule, incident)) matches.push(incident);
  return matches.sort((a, b) => (b.date?.latest ?? "").localeCompare(a.date?.latest ?? "") || a.id.localeCompare(b.id));
}

async function withStore<T>(db: string | undefined, body: (store: Store) => Promise<T>): Promise<T> {
  const store = await storeFrom(db);
  try {
    return await body(store);
  } finally {
    await store.close();
  }
}

export const register: RegisterCommand = (program, exit) => {
  const rules = program.command("rules").description("Alert rules: an Atom feed each at /api/alerts/NAME.atom, and webhooks sent by `watch`.");
  const withDb = (command: Command) => command.option("--db <path>", "database file or postgres:// URL (default ./escapewatch.db or $ESCAPEWATCH_DB)");
  // The alert modules (borders, geography) are loaded by the subcommands that use them.
  const failed = async (error: unknown) => {
    const { RuleError } = await import("../../alerts/rule.ts");
    if (!(error instanceof RuleError)) throw error;
    console.error(`rules: ${error.message}`);
    exit(2);
  };

  withDb(rules.command("add").description("Add a rule; every condition given must hold. Incidents already stored do not alert."))
    .argument("<name>")
    .option("--type <types>", "incident type(s), repeatable or comma-separated (escape, attack, ...)", collect, [])
    .option("--country <CC>", "ISO 3166-1 alpha-2 country code")
    .option("--facility <id-or-name>", "facility id or a fragment of its name")
    .option("--admin1 <name>", "province or governorate, e.g. Anbar")
    .option("--near <LAT,LON>", "within --km kilometres of this point")
    .option("--border <CC>", "within --km kilometres of this country's land border (ISO 3166-1 alpha-2), e.g. IQ")
    .option("--km <N>", "the distance for --near and --border")
    .option("--min <QUANTITY=N>", "a figure that must be reached, e.g. escaped=10 (repeatable)", collect, [])
    .option("--on <changes>", "new, updated (figures move by 10% or more), disputed; default new", collect, [])
    .option("--webhook <url>", "POST each alert as JSON to this http(s) URL")
    .option("--secret <secret>", "sign webhook bodies: X-Escapewatch-Signature: sha256=<HMAC-SHA256>")
    .action(async (name: string, opts: AddOptions) => {
      const [{ checkRules }, { ruleFrom }] = await Promise.all([import("../../alerts/evaluate.ts"), import("../../alerts/rule.ts")]);
      let rule: AlertRule;
      try {
        rule = ruleFrom(name, opts);
      } catch (error) {
        return failed(error);
      }
      await withStore(opts.db, async (store) => {
        if ((await store.addRule(rule)) === "known") {
          console.error(`rules: E_RULE_EXISTS a rule named ${name} exists; remove it first`);
          return exit(1);
        }
        // What is already stored is the baseline: only changes from now on alert.
        await checkRules(store, { baseline: true, rule: name });
        console.log(`added ${ruleLine(rule)}`);
      });
    });

  withDb(rules.command("list").description("The alert rules."))
    .option("--json", "print a JSON array (secrets left out)")
    .action(async (opts: { db?: string; json?: boolean }) =>
      withStore(opts.db, async (store) => {
        const all = await store.listRules();
        if (opts.json) console.log(JSON.stringify(all.map((r) => ({ ...r, secret: r.secret ? "(set)" : null })), null, 2));
        else console.log(all.length ? all.map(ruleLine).join("\n") : "no rules; add one with `escapewatch rules add NAME`");
      }),
    );

  withDb(rules.command("remove").description("Remove a rule with its alerts."))
    .argument("<name>")
    .action(async (name: string, opts: { db?: string }) =>
      withStore(opts.db, async (store) => {
        if (await store.removeRule(name)) console.log(`removed ${name}`);
        else {
          console.error(`rules: E_RULE_NOT_FOUND no rule named ${name}; see \`escapewatch rules list\``);
          exit(1);
        }
      }),
    );

  withDb(rules.command("test").description("What the rule matches in the store now, newest first."))
    .argument("<name>")
    .action(async (name: string, opts: { db?: string }) =>
      withStore(opts.db, async (store) => {
        const rule = (await store.listRules()).find((r) => r.name === name);
        if (!rule) {
          console.error(`rules: E_RULE_NOT_FOUND no rule named ${name}; see \`escapewatch rules list\``);
          return exit(1);
        }
        const { headlineOf, figuresOf } = await import("../../alerts/atom.ts");
        const matches = await ruleMatches(store, rule);
        for (const incident of matches.slice(0, RULE_TEST_LIMIT)) console.log([`${incident.id}  ${headlineOf(incident)}`, ...figuresOf(incident).map((f) => `  ${f}`)].join("\n"));
        console.log(`${matches.length} incident${matches.length === 1 ? " matches" : "s match"} ${name}`);
      }),
    );

  withDb(rules.command("deliveries").description("Every webhook delivery attempt of the rule's alerts."))
    .argument("<name>")
    .action(async (name: string, opts: { db?: string }) =>
      withStore(opts.db, async (store) => {
        const alerts = new Map((await store.alertsOf(name, Number.MAX_SAFE_INTEGER)).map((a) => [a.id, a]));
        for (const a of await store.deliveryAttempts(name)) {
          const alert = alerts.get(a.alert);
          console.log(`${a.at}  alert ${a.alert} (${alert?.incident} ${alert?.change})  attempt ${a.attempt}  ${a.status ?? "-"}  ${a.error ?? "ok"}`);
        }
        const pending = [...alerts.values()].filter((a) => a.deliveredAt === null && a.nextAttemptAt !== null);
        console.log(`${alerts.size} alerts, ${pending.length} waiting to be sent`);
      }),
    );
};
