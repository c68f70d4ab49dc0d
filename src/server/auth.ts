// Bearer-token checks. Tokens are compared in constant time (over their sha256 digests, so
// tokens of different lengths take the same path too) to leak nothing through timing.
import { createHash, timingSafeEqual } from "node:crypto";

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The token in an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = header ? BEARER.exec(header) : null;
  return match ? match[1] : null;
}

/** True when `given` equals `expected`, compared in constant time. */
export function tokenMatches(given: string | null, expected: string): boolean {
  const a = createHash("sha256").update(given ?? "").digest();
  const b = createHash("sha256").update(expected).digest();
  // Evaluate both sides unconditionally so a missing token takes the same path as a wrong one.
  const equal = timingSafeEqual(a, b);
  return equal && given !== null;
}

/** The sha256 digest (hex) a user's token is stored as. Tokens are long and random, so a fast digest suffices. */
export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** True when two hex digests are equal, compared in constant time. */
export function digestsMatch(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}
