import { MAX_RETRY_DATA_BYTES, retryAskOf, TIME_OUT_REASON } from '../../runtime/invocation-error';
import type { RunResult } from '../../runtime/invocation-error';
import { FunctionTimeoutError } from '../../runtime/time-limits';

/** What the platform does with an event after one run of its consumer. */
export type Settlement =
  | { kind: 'succeeded' }
  | { kind: 'retry'; delayMs: number; retryReason: string; retryData: unknown; lastError: string }
  | { kind: 'dead'; reason: string };

export interface SettleOptions {
  /** How long after a thrown error or a timeout the platform tries again (Forge: exponential, up to ~15 min). */
  errorBackoffMs: (retryCount: number) => number;
  /** The retryReason a retry after a thrown error carries: Forge does not document it. */
  thrownErrorRetryReason: string;
}

/**
 * Forge's rules for one consumer run (docs/forge-platform.md, "Async events"): returning InvocationError retries
 * after its `retryAfter` (1–900 s) with its reason and data; throwing or timing out is an app-level error, retried
 * by the platform with backoff (a timeout's retry says FUNCTION_TIME_OUT); anything else is a success.
 */
export function settleConsumerRun(result: RunResult, retryCount: number, options: SettleOptions): Settlement {
  if ('threw' in result) {
    const error = result.threw;
    const message = error instanceof Error ? error.message : String(error);
    const retryReason = error instanceof FunctionTimeoutError ? TIME_OUT_REASON : options.thrownErrorRetryReason;
    return { kind: 'retry', delayMs: options.errorBackoffMs(retryCount), retryReason, retryData: undefined, lastError: message };
  }
  const ask = retryAskOf(result.returned);
  if (!ask) return { kind: 'succeeded' };
  if (ask.retryDataTooBig) return { kind: 'dead', reason: `retryData exceeds ${MAX_RETRY_DATA_BYTES} bytes` };
  return { kind: 'retry', delayMs: ask.delayMs, retryReason: ask.retryReason, retryData: ask.retryData, lastError: 'consumer requested a retry' };
}

/** Forge backs off "exponentially, up to approximately 15 minutes": here 5 s doubling on each retry, capped at 15 min. */
export const defaultErrorBackoffMs = (retryCount: number): number => Math.min(900_000, 5000 * 2 ** retryCount);

/**
 * How long a throttled event (its concurrency key full) waits before it is looked at again. Forge says throttled
 * events wait, up to ~15 minutes, and keep no order; the timing is undocumented. The default draws at random between
 * 1 s and an upper bound that doubles from 5 s with each time the event was throttled, up to 15 min.
 */
export const defaultThrottleDelayMs = (attempt: number, random: () => number = Math.random): number =>
  1000 + random() * (Math.min(900_000, 5000 * 2 ** attempt) - 1000);
