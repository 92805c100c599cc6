import { describe, expect, it } from 'vitest';
import type { Outcome } from './attempt-outcome';
import type { WebhookState } from './delivery-state';
import { afterAttempt, freshState, HOUR_MS, last24Hours } from './delivery-state';

const H = 400_000;
const at = (hour: number, ms = 0) => hour * HOUR_MS + ms;
const delivered: Outcome = { verdict: 'delivered', status: 200 };
const failed: Outcome = { verdict: 'failed', errorClass: 'http', status: 400, reason: 'the receiver answered 400' };
const withHours = (hours: WebhookState['hours']): WebhookState => ({ ...freshState(), hours });

describe('afterAttempt: hourly counts', () => {
  it('adds to the current hour, keeps the 23 before it in order and drops older ones', () => {
    const before = withHours([
      { hour: H - 1, delivered: 2, failed: 0 },
      { hour: H, delivered: 1, failed: 1 },
      { hour: H - 23, delivered: 5, failed: 5 },
      { hour: H - 24, delivered: 9, failed: 9 },
    ]);
    expect(afterAttempt(before, delivered, at(H, HOUR_MS - 1)).state.hours).toEqual([
      { hour: H - 23, delivered: 5, failed: 5 },
      { hour: H - 1, delivered: 2, failed: 0 },
      { hour: H, delivered: 2, failed: 1 },
    ]);
    expect(afterAttempt(before, failed, at(H)).state.hours.at(-1)).toEqual({ hour: H, delivered: 1, failed: 2 });
  });

  it('starts a new hour at its first millisecond', () => {
    const before = withHours([{ hour: H, delivered: 1, failed: 0 }]);
    expect(afterAttempt(before, failed, at(H + 1)).state.hours).toEqual([
      { hour: H, delivered: 1, failed: 0 },
      { hour: H + 1, delivered: 0, failed: 1 },
    ]);
  });
});

describe('last24Hours', () => {
  it('gives 24 hours ending with the current one, oldest first, zeros where nothing happened', () => {
    const state = withHours([
      { hour: H - 24, delivered: 7, failed: 7 },
      { hour: H - 23, delivered: 1, failed: 2 },
      { hour: H - 5, delivered: 3, failed: 0 },
      { hour: H, delivered: 0, failed: 4 },
      { hour: H + 1, delivered: 8, failed: 8 },
    ]);
    const expected = Array.from({ length: 24 }, () => ({ delivered: 0, failed: 0 }));
    expected[0] = { delivered: 1, failed: 2 };
    expected[18] = { delivered: 3, failed: 0 };
    expected[23] = { delivered: 0, failed: 4 };
    expect(last24Hours(state, at(H, HOUR_MS - 1))).toEqual(expected);
  });

  it('is all zeros for a webhook with no attempts', () => {
    expect(last24Hours(freshState(), at(H))).toEqual(Array.from({ length: 24 }, () => ({ delivered: 0, failed: 0 })));
  });
});
