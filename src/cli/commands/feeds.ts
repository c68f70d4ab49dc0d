// `escapewatch feeds add|list|remove`: the news feeds `watch` polls.
import { InvalidArgumentError, type Command } from "commander";
import { storeFrom } from "../options.ts";
import type { FeedState } from "../../store/store.ts";
import { DEFAULT_INTERVAL_SECONDS, formatInterval, MIN_INTERVAL_SECONDS, parseInterval } from "../../feeds/interval.ts";
import type { RegisterCommand } from "./index.ts";

function intervalOption(value: string): number {
  const seconds = parseInterval(value);
  if (seconds === null) throw new InvalidArgumentError(`expected a duration such as 10m, 90s or 1h, at least ${MIN_INTERVAL_SECONDS}s`);
  return seconds;
}

/** A feed's health in a few words: "ok", "failing (3): E_HTTP HTTP 500 ...", "not polled yet". */
export function feedStatus(feed: FeedState): string {
  if (feed.failures > 0) return `failing (${feed.failures}x): ${feed.lastError}`;
  if (feed.lastPolledAt === null) return "not polled yet";
  return feed.lastError ? `ok, ${feed.lastError}` : "ok";
}

function list(feeds: FeedState[]): string {
  if (feeds.length === 0) return "no feeds; add one with `escapewatch feeds add URL`\n";
  return feeds
    .map((f) => `${f.name}  every ${formatInterval(f.intervalSeconds)}  next ${f.nextPollAt ?? "now"}  ${feedStatus(f)}\n  ${f.url}\n`)
    .join("");
}

export const register: RegisterCommand = (program, exit) => {
  const feeds = program.command("feeds").description("The RSS, Atom and JSON feeds `escapewatch watch` polls for new reports.");
  const withDb = (command: Command) => command.option("--db <path>", "database file or postgres:// URL (default ./escapewatch.db or $ESCAPEWATCH_DB)");

  withDb(feeds.command("add").description("Watch a feed (RSS 2.0, Atom or JSON Feed)."))
    .argument("<url>", "the feed's http(s) URL")
    .option("--name <name>", "a short name for listings (default: the URL's host)")
    .option("--interval <duration>", "how often to poll: 30s, 10m, 1h", intervalOption, DEFAULT_INTERVAL_SECONDS)
    .action(async (given: string, opts: { db?: string; name?: string; interval: number }) => {
      const { checkFeedUrl } = await import("../../feeds/address.ts");
      const checked = checkFeedUrl(given);
      if ("error" in checked) {
        console.error(`feeds: E_ADDRESS ${checked.error}`);
        return exit(2);
      }
      const url = checked.url;
      const store = await storeFrom(opts.db);
      try {
        const name = opts.name ?? new URL(url).hostname;
        if ((await store.addFeed({ name, url, intervalSeconds: opts.interval })) === "known") {
          console.error(`feeds: a feed named ${name} or at ${url} is already watched; pick another --name or remove it first`);
          exit(1);
        } else console.log(`watching ${name} every ${formatInterval(opts.interval)}: ${url}`);
      } finally {
        await store.close();
      }
    });

  withDb(feeds.command("list").description("The watched feeds, with when each is next polled and why it failed, if it did."))
    .option("--json", "print a JSON array")
    .action(async (opts: { db?: string; json?: boolean }) => {
      const store = await storeFrom(opts.db);
      try {
        const all = await store.listFeeds();
        console.log(opts.json ? JSON.stringify(all, null, 2) : list(all).trimEnd());
      } finally {
        await store.close();
      }
    });

  withDb(feeds.command("remove").description("Stop watching a feed (the reports already read stay)."))
    .argument("<name-or-url>")
    .action(async (nameOrUrl: string, opts: { db?: string }) => {
      const store = await storeFrom(opts.db);
      try {
        if (await store.removeFeed(nameOrUrl)) console.log(`removed ${nameOrUrl}`);
        else {
          console.error(`feeds: no feed named or at ${nameOrUrl}; see \`escapewatch feeds list\``);
          exit(1);
        }
      } finally {
        await store.close();
      }
    });
};
