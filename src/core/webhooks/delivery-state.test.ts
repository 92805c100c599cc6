import { describe, expect, it } from 'vitest';
import type { Outcome } from './attempt-outcome';
import type { WebhookState } from './delivery-state';
import { afterAttempt, freshState, HOUR_MS, webhookState } from './delivery-state';

const NOW = 500_000 * HOUR_MS + 1234;
const delivered: Outcome = { verdict: 'delivered', status: 204 };
const retry: Outcome = { verdict: 'retry', errorClass: 'http', status: 503, reason: 'the receiver answered 503' };
const failed: Outcome = { verdict: 'failed', errorClass: 'http', status: 404, reason: 'the receiver answered 404' };
const gone: Outcome = { verdict: 'gone', errorClass: 'http', status: 410, reason: 'the receiver answered 410 Gone' };
const state = (extra: Partial<WebhookState> = {}): WebhookState => ({ ...freshState(), ...extra });
const hourNow = Math.floor(NOW / HOUR_MS);

describe('freshState', () => {
  it('has nothing recorded and passes its own schema', () => {
    const fresh = freshState();
    expect(fresh).toEqual({
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
    expect(webhookState.parse(fresh)).toEqual(fresh);
  });
});

describe('webhookState', () => {
  it('refuses an unknown status and counts that are not whole or are negative', () => {
    const bad = [
      { lastStatus: 'FINE' },
      { finalFailuresInRow: -1 },
      { finalFailuresInRow: 1.5 },
      { hours: [{ hour: 1.5, delivered: 0, failed: 0 }] },
      { hours: [{ hour: 1, delivered: 0.5, failed: 0 }] },
      { hours: [{ hour: 1, delivered: 0, failed: 0.5 }] },
    ].map((extra) => webhookState.safeParse({ ...freshState(), ...extra }).success);
    expect(bad).toEqual([false, false, false, false, false, false]);
    const full = state({
      lastAt: 1,
      lastStatus: 'ERROR',
      lastHttpStatus: 500,
      lastErrorClass: 'http',
      lastReason: 'r',
      lastSuccessAt: 0,
      failingSince: 1,
      finalFailuresInRow: 2,
      disabledReason: 'd',
      disabledAt: 1,
      hours: [{ hour: 3, delivered: 1, failed: 2 }],
    });
    expect([webhookState.parse(full), webhookState.parse({ ...full, lastStatus: 'OK' })]).toEqual([full, { ...full, lastStatus: 'OK' }]);
  });
});

describe('afterAttempt: what is recorded', () => {
  it('records a delivery as OK and clears the failing streak', () => {
    const before = state({ failingSince: NOW - 10, finalFailuresInRow: 3, lastErrorClass: 'http', lastReason: 'x' });
    expect(afterAttempt(before, delivered, NOW)).toEqual({
      state: state({
        lastAt: NOW,
        lastStatus: 'OK',
        lastHttpStatus: 204,
        lastSuccessAt: NOW,
        hours: [{ hour: hourNow, delivered: 1, failed: 0 }],
      }),
      disable: null,
    });
  });

  it('records a retried failure as ERROR, starting the failing time but not the count of final failures', () => {
    expect(afterAttempt(state({ lastSuccessAt: 5 }), retry, NOW)).toEqual({
      state: state({
        lastAt: NOW,
        lastStatus: 'ERROR',
        lastHttpStatus: 503,
        lastErrorClass: 'http',
        lastReason: 'the receiver answered 503',
        lastSuccessAt: 5,
        failingSince: NOW,
        hours: [{ hour: hourNow, delivered: 0, failed: 1 }],
      }),
      disable: null,
    });
  });

  it('keeps when the failing began and counts a failure for good', () => {
    const { state: next } = afterAttempt(state({ failingSince: NOW - 100, finalFailuresInRow: 4 }), failed, NOW);
    expect([next.failingSince, next.finalFailuresInRow, next.lastStatus]).toEqual([NOW - 100, 5, 'ERROR']);
  });

  it("shows a test event's failure without counting it towards disabling, even a 410", () => {
    const before = state({ failingSince: null, finalFailuresInRow: 19 });
    expect(afterAttempt(before, gone, NOW, { towardsDisabling: false })).toEqual({
      state: state({
        lastAt: NOW,
        lastStatus: 'ERROR',
        lastHttpStatus: 410,
        lastErrorClass: 'http',
        lastReason: 'the receiver answered 410 Gone',
        finalFailuresInRow: 19,
        hours: [{ hour: hourNow, delivered: 0, failed: 1 }],
      }),
      disable: null,
    });
  });
});
