import { InvocationError, InvocationErrorCode } from '@forge/events';
import { describe, expect, it } from 'vitest';
import { FunctionTimeoutError } from './time-limits';
import { MAX_TRIGGER_RETRIES, settleTriggerRun } from './trigger-outcome';

const backoff = (n: number) => 100 * (n + 1);
const retryAsk = (retryAfter: number, retryData?: unknown) => ({
  returned: new InvocationError({ retryAfter, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST, retryData }),
});

describe('settleTriggerRun', () => {
  it('retries an InvocationError on retries 0 to 3 and gives up on the 5th ask (4 retries at most)', () => {
    expect(MAX_TRIGGER_RETRIES).toBe(4);
    const kinds = [0, 1, 2, 3, 4, 5].map((retryCount) => settleTriggerRun(retryAsk(2, { a: 1 }), retryCount, backoff).kind);
    expect(kinds).toEqual(['retry', 'retry', 'retry', 'retry', 'failed', 'failed']);
    expect(settleTriggerRun(retryAsk(2, { a: 1 }), 4, backoff)).toEqual({
      kind: 'failed',
      reason: 'asked for a retry after the 4 retries Forge allows',
    });
  });

  it('waits retryAfter seconds, 900 at most', () => {
    const delays = [1, 900, 901, 100_000].map((s) => {
      const settled = settleTriggerRun(retryAsk(s, { a: 1 }), 0, backoff);
      return settled.kind === 'retry' ? settled.delayMs : settled.kind;
    });
    expect(delays).toEqual([1000, 900_000, 900_000, 900_000]);
  });

  it('passes an object as retryData, but drops a string or an array (ECO-734), and gives up over 4 KB', () => {
    const dataOf = (retryData: unknown) => {
      const settled = settleTriggerRun(retryAsk(1, retryData), 0, backoff);
      return settled.kind === 'retry' ? settled.retryData : settled;
    };
    expect([dataOf({ page: 2 }), dataOf('page 2'), dataOf([2]), dataOf({ pad: 'x'.repeat(5000) })]).toEqual([
      { page: 2 },
      undefined,
      undefined,
      { kind: 'failed', reason: 'retryData exceeds 4096 bytes' },
    ]);
  });

  it('does not retry a trigger that throws', () => {
    expect(settleTriggerRun({ threw: new Error('boom') }, 0, backoff)).toEqual({ kind: 'failed', reason: 'threw (Forge does not retry it): boom' });
  });

  it('retries a timed-out trigger as a platform error (FUNCTION_TIME_OUT), within the same 4 retries', () => {
    const timedOut = { threw: new FunctionTimeoutError('on-event', 25) };
    expect(settleTriggerRun(timedOut, 1, backoff)).toEqual({ kind: 'retry', delayMs: 200, retryReason: 'FUNCTION_TIME_OUT', retryData: undefined });
    expect(settleTriggerRun(timedOut, 4, backoff).kind).toBe('failed');
  });

  it('counts a plain return as handled', () => {
    expect([undefined, { statusCode: 200 }].map((returned) => settleTriggerRun({ returned }, 0, backoff))).toEqual([
      { kind: 'succeeded' },
      { kind: 'succeeded' },
    ]);
  });
});
