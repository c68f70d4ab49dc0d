// The HTTP layer: small handlers over the same Store and ingest pipeline the CLI uses. Built as
// a Hono app so tests drive it in-process with `app.request()`; `serve.ts` binds it to a socket.
import { existsSync } from "node:fs";
import { Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { serveStatic } from "@hono/node-server/serve-static";
import type { RawRecord } from "../model/doc.ts";
import type { Store } from "../store/store.ts";
import type { RecordOutcome } from "../ingest/pipeline.ts";
import type { DocumentStages } from "../ingest/stages.ts";
import type { IngestWarning } from "../ingest/errors.ts";
import { jsonDepth, MAX_JSON_DEPTH } from "../ingest/json.ts";
import { readAccess, roleAccess } from "./access.ts";
import { ApiError, errorResponse } from "./errors.ts";
import { openApiDocument } from "./openapi.ts";
import { AuthFailures, DEFAULT_AUTH_FAILURES_PER_MINUTE, rateLimit, rateLimitsFromEnv, type RateLimits } from "./ratelimit.ts";
import { MAX_TEXT_QUERY, parseIncidentFilter, parsePage } from "./query.ts";
import { recordFromBody } from "./records.ts";
import { documentPageView, documentSummary, documentView, facilityView, incidentSummary, incidentView } from "./views.ts";
import { exportResponse } from "./export-route.ts";
import { findFacilities } from "../incidents/facilities.ts";
import { registerAlertRoutes } from "../alerts/route.ts";
import { registerReviewRoutes } from "../review/route.ts";

/** Bodies over this are refused with 413 before they are read: a report is text, not a dump. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** Bodies of review actions over this are refused with 413: a decision is fields and a note. */
export const MAX_REVIEW_BODY_BYTES = 64 * 1024;

/** What ingesting one record answers (src/ingest/pipeline.ts `ingestRecord`). */
export type IngestOutcome = RecordOutcome;

/** Ingests one record (cleaning and extraction in `stages`) and brings the incidents it touches up to date. */
export async function ingestOne(store: Store, raw: RawRecord, stages?: DocumentStages): Promise<IngestOutcome> {
  // Loaded on the first write only (runServer loads it at start when writes are enabled, see
  // warm.ts): a read-only server never pays for the extraction models.
  const [{ ingestRecord }, { updateIncidents }] = await Promise.all([import("../ingest/pipeline.ts"), import("../incidents/update.ts")]);
  const outcome = await ingestRecord(store, raw, { stages });
  if (outcome.status === "new" || outcome.status === "updated") await updateIncidents(store);
  return outcome;
}

export interface AppOptions {
  store: Store;
  /** The admin's bearer token (ESCAPEWATCH_TOKEN); users added with `escapewatch users add` have their own. Without any, writes are refused with 403. */
  token?: string | null;
  /** Bearer token for reads; without one, reads are open. Every other valid token also reads. */
  readToken?: string | null;
  /** Ingests one record (POST /api/documents); defaults to `ingestOne` over the store. */
  ingest?: (raw: RawRecord) => Promise<IngestOutcome>;
  /**
   * With an ingest queue (`serve --queue`): a POSTed report goes to the queue's workers and is
   * answered 202 with its job id; this returns the job's id.
   */
  enqueue?: (raw: RawRecord) => Promise<string | null>;
  /** Where `ingestOne` cleans and extracts: the server passes a worker pool so reads never wait on it. */
  stages?: DocumentStages;
  /** Folder of the built dashboard (web/dist), served at /. */
  webRoot?: string | null;
  maxBodyBytes?: number;
  /** Per-client request limits; defaults to ESCAPEWATCH_RATE_LIMIT / ESCAPEWATCH_READ_RATE_LIMIT (src/server/ratelimit.ts). */
  rateLimits?: RateLimits;
}

/**
 * Security headers for every response. Scripts only from this origin, never inline; styles may
 * be set from script (uPlot positions its cursor through element.style, which CSP allows).
 */
export const SECURITY_HEADERS: Record<string, string> = {
  "Content-Security-Policy":
    "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; " +
    "style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
};

/** The escapewatch API (and the dashboard, when `webRoot` is given) as a Hono app. */
export function createApp(options: AppOptions): Hono {
  const { store } = options;
  const app = new Hono();

  app.use("*", async (c, next) => {
    await next();
    // A new Response rather than headers set on the old one: the node adapter answers some
    // responses (and every HEAD) from their construction-time headers, losing later changes.
    const headers = new Headers(c.res.headers);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
    if (c.req.path.startsWith("/api/")) headers.set("Cache-Control", "no-store");
    c.res = new Response(c.res.body, { status: c.res.status, statusText: c.res.statusText, headers });
  });
  app.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error.code, error.message);
    console.error(error);
    return errorResponse(c, "E_INTERNAL");
  });
  app.notFound((c) => errorResponse(c, "E_NOT_FOUND", `No route for ${c.req.method} ${c.req.path}.`));

  // Before authentication, so guessing tokens is throttled as well.
  const limits = options.rateLimits ?? rateLimitsFromEnv(process.env);
  const failures = new AuthFailures(limits.authFailuresPerMinute === undefined ? DEFAULT_AUTH_FAILURES_PER_MINUTE : limits.authFailuresPerMinute);
  app.use("/api/*", rateLimit(limits));
  app.use("/api/*", async (c, next) => failures.refusal(c) ?? next());
  app.use("/api/*", readAccess(options, failures));

  app.get("/api/openapi.json", (c) => c.json(openApiDocument));

  app.get("/api/incidents", async (c) => {
    const filter = parseIncidentFilter(c.req.query());
    const [total, items] = await Promise.all([store.countIncidents(filter), store.listIncidents(filter)]);
    return c.json({ total, limit: filter.limit, offset: filter.offset, items: items.map(incidentSummary) });
  });
  app.get("/api/incidents/:id", async (c) => {
    const incident = await store.getIncident(c.req.param("id"));
    if (!incident) throw new ApiError("E_NOT_FOUND", `No incident with id '${c.req.param("id")}'.`);
    return c.json(await incidentView(store, incident));
  });

  app.get("/api/export", (c) => exportResponse(c, store));
  registerAlertRoutes(app, store, writeAccess(options, failures));
  // A review is a few fields and a note: its body is refused well before a report's limit.
  app.on(["POST", "PATCH"], ["/api/incidents/*", "/api/documents/:id/not-relevant"], bodyLimit({
    maxSize: MAX_REVIEW_BODY_BYTES,
    onError: (c) => errorResponse(c, "E_BODY_TOO_LARGE", `A review body is at most ${MAX_REVIEW_BODY_BYTES} bytes.`),
  }));
  registerReviewRoutes(app, store, roleAccess(options, failures, "reviewer"));

  app.get("/api/facilities", async (c) => {
    const q = c.req.query("q")?.trim();
    if (q && q.length > MAX_TEXT_QUERY) throw new ApiError("E_BAD_QUERY", `q must be at most ${MAX_TEXT_QUERY} characters.`);
    const all = await store.listFacilities();
    // q: any alias, transliteration or fragment of a name ("Gweiran", "Sinaa prison").
    const facilities = q ? await matchingFacilities(store, all, q) : all;
    return c.json({ total: facilities.length, items: facilities });
  });
  app.get("/api/facilities/:id", async (c) => {
    const view = await facilityView(store, c.req.param("id"));
    if (!view) throw new ApiError("E_NOT_FOUND", `No facility with id '${c.req.param("id")}'.`);
    return c.json(view);
  });

  app.get("/api/documents", async (c) => {
    const page = parsePage(c.req.query());
    const [total, items] = await Promise.all([store.countDocuments(), store.listDocuments(page)]);
    return c.json({ total, ...page, items });
  });
  app.get("/api/documents/:id", async (c) => {
    const doc = await store.getDocument(c.req.param("id"));
    if (!doc) throw new ApiError("E_NOT_FOUND", `No document with id '${c.req.param("id")}'.`);
    return c.json(await documentPageView(store, doc));
  });
  app.get("/api/documents/:id/versions", async (c) => {
    const history = await store.documentHistory(c.req.param("id"));
    if (!history) throw new ApiError("E_NOT_FOUND", `No document with id '${c.req.param("id")}'.`);
    return c.json(history);
  });
  app.get("/api/documents/:id/versions/:version", async (c) => {
    const version = c.req.param("version");
    if (!/^[1-9]\d{0,8}$/.test(version)) throw new ApiError("E_BAD_QUERY", "version must be a positive integer.");
    const doc = await store.getDocumentVersion(c.req.param("id"), Number(version));
    if (!doc) throw new ApiError("E_NOT_FOUND", `No version ${version} of a document with id '${c.req.param("id")}'.`);
    return c.json(documentView(doc));
  });
  app.post(
    "/api/documents",
    writeAccess(options, failures),
    bodyLimit({
      maxSize: options.maxBodyBytes ?? MAX_BODY_BYTES,
      onError: (c) => errorResponse(c, "E_BODY_TOO_LARGE", `The body is over ${options.maxBodyBytes ?? MAX_BODY_BYTES} bytes.`),
    }),
    async (c) => {
      const text = await c.req.text();
      const warnings: IngestWarning[] = [];
      const record = recordFromBody(readJson(text), text, (w) => warnings.push(w));
      if (options.enqueue) {
        const job = await options.enqueue(record);
        return c.json({ status: "queued", id: record.id, job, warnings: warnings.map(({ code, message }) => ({ code, message })) }, 202);
      }
      const outcome = await (options.ingest ?? ((raw: RawRecord) => ingestOne(store, raw, options.stages)))(record);
      if (outcome.status === "rejected") {
        const reason = outcome.reason ? `${outcome.reason.code} ${outcome.reason.message}` : "no reason given";
        throw new ApiError("E_REJECTED", `The report was rejected: ${reason}.`);
      }
      // The document the id now names: its own, or the one it is an alias of (known content).
      const doc = await store.getDocument(outcome.document ?? outcome.id);
      return c.json(
        {
          status: outcome.status,
          id: outcome.id,
          document: doc ? documentSummary(doc) : null,
          warnings: warnings.map(({ code, message }) => ({ code, message })),
        },
        outcome.status === "new" ? 201 : 200,
      );
    },
  );
  app.all("/api/*", (c) => errorResponse(c, "E_NOT_FOUND", `No route for ${c.req.method} ${c.req.path}.`));

  const webRoot = options.webRoot;
  if (webRoot && existsSync(webRoot)) {
    app.use("/*", serveStatic({ root: webRoot }));
  } else {
    app.get("/", (c) =>
      c.text("escapewatch API is running; the dashboard is not built (run `npm run build:web` or `escapewatch start`).\n"),
    );
  }
  return app;
}

/** The listed facilities `findFacilities` matches for `q`, with their incident counts, in its order. */
async function matchingFacilities(store: Store, all: Awaited<ReturnType<Store["listFacilities"]>>, q: string) {
  const found = await findFacilities(store, q);
  return found.flatMap((f) => all.filter((entry) => entry.facility.id === f.id));
}

/** Ingesting reports and managing feeds and rules are an admin's (the environment's write token or an admin user). */
function writeAccess(options: AppOptions, failures: AuthFailures): MiddlewareHandler {
  return roleAccess(options, failures, "admin");
}

/** The body as JSON; nesting no report needs is refused before parsing (400, not a stack overflow). */
function readJson(text: string): unknown {
  const depth = jsonDepth(text);
  if (depth > MAX_JSON_DEPTH) throw new ApiError("E_BAD_BODY", `The body is nested ${depth} levels deep; at most ${MAX_JSON_DEPTH} are accepted.`);
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("E_BAD_BODY", "The body is not valid JSON.");
  }
}
