// Webhook deliveries from the outbox: a signed JSON POST per alert, retried with exponential
// backoff, every attempt recorded. Delivery is at least once: a crash after a receiver accepted
// an alert but before the attempt was recorded sends it again, so receivers should key on the
// alert's (rule, incident, change).
import { createHmac } from "node:crypto";
import type { BlockList } from "node:net";
import type { Store } from "../store/store.ts";
import { safeFetch } from "../feeds/fetch.ts";

export const SIGNATURE_HEADER = "X-Escapewatch-Signature";
/** The first retry comes this soon; each later one waits twice as long. */
export const FIRST_RETRY_SECONDS = 5;
export const MAX_RETRY_SECONDS = 3600;
/** After this many failed attempts the alert stays in the outbox, undelivered, and is not retried. */
export const MAX_ATTEMPTS = 10;
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** A receiver's answer is not read beyond this. */
export const MAX_ANSWER_BYTES = 64 * 1024;

/** `sha256=<hex HMAC-SHA256 of the body under the secret>`, as receivers check it. */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}

/** Seconds before attempt `attempt + 1` after `attempt` failed ones. */
export function retryDelaySeconds(attempt: number): number {
  return Math.min(FIRST_RETRY_SECONDS * 2 ** (attempt - 1), MAX_RETRY_SECONDS);
}

export interface DeliverOptions {
  now?: Date;
  allow?: BlockList;
  timeoutMs?: number;
}

/** Sends every alert that is due; resolves with how many were delivered. */
export async function deliverDue(store: Store, opts: DeliverOptions = {}): Promise<number> {
  const now = opts.now ?? new Date();
  const rules = new Map((await store.listRules()).map((r) => [r.name, r]));
  let delivered = 0;
  for (const alert of await store.dueAlerts(now.toISOString())) {
    const rule = rules.get(alert.rule);
    const attempt = { alert: alert.id, attempt: alert.attempts + 1, at: now.toISOString(), status: null as number | null, error: null as string | null };
    if (!rule?.webhook) {
      await store.recordDeliveryAttempt({ ...attempt, error: "the rule has no webhook" }, { deliveredAt: null, nextAttemptAt: null });
      continue;
    }
    const headers: Record<string, string> = { "Content-Type": "application/json" };
    if (rule.secret) headers[SIGNATURE_HEADER] = signBody(alert.payload, rule.secret);
    try {
      const response = await safeFetch(rule.webhook, {
        method: "POST",
        body: alert.payload,
        headers,
        allow: opts.allow,
        timeoutMs: opts.timeoutMs ?? WEBHOOK_TIMEOUT_MS,
        maxBytes: MAX_ANSWER_BYTES,
      });
      attempt.status = response.status;
    } catch (error) {
      attempt.error = (error as Error).message;
      attempt.status = Number(/HTTP (\d{3})/.exec(attempt.error)?.[1]) || null;
    }
    if (attempt.error === null) {
      delivered += 1;
      await store.recordDeliveryAttempt(attempt, { deliveredAt: now.toISOString(), nextAttemptAt: null });
    } else {
      const retry = attempt.attempt < MAX_ATTEMPTS ? new Date(now.getTime() + retryDelaySeconds(attempt.attempt) * 1000).toISOString() : null;
      await store.recordDeliveryAttempt(attempt, { deliveredAt: null, nextAttemptAt: retry });
    }
  }
  return delivered;
}
