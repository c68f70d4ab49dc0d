// Polling intervals and the backoff after failures.

/** A feed is polled at most this often, to stay polite to the outlets. */
export const MIN_INTERVAL_SECONDS = 10;
export const DEFAULT_INTERVAL_SECONDS = 600;
/** However often a feed fails, it is tried again at least this often. */
export const MAX_BACKOFF_SECONDS = 6 * 3600;

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** "10m" -> 600; "45s", "2h", "1d"; a bare number is seconds. Null when malformed or too short. */
export function parseInterval(value: string): number | null {
  const match = /^(\d{1,6})([smhd]?)$/.exec(value.trim());
  if (!match) return null;
  const seconds = Number(match[1]) * UNIT_SECONDS[match[2] || "s"];
  return seconds >= MIN_INTERVAL_SECONDS ? seconds : null;
}

/** 600 -> "10m": the shortest exact spelling, for listings. */
export function formatInterval(seconds: number): string {
  for (const unit of ["d", "h", "m"]) if (seconds % UNIT_SECONDS[unit] === 0) return `${seconds / UNIT_SECONDS[unit]}${unit}`;
  return `${seconds}s`;
}

/** Seconds to wait after the `failures`-th failure in a row: the interval doubled each time, capped. */
export function backoffSeconds(intervalSeconds: number, failures: number): number {
  return Math.min(intervalSeconds * 2 ** Math.min(failures, 20), Math.max(MAX_BACKOFF_SECONDS, intervalSeconds));
}
