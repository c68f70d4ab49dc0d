// Per-client request rate limits: one token bucket per client address and class of request.
// Writes run the whole extraction pipeline, so they are limited by default; reads are cheap
// indexed queries and stay unlimited unless configured. A refused request gets 429
// E_RATE_LIMITED with Retry-After, before authentication, so token guessing is throttled too.
import type { Context, MiddlewareHandler } from "hono";
import { errorResponse } from "./errors.ts";

/** Writes per minute per client unless ESCAPEWATCH_RATE_LIMIT says otherwise: generous for a scraper feeding reports. */
export const DEFAULT_WRITES_PER_MINUTE = 600;
export const WRITE_RATE_ENV = "ESCAPEWATCH_RATE_LIMIT";
/** Reads per minute per client; unset or 0 = unlimited. */
export const READ_RATE_ENV = "ESCAPEWATCH_READ_RATE_LIMIT";
/** Wrong tokens per minute per client, on any route, before every request carrying a token is refused. */
export const DEFAULT_AUTH_FAILURES_PER_MINUTE = 30;
export const AUTH_FAILURE_ENV = "ESCAPEWATCH_AUTH_FAILURE_LIMIT";
/** Above this many tracked clients, buckets that have refilled completely are forgotten. */
export const MAX_TRACKED_CLIENTS = 10_000;
const MS_PER_MINUTE = 60_000;
const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export interface RateLimits {
  /** Requests per minute per client; 0 or null = unlimited. */
  writesPerMinute: number | null;
  readsPerMinute: number | null;
  /** Wrong tokens per minute per client (reads and writes alike); defaults to DEFAULT_AUTH_FAILURES_PER_MINUTE. */
  authFailuresPerMinute?: number | null;
}

/** Limits from the environment; a value that is not a non-negative integer falls back to the default. */
export function rateLimitsFromEnv(env: NodeJS.ProcessEnv): RateLimits {
  const read = (value: string | undefined, fallback: number | null) => (value !== undefined && /^\d+$/.test(value.trim()) ? Number(value) : fallback);
  return {
    writesPerMinute: read(env[WRITE_RATE_ENV], DEFAULT_WRITES_PER_MINUTE),
    readsPerMinute: read(env[READ_RATE_ENV], null),
    authFailuresPerMinute: read(env[AUTH_FAILURE_ENV], DEFAULT_AUTH_FAILURES_PER_MINUTE),
  };
}

/**
 * A token bucket per key: `perMinute` tokens, refilled continuously, so a client may burst up to
 * a minute's allowance and then proceeds at the steady rate.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = perMinute / MS_PER_MINUTE;
  }

  /** The milliseconds until `key` has a token (0: it has one now), taking nothing. */
  peek(key: string): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return 0;
    const tokens = Math.min(this.perMinute, bucket.tokens + (this.now() - bucket.at) * this.perMs);
    return tokens >= 1 ? 0 : Math.ceil((1 - tokens) / this.perMs);
  }

  /** Takes one token for `key`: 0 when allowed, else the milliseconds until one is available. */
  take(key: string): number {
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= MAX_TRACKED_CLIENTS) this.forgetFull(now);
      bucket = { tokens: this.perMinute, at: now };
      this.buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / this.perMs);
  }

  get size(): number {
    return this.buckets.size;
  }

  private forgetFull(now: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + (now - b.at) * this.perMs >= this.perMinute) this.buckets.delete(key);
    }
  }
}

/** The client a request counts against: the peer address (proxies' headers are not trusted). */
export function clientOf(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? "local";
}

/** Middleware enforcing `limits`; `now` is injectable for tests. */
export function rateLimit(limits: RateLimits, now: () => number = Date.now): MiddlewareHandler {
  const writes = limits.writesPerMinute ? new TokenBuckets(limits.writesPerMinute, now) : null;
  const reads = limits.readsPerMinute ? new TokenBuckets(limits.readsPerMinute, now) : null;
  return async (c, next) => {
    const isWrite = WRITE_METHODS.has(c.req.method);
    const buckets = isWrite ? writes : reads;
    if (!buckets) return next();
    const waitMs = buckets.take(clientOf(c));
    if (waitMs === 0) return next();
    const retryAfter = Math.max(1, Math.ceil(waitMs / 1000));
    const response = errorResponse(
      c,
      "E_RATE_LIMITED",
      `Too many ${isWrite ? "writes" : "reads"}: at most ${buckets.perMinute} per minute per client; retry after ${retryAfter} s.`,
    );
    response.headers.set("Retry-After", String(retryAfter));
    return response;
  };
}

/**
 * Wrong tokens, counted per client on every route: once a client has spent its allowance, every
 * request of its that carries a token is refused (429) before the token is even compared, so
 * guessing costs the same through a GET as through a POST, and a right guess is not told apart.
 */
export class AuthFailures {
  private readonly buckets: TokenBuckets | null;

  constructor(perMinute: number | null | undefined, now: () => number = Date.now) {
    this.buckets = perMinute ? new TokenBuckets(perMinute, now) : null;
  }

  /** 429 for a client out of allowance that sends a token, else null. */
  refusal(c: Context): Response | null {
    if (!this.buckets || c.req.header("Authorization") === undefined) return null;
    const waitMs = this.buckets.peek(clientOf(c));
    if (waitMs === 0) return null;
    const retryAfter = Math.max(1, Math.ceil(waitMs / 1000));
    const response = errorResponse(c, "E_RATE_LIMITED", `Too many wrong tokens: at most ${this.buckets.perMinute} per minute per client; retry after ${retryAfter} s.`);
    response.headers.set("Retry-After", String(retryAfter));
    return response;
  }

  /** Counts a wrong token sent by the request's client. */
  failed(c: Context): void {
    this.buckets?.take(clientOf(c));
  }
}
