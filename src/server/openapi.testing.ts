// For the tests: every API response checked against the OpenAPI document the server publishes,
// with a maintained JSON-schema validator (ajv, draft 2020-12 as OpenAPI 3.1 uses).
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import type { Hono } from "hono";
import { createApp, type AppOptions } from "./app.ts";
import { openApiDocument } from "./openapi.ts";

const SPEC_ID = "escapewatch-openapi";

interface Operation {
  responses: Record<string, { content?: Record<string, { schema: object }> }>;
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema({ $id: SPEC_ID, components: openApiDocument.components });
const compiled = new Map<string, ValidateFunction>();

/** The path template ("/api/incidents/{id}") a request path matches, or null. */
function templateOf(path: string): string | null {
  for (const template of Object.keys(openApiDocument.paths)) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`);
    if (pattern.test(path)) return template;
  }
  return null;
}

/**
 * Why a JSON response does not match the document, or null when it does. Every status a route
 * answers must be documented; an undocumented route must answer a documented error shape.
 */
export function openApiMismatch(method: string, path: string, status: number, body: unknown): string | null {
  const template = templateOf(path);
  const operation = template ? ((openApiDocument.paths as Record<string, Record<string, Operation>>)[template][method.toLowerCase()] ?? null) : null;
  const schema = operation ? operation.responses[String(status)]?.content?.["application/json"]?.schema : status >= 400 ? { $ref: "#/components/schemas/Error" } : null;
  if (!schema) return `${method} ${path} answered ${status}, which the OpenAPI document does not describe`;
  const key = `${method} ${template ?? "*"} ${status}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"${SPEC_ID}#/components/`)));
    compiled.set(key, validate);
  }
  return validate(body) ? null : `${key}: ${ajv.errorsText(validate.errors, { separator: "; " })}`;
}

/** createApp whose `request` checks every JSON response of /api against the OpenAPI document. */
export function validatedApp(options: AppOptions): Hono {
  const app = createApp(options);
  const request = app.request.bind(app);
  app.request = (async (input: string | Request | URL, init?: RequestInit, ...rest: unknown[]) => {
    const res = await (request as (...args: unknown[]) => Promise<Response>)(input, init, ...rest);
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url, "http://localhost");
    const method = init?.method ?? (input instanceof Request ? input.method : "GET");
    if (url.pathname.startsWith("/api/") && method !== "HEAD" && /application\/json/.test(res.headers.get("content-type") ?? "")) {
      const mismatch = openApiMismatch(method, url.pathname, res.status, await res.clone().json());
      if (mismatch) throw new Error(`response does not match the OpenAPI document: ${mismatch}`);
    }
    return res;
  }) as typeof app.request;
  return app;
}
