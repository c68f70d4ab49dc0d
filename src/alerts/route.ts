// The HTTP side of feeds and alerts. GET /api/alerts (recent alerts of every rule) and
// GET /api/alerts/NAME.atom are read like the rest of /api;
// /api/feeds and /api/rules name URLs the server will fetch and post to, and rules carry webhook
// secrets, so every one of them needs the write token.
import type { Hono, MiddlewareHandler } from "hono";
import type { AlertEntry, Store } from "../store/store.ts";
import { ApiError, jsonObjectBody as bodyOf } from "../server/errors.ts";
import { checkFeedUrl } from "../feeds/address.ts";
import { DEFAULT_INTERVAL_SECONDS, parseInterval } from "../feeds/interval.ts";
import { alertsAtom, ATOM_ENTRIES, headlineOf } from "./atom.ts";
import { checkRules, type AlertPayload } from "./evaluate.ts";
import { ruleFrom, RuleError } from "./rule.ts";

const text = (value: unknown): string | undefined => (typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined);
const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(text).filter((v): v is string => v !== undefined) : text(value) ? [text(value) as string] : []);

/** Alerts GET /api/alerts lists at most (the dashboard's "new since your last visit"). */
export const RECENT_ALERTS_LIMIT = 50;
/** Without `since`, alerts of this many days back. */
export const RECENT_ALERTS_DAYS = 7;

/** One alert as the dashboard lists it: what changed, for which rule, and the incident's headline. */
export interface AlertSummary {
  id: number;
  rule: string;
  change: string;
  incident: string;
  createdAt: string;
  headline: string;
}

function summaryOf(alert: AlertEntry): AlertSummary {
  const { incident, change } = JSON.parse(alert.payload) as AlertPayload;
  return { id: alert.id, rule: alert.rule, change, incident: alert.incident, createdAt: alert.createdAt, headline: headlineOf(incident) };
}

export function registerAlertRoutes(app: Hono, store: Store, writeAccess: MiddlewareHandler): void {
  // Read like the Atom feeds: alerts carry incidents, which every reader of the API sees anyway.
  app.get("/api/alerts", async (c) => {
    const given = c.req.query("since");
    const since = given === undefined ? new Date(Date.now() - RECENT_ALERTS_DAYS * 86_400_000) : new Date(given);
    if (Number.isNaN(since.getTime()) || (given !== undefined && !/^\d{4}-\d{2}-\d{2}/.test(given))) {
      throw new ApiError("E_BAD_QUERY", `since: "${given}" is not a time; expected ISO 8601, e.g. 2025-03-03T12:00:00Z.`);
    }
    // The server's clock, read first: a client keeps it as "seen up to" when nothing is new.
    const now = new Date().toISOString();
    const alerts = await store.recentAlerts(since.toISOString(), RECENT_ALERTS_LIMIT);
    return c.json({ since: since.toISOString(), now, items: alerts.map(summaryOf) });
  });

  app.get("/api/alerts/:file{.+\\.atom}", async (c) => {
    const name = c.req.param("file").replace(/\.atom$/, "");
    const rule = (await store.listRules()).find((r) => r.name === name);
    if (!rule) throw new ApiError("E_NOT_FOUND", `No alert rule named '${name}'.`);
    const base = new URL(c.req.url).origin;
    return c.body(alertsAtom(rule, await store.alertsOf(rule.name, ATOM_ENTRIES), base), 200, { "Content-Type": "application/atom+xml; charset=utf-8" });
  });

  app.get("/api/feeds", writeAccess, async (c) => c.json({ items: await store.listFeeds() }));
  app.post("/api/feeds", writeAccess, async (c) => {
    const body = await bodyOf(c);
    const checked = checkFeedUrl(text(body.url) ?? "");
    if ("error" in checked) throw new ApiError("E_BAD_BODY", `url: ${checked.error}`);
    const interval = body.interval === undefined ? DEFAULT_INTERVAL_SECONDS : parseInterval(text(body.interval) ?? "");
    if (interval === null) throw new ApiError("E_BAD_BODY", "interval: expected a duration such as 10m, 90s or 1h.");
    const feed = { name: text(body.name)?.trim() || new URL(checked.url).hostname, url: checked.url, intervalSeconds: interval };
    if ((await store.addFeed(feed)) === "known") throw new ApiError("E_CONFLICT", `A feed named ${feed.name} or at ${feed.url} is already watched.`);
    return c.json(feed, 201);
  });
  app.delete("/api/feeds/:feed", writeAccess, async (c) => {
    if (!(await store.removeFeed(c.req.param("feed")))) throw new ApiError("E_NOT_FOUND", `No feed named or at '${c.req.param("feed")}'.`);
    return c.body(null, 204);
  });

  app.get("/api/rules", writeAccess, async (c) =>
    c.json({ items: (await store.listRules()).map((r) => ({ ...r, secret: r.secret ? "(set)" : null, atom: `/api/alerts/${r.name}.atom` })) }),
  );
  app.post("/api/rules", writeAccess, async (c) => {
    const body = await bodyOf(c);
    let rule;
    try {
      rule = ruleFrom(text(body.name) ?? "", {
        type: list(body.type),
        country: text(body.country),
        facility: text(body.facility),
        admin1: text(body.admin1),
        near: text(body.near),
        border: text(body.border),
        km: text(body.km),
        min: list(body.min),
        on: list(body.on),
        webhook: text(body.webhook),
        secret: text(body.secret),
      });
    } catch (error) {
      if (error instanceof RuleError) throw new ApiError("E_BAD_BODY", error.message);
      throw error;
    }
    if ((await store.addRule(rule)) === "known") throw new ApiError("E_CONFLICT", `A rule named ${rule.name} exists.`);
    await checkRules(store, { baseline: true, rule: rule.name });
    return c.json({ ...rule, secret: rule.secret ? "(set)" : null }, 201);
  });
  app.delete("/api/rules/:name", writeAccess, async (c) => {
    if (!(await store.removeRule(c.req.param("name")))) throw new ApiError("E_NOT_FOUND", `No rule named '${c.req.param("name")}'.`);
    return c.body(null, 204);
  });
}
