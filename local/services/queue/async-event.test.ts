import { describe, expect, it } from 'vitest';
import { asyncEventOf } from './async-event';
import type { QueuedEvent } from './store';

const makeQueued = (overrides: Partial<QueuedEvent> = {}): QueuedEvent => ({
  id: 'event-1',
  queue: 'work',
  jobId: 'job-1',
  body: { n: 1 },
  delayInSeconds: undefined,
  concurrency: undefined,
  chainId: undefined,
  status: 'running',
  runAt: 0,
  retryCount: 0,
  retryReason: undefined,
  retryData: undefined,
  throttleCount: 0,
  createdAt: Date.UTC(2025, 0, 12, 12, 0, 0),
  expiresAt: Date.UTC(2025, 0, 13, 12, 0, 0),
  lastError: undefined,
  ...overrides,
});

describe('the AsyncEvent a consumer receives', () => {
  it('names its queue, job and event and carries the body, nothing else on a first run', () => {
    expect(asyncEventOf(makeQueued(), 0)).toStrictEqual({ queueName: 'work', jobId: 'job-1', eventId: 'event-1', body: { n: 1 } });
  });

  it('carries the delay and the concurrency it was pushed with, a delay of 0 included', () => {
    const concurrency = { key: 'tenant', limit: 2 };
    expect([asyncEventOf(makeQueued({ delayInSeconds: 0 }), 0), asyncEventOf(makeQueued({ delayInSeconds: 1.5, concurrency }), 0)]).toEqual([
      { queueName: 'work', jobId: 'job-1', eventId: 'event-1', body: { n: 1 }, delayInSeconds: 0 },
      { queueName: 'work', jobId: 'job-1', eventId: 'event-1', body: { n: 1 }, delayInSeconds: 1.5, concurrency },
    ]);
  });

  it('on a retry, carries the retry context with the retention window left, never below 0', () => {
    const retried = makeQueued({ retryCount: 2, retryReason: 'FUNCTION_RETRY_REQUEST', retryData: { page: 3 } });
    const context = (now: number) => asyncEventOf(retried, now).retryContext;
    expect([context(retried.expiresAt - 1500), context(retried.expiresAt), context(retried.expiresAt + 1)]).toEqual(
      [1500, 0, 0].map((remainingTimeMs) => ({
        retryCount: 2,
        retryReason: 'FUNCTION_RETRY_REQUEST',
        retryData: { page: 3 },
        retentionWindow: { startTime: '2025-01-12T12:00:00.000Z', remainingTimeMs },
      })),
    );
  });
});
