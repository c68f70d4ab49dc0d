// Every error the API can answer with, as data: a stable code, its HTTP status, and a default
// message that says what to do. Responses are always `{ "error": { "code", "message" } }`.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export const API_ERRORS = {
  E_BAD_QUERY: { status: 400, message: "A query parameter is invalid." },
  E_PAGE_TOO_LARGE: { status: 400, message: "limit is too large; page through results with offset." },
  E_BAD_BODY: { status: 400, message: "The request body must be a JSON object describing one report." },
  E_UNAUTHORIZED: { status: 401, message: "Send the token as 'Authorization: Bearer <token>'." },
  E_WRITES_DISABLED: {
    status: 403,
    message: "Writes are disabled: start the server with ESCAPEWATCH_TOKEN=<secret>, or add a user with `escapewatch users add NAME --role reviewer`, to enable them.",
  },
  E_FORBIDDEN: { status: 403, message: "Your token's role cannot do this: reviews need a reviewer or admin token, users, feeds, rules and reports an admin token." },
  E_NOT_FOUND: { status: 404, message: "Not found." },
  E_CONFLICT: { status: 409, message: "That name is already taken." },
  E_BODY_TOO_LARGE: { status: 413, message: "The request body is too large." },
  E_REJECTED: { status: 422, message: "The report was rejected by the ingest pipeline." },
  E_RATE_LIMITED: { status: 429, message: "Too many requests; wait for the time in Retry-After and try again." },
  E_INTERNAL: { status: 500, message: "Internal error; see the server log." },
} as const satisfies Record<string, { status: ContentfulStatusCode; message: string }>;

export type ApiErrorCode = keyof typeof API_ERRORS;

/** Thrown by handlers and turned into the JSON error body by the app's error handler. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message?: string,
  ) {
    super(message ?? API_ERRORS[code].message);
  }

  get status(): ContentfulStatusCode {
    return API_ERRORS[this.code].status;
  }
}

/** The JSON error response for `code`. */
export function errorResponse(c: Context, code: ApiErrorCode, message?: string): Response {
  return c.json({ error: { code, message: message ?? API_ERRORS[code].message } }, API_ERRORS[code].status);
}

/** A request's body as a JSON object: anything else (no JSON, an array, a bare value) is E_BAD_BODY. */
export async function jsonObjectBody(c: Context): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new ApiError("E_BAD_BODY", "The body is not valid JSON.");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new ApiError("E_BAD_BODY", "The body must be a JSON object.");
  return body as Record<string, unknown>;
}
