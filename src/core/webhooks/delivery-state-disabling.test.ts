import { describe, expect, it } from 'vitest';
import type { Outcome } from './attempt-outcome';
import type { WebhookState } from './delivery-state';
import { afterAttempt, DISABLE_AFTER_FAILING_MS, DISABLE_AFTER_FINAL_FAILURES, freshState, reenabled } from './delivery-state';

const NOW = 2_000_000_000_000;
const retry: Outcome = { verdict: 'retry', errorClass: 'timeout', status: null, reason: 'timed out' };
const failed: Outcome = { verdict: 'failed', errorClass: 'http', status: 404, reason: 'the receiver answered 404' };
const gone: Outcome = { verdict: 'gone', errorClass: 'http', status: 410, reason: 'asks to be removed' };
const state = (extra: Partial<WebhookState> = {}): WebhookState => ({ ...freshState(), ...extra });
const disabledBy = (before: WebhookState, outcome: Outcome) => {
  const { state: next, disable } = afterAttempt(before, outcome, NOW);
  return { disable, disabledReason: next.disabledReason, disabledAt: next.disabledAt };
};

describe('afterAttempt: when the webhook is disabled', () => {
  it('disables at once when the receiver answers 410', () => {
    expect(disabledBy(state(), gone)).toEqual({ disable: 'asks to be removed', disabledReason: 'asks to be removed', disabledAt: NOW });
  });

  it(`disables at the ${DISABLE_AFTER_FINAL_FAILURES}th failure for good in a row, not the one before`, () => {
    expect(DISABLE_AFTER_FINAL_FAILURES).toEqual(20);
    const reason = '20 deliveries in a row failed for good (last: the receiver answered 404)';
    expect(disabledBy(state({ failingSince: NOW, finalFailuresInRow: 18 }), failed)).toEqual({
      disable: null,
      disabledReason: null,
      disabledAt: null,
    });
    expect(disabledBy(state({ failingSince: NOW, finalFailuresInRow: 19 }), failed)).toEqual({
      disable: reason,
      disabledReason: reason,
      disabledAt: NOW,
    });
    expect(disabledBy(state({ failingSince: NOW, finalFailuresInRow: 19 }), retry).disable).toEqual(null);
  });

  it('disables when no delivery succeeded for exactly 5 days, not a moment sooner', () => {
    expect(DISABLE_AFTER_FAILING_MS).toEqual(5 * 24 * 3600 * 1000);
    const reason = 'no delivery succeeded for 5 days (last: timed out)';
    expect(disabledBy(state({ failingSince: NOW - DISABLE_AFTER_FAILING_MS }), retry)).toEqual({
      disable: reason,
      disabledReason: reason,
      disabledAt: NOW,
    });
    expect(disabledBy(state({ failingSince: NOW - DISABLE_AFTER_FAILING_MS + 1 }), retry).disable).toEqual(null);
  });

  it('gives the 410 reason first, then the count, then the time', () => {
    const both = state({ failingSince: NOW - DISABLE_AFTER_FAILING_MS, finalFailuresInRow: 19 });
    expect(disabledBy(both, gone).disable).toEqual('asks to be removed');
    expect(disabledBy(both, failed).disable).toEqual('20 deliveries in a row failed for good (last: the receiver answered 404)');
  });
});

describe('reenabled', () => {
  it('clears the reason and the failing streak, keeping what was last seen', () => {
    const before = state({
      lastAt: NOW,
      lastStatus: 'ERROR',
      lastReason: 'r',
      failingSince: NOW - 1,
      finalFailuresInRow: 20,
      disabledReason: 'd',
      disabledAt: NOW,
      hours: [{ hour: 1, delivered: 0, failed: 20 }],
    });
    expect(reenabled(before)).toEqual(state({ lastAt: NOW, lastStatus: 'ERROR', lastReason: 'r', hours: [{ hour: 1, delivered: 0, failed: 20 }] }));
  });
});
