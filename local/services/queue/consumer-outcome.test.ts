import { InvocationError, InvocationErrorCode } from '@forge/events';
import { describe, expect, it } from 'vitest';
import { FunctionTimeoutError } from '../../runtime/time-limits';
import { defaultErrorBackoffMs, defaultThrottleDelayMs, settleConsumerRun } from './consumer-outcome';

const options = { errorBackoffMs: (n: number) => 1000 * (n + 1), thrownErrorRetryReason: 'FUNCTION_PLATFORM_UNKNOWN_ERROR' };
const asked = (retryAfter: number, retryData?: unknown) =>
  settleConsumerRun(
    { returned: new InvocationError({ retryAfter, retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED, retryData }) },
    0,
    options,
  );

describe('settleConsumerRun', () => {
  it('counts any other return value as a success', () => {
    expect([undefined, { ok: true }, 'done'].map((returned) => settleConsumerRun({ returned }, 0, options))).toEqual([
      { kind: 'succeeded' },
      { kind: 'succeeded' },
      { kind: 'succeeded' },
    ]);
  });

  it('retries an InvocationError after its retryAfter with its reason and data; 900 s is kept, 901 s lowered to 900', () => {
    expect(asked(900, { page: 2 })).toEqual({
      kind: 'retry',
      delayMs: 900_000,
      retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED',
      retryData: { page: 2 },
      lastError: 'consumer requested a retry',
    });
    expect([asked(901), asked(5000), asked(0.5), asked(-3)].map((s) => (s.kind === 'retry' ? s.delayMs : s.kind))).toEqual([
      900_000, 900_000, 1000, 1000,
    ]);
  });

  it('takes retryData of 4096 bytes and gives up on 4097', () => {
    const data = (bytes: number) => 'x'.repeat(bytes - 2); // JSON quotes
    expect([asked(1, data(4096)).kind, asked(1, data(4097))]).toEqual(['retry', { kind: 'dead', reason: 'retryData exceeds 4096 bytes' }]);
  });

  it('retries a thrown error as an app-level error, after the backoff for its retry count, with the configured reason', () => {
    expect(settleConsumerRun({ threw: new Error('boom') }, 2, options)).toEqual({
      kind: 'retry',
      delayMs: 3000,
      retryReason: 'FUNCTION_PLATFORM_UNKNOWN_ERROR',
      retryData: undefined,
      lastError: 'boom',
    });
    expect(settleConsumerRun({ threw: 'text' }, 0, { ...options, thrownErrorRetryReason: 'FUNCTION_RETRY_REQUEST' })).toMatchObject({
      retryReason: 'FUNCTION_RETRY_REQUEST',
      lastError: 'text',
    });
  });

  it('retries a timed-out run with reason FUNCTION_TIME_OUT', () => {
    expect(settleConsumerRun({ threw: new FunctionTimeoutError('work', 55) }, 0, options)).toEqual({
      kind: 'retry',
      delayMs: 1000,
      retryReason: 'FUNCTION_TIME_OUT',
      retryData: undefined,
      lastError: "function 'work' timed out after 55 s",
    });
  });
});

describe('default delays', () => {
  it('backs a thrown error off from 5 s, doubling, up to 15 min', () => {
    expect([0, 1, 2, 7, 8, 30].map(defaultErrorBackoffMs)).toEqual([5000, 10_000, 20_000, 640_000, 900_000, 900_000]);
  });

  it('waits a throttled event between 1 s and a bound doubling from 5 s up to 15 min', () => {
    const at = (attempt: number, r: number) => defaultThrottleDelayMs(attempt, () => r);
    expect([at(0, 0), at(0, 1), at(1, 1), at(3, 0.5), at(8, 1), at(40, 1)]).toEqual([1000, 5000, 10_000, 20_500, 900_000, 900_000]);
  });
});
