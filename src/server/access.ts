// Who is calling and what their role lets them do. A bearer token names a caller: the
// environment's write token (ESCAPEWATCH_TOKEN) an admin, its read token a reader, and a user's
// token (`escapewatch users add`) that user with their role. Readers read; reviewers also review
// incidents; admins also ingest reports and add users, feeds and rules.
import type { Context, MiddlewareHandler } from "hono";
import type { Store, UserRole } from "../store/store.ts";
import { bearerToken, digestsMatch, tokenHash, tokenMatches } from "./auth.ts";
import { errorResponse } from "./errors.ts";
import type { AuthFailures } from "./ratelimit.ts";

export interface Caller {
  name: string;
  role: UserRole;
}

/** The names writes made with the environment's tokens are recorded under. */
export const ENV_ADMIN = "admin";
export const ENV_READER = "reader";

const RANK: Record<UserRole, number> = { reader: 0, reviewer: 1, admin: 2 };

export interface AccessOptions {
  store: Store;
  token?: string | null;
  readToken?: string | null;
}

const callers = new WeakMap<Request, Caller>();

/** The caller an access check let through (null on open reads). */
export function callerOf(c: Context): Caller | null {
  return callers.get(c.req.raw) ?? null;
}

/** The caller a token names, or null. The environment's tokens are compared in constant time, both always. */
async function identify(options: AccessOptions, given: string | null): Promise<Caller | null> {
  if (given === null) return null;
  const admin = options.token ? tokenMatches(given, options.token) : false;
  const reader = options.readToken ? tokenMatches(given, options.readToken) : false;
  if (admin) return { name: ENV_ADMIN, role: "admin" };
  if (reader) return { name: ENV_READER, role: "reader" };
  // Looked up by digest: what the index lookup's timing could reveal is about a sha256 digest,
  // which says nothing of the token; the digests are then compared in constant time anyway.
  const digest = tokenHash(given);
  const user = await options.store.userByTokenHash(digest);
  return user && digestsMatch(user.tokenHash, digest) ? { name: user.name, role: user.role } : null;
}

/** Reads are open unless a read token is configured; then any valid token opens them. */
export function readAccess(options: AccessOptions, failures: AuthFailures): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header("Authorization");
    if (!options.readToken) {
      // Open reads; a valid token still names the caller (for the review routes).
      const caller = header === undefined ? null : await identify(options, bearerToken(header));
      if (caller) callers.set(c.req.raw, caller);
      return next();
    }
    const caller = await identify(options, bearerToken(header));
    if (!caller) {
      if (header !== undefined) failures.failed(c);
      return errorResponse(c, "E_UNAUTHORIZED", "This server's data is private: send 'Authorization: Bearer <ESCAPEWATCH_READ_TOKEN>' or a user's token.");
    }
    callers.set(c.req.raw, caller);
    return next();
  };
}

/**
 * Writes need a token whose role reaches `role`: a known token of a lesser role is refused with
 * 403 E_FORBIDDEN, an unknown one with 401. With no write token configured and no users, writes
 * are disabled (403), never open.
 */
export function roleAccess(options: AccessOptions, failures: AuthFailures, role: UserRole): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header("Authorization");
    const caller = callerOf(c) ?? (await identify(options, bearerToken(header)));
    if (!caller) {
      if (!options.token && (await options.store.listUsers()).length === 0) return errorResponse(c, "E_WRITES_DISABLED");
      if (header !== undefined) failures.failed(c);
      return errorResponse(c, "E_UNAUTHORIZED");
    }
    if (RANK[caller.role] < RANK[role]) return errorResponse(c, "E_FORBIDDEN");
    callers.set(c.req.raw, caller);
    return next();
  };
}
