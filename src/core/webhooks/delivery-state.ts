import { z } from 'zod';
import type { Outcome } from './attempt-outcome';

/**
 * What the app keeps per webhook about its deliveries: the last execution and its status (the admin page's OK /
 * ERROR), 24 hourly counts for the health chart, and whether the app disabled it and why.
 */
export const webhookState = z.object({
  lastAt: z.number().nullable(),
  lastStatus: z.enum(['OK', 'ERROR']).nullable(),
  lastHttpStatus: z.number().nullable(),
  lastErrorClass: z.string().nullable(),
  lastReason: z.string().nullable(),
  lastSuccessAt: z.number().nullable(),
  /** When the first failure since the last success happened; null while deliveries succeed. */
  failingSince: z.number().nullable(),
  finalFailuresInRow: z.number().int().nonnegative(),
  disabledReason: z.string().nullable(),
  disabledAt: z.number().nullable(),
  hours: z.array(z.object({ hour: z.number().int(), delivered: z.number().int(), failed: z.number().int() })),
});
export type WebhookState = z.infer<typeof webhookState>;

export const HOUR_MS = 3600 * 1000;
export const DISABLE_AFTER_FAILING_MS = 5 * 24 * HOUR_MS;
export const DISABLE_AFTER_FINAL_FAILURES = 20;

export const freshState = (): WebhookState => ({
  lastAt: null,
  lastStatus: null,
  lastHttpStatus: null,
  lastErrorClass: null,
  lastReason: null,
  lastSuccessAt: null,
  failingSince: null,
  finalFailuresInRow: 0,
  disabledReason: null,
  disabledAt: null,
  hours: [],
});

/** The hourly counts with this attempt counted, keeping the last 24 hours. */
function counted(hours: WebhookState['hours'], now: number, delivered: boolean): WebhookState['hours'] {
  const hour = Math.floor(now / HOUR_MS);
  const kept = hours.filter((h) => h.hour > hour - 24 && h.hour !== hour);
  const current = hours.find((h) => h.hour === hour) ?? { hour, delivered: 0, failed: 0 };
  const next = delivered ? { ...current, delivered: current.delivered + 1 } : { ...current, failed: current.failed + 1 };
  return [...kept, next].sort((a, b) => a.hour - b.hour);
}

/** Counts per hour over the 24 hours ending at `now`, oldest first (empty hours as zeros). */
export function last24Hours(state: WebhookState, now: number): { delivered: number; failed: number }[] {
  const hour = Math.floor(now / HOUR_MS);
  return Array.from({ length: 24 }, (_, i) => {
    const found = state.hours.find((h) => h.hour === hour - 23 + i);
    return { delivered: found?.delivered ?? 0, failed: found?.failed ?? 0 };
  });
}

/**
 * The state after an attempt's outcome, and the reason to disable the webhook if it comes to that: the receiver
 * answered 410, no delivery succeeded for 5 days, or 20 deliveries in a row failed for good.
 */
export function afterAttempt(
  state: WebhookState,
  outcome: Outcome,
  now: number,
  options: { towardsDisabling?: boolean } = {},
): { state: WebhookState; disable: string | null } {
  const delivered = outcome.verdict === 'delivered';
  const base = {
    ...state,
    lastAt: now,
    lastStatus: delivered ? ('OK' as const) : ('ERROR' as const),
    lastHttpStatus: outcome.status,
    lastErrorClass: delivered ? null : outcome.errorClass,
    lastReason: delivered ? null : outcome.reason,
    hours: counted(state.hours, now, delivered),
  };
  if (delivered) return { state: { ...base, lastSuccessAt: now, failingSince: null, finalFailuresInRow: 0 }, disable: null };
  // A test event's failure is shown, but only real deliveries decide whether the receiver is failing.
  if (options.towardsDisabling === false) return { state: base, disable: null };
  const failingSince = state.failingSince ?? now;
  const finalFailuresInRow = state.finalFailuresInRow + (outcome.verdict === 'retry' ? 0 : 1);
  const next = { ...base, failingSince, finalFailuresInRow };
  let disable: string | null = null;
  if (outcome.verdict === 'gone') disable = outcome.reason;
  else if (finalFailuresInRow >= DISABLE_AFTER_FINAL_FAILURES)
    disable = `${finalFailuresInRow} deliveries in a row failed for good (last: ${outcome.reason})`;
  else if (now - failingSince >= DISABLE_AFTER_FAILING_MS) disable = `no delivery succeeded for 5 days (last: ${outcome.reason})`;
  return { state: disable ? { ...next, disabledReason: disable, disabledAt: now } : next, disable };
}

/** An admin enabling the webhook again clears what the app recorded against it, so it gets a fresh 5 days. */
export const reenabled = (state: WebhookState): WebhookState => ({
  ...state,
  disabledReason: null,
  disabledAt: null,
  failingSince: null,
  finalFailuresInRow: 0,
});
