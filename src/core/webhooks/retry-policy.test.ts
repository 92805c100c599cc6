import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, parseRetryAfter, RETRY_AFTER_CAP_MS, RETRY_SCHEDULE_MS, retryDelayMs } from './retry-policy';

const middle = () => 0.5;
const HOUR = 3_600_000;

describe('retryDelayMs', () => {
  it('follows the Standard Webhooks schedule: 9 waits, then no more (10 attempts)', () => {
    const waits = Array.from({ length: 11 }, (_, i) => retryDelayMs(i + 1, { random: middle }));
    expect(waits).toEqual([5_000, 300_000, 1_800_000, 2 * HOUR, 5 * HOUR, 10 * HOUR, 14 * HOUR, 20 * HOUR, 24 * HOUR, undefined, undefined]);
    expect(MAX_ATTEMPTS).toBe(10);
    expect(retryDelayMs(0, { random: middle })).toBeUndefined();
  });

  it('spreads each wait by ±10 % at most', () => {
    expect(retryDelayMs(1, { random: () => 0 })).toBe(4_500);
    expect(retryDelayMs(1, { random: () => 0.999999 })).toBe(5_500);
    expect(retryDelayMs(4, { random: () => 0 })).toBe(1.8 * HOUR);
  });

  it('never retries sooner than Retry-After asks, which is capped at a day', () => {
    expect(retryDelayMs(1, { random: middle, retryAfterMs: 60_000 })).toBe(60_000);
    expect(retryDelayMs(3, { random: middle, retryAfterMs: 60_000 })).toBe(1_800_000);
    expect(retryDelayMs(1, { random: middle, retryAfterMs: 3 * 24 * HOUR })).toBe(RETRY_AFTER_CAP_MS);
    expect(retryDelayMs(1, { random: middle, retryAfterMs: RETRY_AFTER_CAP_MS - 1 })).toBe(RETRY_AFTER_CAP_MS - 1);
  });

  it('adds up to a window of about 75.6 hours', () => {
    expect(RETRY_SCHEDULE_MS.reduce((a, b) => a + b, 0)).toBe(75 * HOUR + 35 * 60_000 + 5_000);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 11, 1, 12, 0, 0);
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Tue, 01 Dec 2026 12:01:30 GMT', now)).toBe(90_000);
  });
  it('ignores what is not a time to wait', () => {
    expect(
      [null, undefined, '', 'soon', '-5', '1.5', '12abc', 'Tue, 01 Dec 2026 11:00:00 GMT', '2026-12-01'].map((v) => parseRetryAfter(v, now)),
    ).toEqual(Array(9).fill(undefined));
  });
});
