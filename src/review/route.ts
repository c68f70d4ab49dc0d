// The HTTP side of reviewing: the queue and the history are read like the rest of /api; every
// action needs a reviewer's (or an admin's) token and is recorded under that person's name.
import type { Context, Hono, MiddlewareHandler } from "hono";
import type { Store } from "../store/store.ts";
import { ApiError, jsonObjectBody as bodyOf } from "../server/errors.ts";
import { callerOf } from "../server/access.ts";
import { parseCount } from "../server/query.ts";
import { confirmOrReject, editIncident, markNotRelevant, mergeIncidents, ReviewError, splitIncident, type Reviewer } from "./actions.ts";
import { editFrom, EditError } from "./edits.ts";
import { DEFAULT_QUEUE_SIZE, MAX_QUEUE_SIZE, reviewQueue } from "./queue.ts";

/** Most changes one GET /api/changes answers; page on with the `at` of the last one. */
export const DEFAULT_CHANGES = 1000;
export const MAX_CHANGES = 10_000;
/** Most mentions or documents one split names. */
export const MAX_SPLIT_ITEMS = 1000;

function ids(value: unknown, name: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length > MAX_SPLIT_ITEMS || !value.every((v) => typeof v === "string")) {
    throw new ApiError("E_BAD_BODY", `${name} must be a list of at most ${MAX_SPLIT_ITEMS} ids.`);
  }
  return value as string[];
}

/** Runs a review action, mapping its errors to API errors. */
async function acting<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof ReviewError) throw new ApiError(error.code, error.message);
    if (error instanceof EditError) throw new ApiError("E_BAD_BODY", error.message);
    throw error;
  }
}

const reviewer = (c: Context): Reviewer => ({ name: callerOf(c)?.name ?? "unknown" });

export function registerReviewRoutes(app: Hono, store: Store, reviewAccess: MiddlewareHandler): void {
  app.get("/api/review/queue", async (c) => {
    const limit = parseCount(c.req.query("limit"), "limit", DEFAULT_QUEUE_SIZE);
    if (limit < 1 || limit > MAX_QUEUE_SIZE) throw new ApiError("E_PAGE_TOO_LARGE", `limit must be between 1 and ${MAX_QUEUE_SIZE}.`);
    return c.json(await reviewQueue(store, limit));
  });

  app.get("/api/changes", async (c) => {
    const since = c.req.query("since");
    const time = since ? Date.parse(since) : NaN;
    if (!since || !/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(since) || Number.isNaN(time)) {
      throw new ApiError("E_BAD_QUERY", "since must be an ISO 8601 time, e.g. 2025-03-05T12:00:00Z.");
    }
    const limit = parseCount(c.req.query("limit"), "limit", DEFAULT_CHANGES);
    if (limit < 1 || limit > MAX_CHANGES) throw new ApiError("E_PAGE_TOO_LARGE", `limit must be between 1 and ${MAX_CHANGES}.`);
    const from = new Date(time).toISOString();
    const changes = await store.changesSince(from, limit);
    return c.json({ since: from, items: changes.map(({ incident, ...rest }) => ({ id: incident, ...rest })) });
  });

  app.get("/api/incidents/:id/history", async (c) => {
    const id = c.req.param("id");
    const revisions = await store.incidentHistory(id);
    if (revisions.length === 0) throw new ApiError("E_NOT_FOUND", `No incident with id '${id}' was ever stored.`);
    return c.json({ id, revisions: revisions.map(({ incident: _incident, ...revision }) => revision) });
  });

  app.post("/api/incidents/merge", reviewAccess, async (c) => {
    const body = await bodyOf(c);
    const pair = ids(body.ids, "ids");
    if (!pair || pair.length !== 2) throw new ApiError("E_BAD_BODY", "ids must name the two incidents to merge: [surviving, merged].");
    const id = await acting(() => mergeIncidents(store, reviewer(c), pair[0], pair[1], body.note));
    return c.json({ id, incident: await store.getIncident(id) });
  });

  app.post("/api/incidents/:id/review", reviewAccess, async (c) => {
    const body = await bodyOf(c);
    if (body.action !== "confirm" && body.action !== "reject") throw new ApiError("E_BAD_BODY", 'action must be "confirm" or "reject".');
    const id = c.req.param("id");
    await acting(() => confirmOrReject(store, reviewer(c), id, body.action as "confirm" | "reject", body.note));
    return c.json({ id, action: body.action, incident: await store.getIncident(id) });
  });

  app.patch("/api/incidents/:id", reviewAccess, async (c) => {
    const body = await bodyOf(c);
    const id = c.req.param("id");
    await acting(() => editIncident(store, reviewer(c), id, editFrom(body.changes), body.note));
    return c.json({ id, incident: await store.getIncident(id) });
  });

  app.post("/api/incidents/:id/split", reviewAccess, async (c) => {
    const body = await bodyOf(c);
    const selection = { documents: ids(body.documents, "documents"), mentions: ids(body.mentions, "mentions") };
    const id = await acting(() => splitIncident(store, reviewer(c), c.req.param("id"), selection, body.note));
    return c.json({ id, incident: await store.getIncident(id) });
  });

  app.post("/api/documents/:id/not-relevant", reviewAccess, async (c) => {
    const body = await bodyOf(c);
    const incidents = await acting(() => markNotRelevant(store, reviewer(c), c.req.param("id"), body.note));
    return c.json({ document: c.req.param("id"), incidents });
  });
}
