/**
 * When to try a failed delivery again: the Standard Webhooks schedule after the first try (5 s, 5 min, 30 min, 2 h,
 * 5 h, 10 h, 14 h, 20 h, 24 h), each wait spread by ±10 % so that failures that happened together are not retried
 * together, and never sooner than a receiver's `Retry-After` (itself capped at a day). After the last wait's
 * attempt fails, the delivery has failed for good: 10 attempts over about 75.6 hours.
 */
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
export const RETRY_SCHEDULE_MS: readonly number[] = [
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  14 * HOUR,
  20 * HOUR,
  24 * HOUR,
];
export const MAX_ATTEMPTS = RETRY_SCHEDULE_MS.length + 1;
export const RETRY_AFTER_CAP_MS = 24 * HOUR;
export const JITTER = 0.1;

/** How long to wait after attempt `attempt` (1-based) failed, or undefined when it was the last. */
export function retryDelayMs(attempt: number, options: { retryAfterMs?: number | undefined; random?: () => number } = {}): number | undefined {
  const base = RETRY_SCHEDULE_MS[attempt - 1];
  if (base === undefined || attempt < 1) return undefined;
  const spread = 1 - JITTER + 2 * JITTER * (options.random ?? Math.random)();
  const scheduled = Math.round(base * spread);
  const asked = options.retryAfterMs === undefined ? 0 : Math.min(options.retryAfterMs, RETRY_AFTER_CAP_MS);
  return Math.max(scheduled, asked);
}

/**
 * A `Retry-After` header as milliseconds from `now`: either delta-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Anything else, or a time in the past, is no request at all.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * SECOND;
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) || at <= now ? undefined : at - now;
}
