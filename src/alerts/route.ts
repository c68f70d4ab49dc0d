// GET /api/alerts/NAME.atom: a rule's alerts for feed readers (read access like the rest of /api).
import type { Hono } from "hono";
import type { Store } from "../store/store.ts";
import { ApiError } from "../server/errors.ts";
import { alertsAtom, ATOM_ENTRIES } from "./atom.ts";

export function registerAlertRoutes(app: Hono, store: Store): void {
  app.get("/api/alerts/:file{.+\\.atom}", async (c) => {
    const name = c.req.param("file").replace(/\.atom$/, "");
    const rule = (await store.listRules()).find((r) => r.name === name);
    if (!rule) throw new ApiError("E_NOT_FOUND", `No alert rule named '${name}'.`);
    const base = new URL(c.req.url).origin;
    return c.body(alertsAtom(rule, await store.alertsOf(rule.name, ATOM_ENTRIES), base), 200, { "Content-Type": "application/atom+xml; charset=utf-8" });
  });
}
