/**
 * How often a webhook's worker is woken by new deliveries: at most twice per window — at once for the first delivery
 * of a window (the leading wake), and once more just after the window ends for any that came after it (the trailing
 * wake) — so a burst of changes costs a few queue pushes a minute per webhook, not one per change, under Forge's
 * 500 pushes a minute per installation (docs/webhooks.md, "Waking the workers").
 */
export const WAKE_WINDOW_MS = 10_000;
/** The trailing wake runs this long after its window ends, so that a query then shows what was added in the window. */
export const TRAILING_MARGIN_MS = 1_000;

/** What a webhook's wake mark says was pushed for a window. */
export interface WakeMark {
  window: number;
  trailing: boolean;
}

export type WakeDecision = { push: 'now' } | { push: 'trailing'; delayMs: number } | { push: 'none' };

export const windowOf = (now: number): number => Math.floor(now / WAKE_WINDOW_MS);

/**
 * Whether deliveries just added (at `now`) need a wake-up pushed, given the webhook's mark. Two fan-outs deciding
 * together may both push: a wake-up too many is harmless (the worker finds nothing, or less); one too few is not.
 */
export function decideWake(mark: WakeMark | undefined, now: number): WakeDecision {
  const window = windowOf(now);
  if (!mark || mark.window !== window) return { push: 'now' };
  if (mark.trailing) return { push: 'none' };
  return { push: 'trailing', delayMs: (window + 1) * WAKE_WINDOW_MS + TRAILING_MARGIN_MS - now };
}

/** The mark to keep once a decision's push was made. */
export const markAfter = (decision: WakeDecision, now: number): WakeMark | undefined =>
  decision.push === 'none' ? undefined : { window: windowOf(now), trailing: decision.push === 'trailing' };
