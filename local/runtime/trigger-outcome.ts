import { MAX_RETRY_DATA_BYTES, retryAskOf, TIME_OUT_REASON } from './invocation-error';
import type { RunResult } from './invocation-error';
import { FunctionTimeoutError } from './time-limits';

/** "You can only retry an event for a maximum of four times" (docs/forge-platform.md, "Triggers"). */
export const MAX_TRIGGER_RETRIES = 4;

export type TriggerSettlement =
  { kind: 'succeeded' } | { kind: 'retry'; delayMs: number; retryReason: string; retryData: unknown } | { kind: 'failed'; reason: string };

/**
 * Forge's rules for one run of a product or lifecycle trigger (`/platform/forge/events-reference/product_events/`):
 * - returning InvocationError retries after `retryAfter` (1–900 s) with `retryContext`, at most 4 times;
 * - a thrown error is not retried: the event is lost;
 * - a timeout is a platform-level error, which Forge retries on its own with reason FUNCTION_TIME_OUT. How often is
 *   undocumented: the host counts those retries against the same 4.
 * `retryData` that is not an object is not sent on retry (Forge bug ECO-734); over 4 KB it is not retried at all.
 */
export function settleTriggerRun(result: RunResult, retryCount: number, errorBackoffMs: (retryCount: number) => number): TriggerSettlement {
  const exhausted = retryCount >= MAX_TRIGGER_RETRIES;
  if ('threw' in result) {
    const message = result.threw instanceof Error ? result.threw.message : String(result.threw);
    if (!(result.threw instanceof FunctionTimeoutError)) return { kind: 'failed', reason: `threw (Forge does not retry it): ${message}` };
    if (exhausted) return { kind: 'failed', reason: `${message}, after ${MAX_TRIGGER_RETRIES} retries` };
    return { kind: 'retry', delayMs: errorBackoffMs(retryCount), retryReason: TIME_OUT_REASON, retryData: undefined };
  }
  const ask = retryAskOf(result.returned);
  if (!ask) return { kind: 'succeeded' };
  if (exhausted) return { kind: 'failed', reason: `asked for a retry after the ${MAX_TRIGGER_RETRIES} retries Forge allows` };
  if (ask.retryDataTooBig) return { kind: 'failed', reason: `retryData exceeds ${MAX_RETRY_DATA_BYTES} bytes` };
  const { retryData } = ask;
  const isObject = typeof retryData === 'object' && retryData !== null && !Array.isArray(retryData);
  return { kind: 'retry', delayMs: ask.delayMs, retryReason: ask.retryReason, retryData: isObject ? retryData : undefined };
}
