import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb } from '../../data/db';
import type { Db } from '../../data/db';
import { Scheduler } from './scheduler';
import { QueueStore } from './store';

let db: Db;
let store: QueueStore;
beforeEach(() => {
  vi.useFakeTimers();
  db = openDb(fs.mkdtempSync(path.join(os.tmpdir(), 'scheduler-test-')));
  store = new QueueStore(db);
});
afterEach(() => {
  vi.useRealTimers();
  db.close();
});

const pushOne = (runAt: number) =>
  store.insertAll([
    {
      queue: 'work',
      jobId: 'job',
      body: { n: 1 },
      delayInSeconds: undefined,
      concurrency: undefined,
      chainId: undefined,
      runAt,
      createdAt: 0,
      expiresAt: 86_400_000,
    },
  ]);

describe('Scheduler.wake', () => {
  it('runs an event that falls due between two reads of a clock that moves on every read (a loaded machine)', async () => {
    // Each read of the clock is 1 ms later, as when the process is descheduled between two statements.
    let t = 999;
    const ran: number[] = [];
    const scheduler = new Scheduler({
      store,
      now: () => t++,
      runConsumer: () => {
        ran.push(t);
        return Promise.resolve(undefined);
      },
    });
    pushOne(1000);
    scheduler.wake();
    await vi.advanceTimersByTimeAsync(5000);
    expect({ ran: ran.length, succeeded: store.list({ status: 'succeeded' }).length }).toEqual({ ran: 1, succeeded: 1 });
    await scheduler.stop();
  });
});

describe('events throttled by their concurrency key', () => {
  /** Events of one key, limit 1, each taking 100 ms on the fake clock. */
  async function runLane(throttleDelayMs: (attempt: number) => number, count: number) {
    const clock = { t: 0 };
    const order: number[] = [];
    let inKey = 0;
    let maxInKey = 0;
    const scheduler = new Scheduler({
      store,
      now: () => clock.t,
      throttleDelayMs,
      runConsumer: async (event) => {
        maxInKey = Math.max(maxInKey, ++inKey);
        order.push(event.body.n as number);
        await new Promise((r) => setTimeout(r, 100));
        inKey--;
        return undefined;
      },
    });
    store.insertAll(
      Array.from({ length: count }, (_, n) => ({
        queue: 'work',
        jobId: 'job',
        body: { n },
        delayInSeconds: undefined,
        concurrency: { key: 'tenant', limit: 1 },
        chainId: undefined,
        runAt: 0,
        createdAt: 0,
        expiresAt: 86_400_000,
      })),
    );
    scheduler.wake();
    for (let i = 0; i < 2000 && store.busy(); i++) {
      clock.t += 10;
      await vi.advanceTimersByTimeAsync(10);
    }
    await scheduler.stop();
    return { order, maxInKey, throttled: store.list().map((e) => e.throttleCount) };
  }

  it('puts a throttled event back for the delay it is given and runs the events of a key out of push order', async () => {
    // The later an event was pushed, the sooner it is looked at again: the last pushed runs second.
    const delays = [900, 800, 700, 600];
    let call = 0;
    const { order, maxInKey } = await runLane(() => delays[call++] ?? 50, 5);
    expect({ order, maxInKey }).toEqual({ order: [0, 4, 3, 2, 1], maxInKey: 1 });
  });

  it('tells the delay how often the event was throttled before', async () => {
    const attempts: number[] = [];
    const { throttled } = await runLane((attempt) => {
      attempts.push(attempt);
      return 40;
    }, 2);
    // Event 0 runs 0–100 ms; event 1 is looked at again at 40 and 80 ms, and runs at 120 ms.
    expect({ attempts, throttled }).toEqual({ attempts: [0, 1, 2], throttled: [0, 3] });
  });
});

describe('consumer runs', () => {
  const event = (body: Record<string, unknown>) => ({
    queue: 'work',
    jobId: 'job',
    body,
    delayInSeconds: undefined,
    concurrency: undefined,
    chainId: 'chain-1',
    runAt: 0,
    createdAt: 0,
    expiresAt: 60_000,
  });

  it('retries a throw with retryCount 1, the configured reason and a retention window, then succeeds', async () => {
    const clock = { t: 0 };
    const seen: unknown[] = [];
    const scheduler = new Scheduler({
      store,
      now: () => clock.t,
      errorBackoffMs: () => 500,
      thrownErrorRetryReason: 'FUNCTION_RETRY_REQUEST',
      runConsumer: (_e, asyncEvent) => {
        seen.push(asyncEvent.retryContext ?? null);
        return seen.length === 1 ? Promise.reject(new Error('boom')) : Promise.resolve(undefined);
      },
    });
    store.insertAll([event({ n: 1 })]);
    scheduler.wake();
    for (let i = 0; i < 100 && store.busy(); i++) {
      clock.t += 10;
      await vi.advanceTimersByTimeAsync(10);
    }
    await scheduler.stop();
    expect(seen).toEqual([
      null,
      {
        retryCount: 1,
        retryReason: 'FUNCTION_RETRY_REQUEST',
        retryData: undefined,
        retentionWindow: { startTime: new Date(0).toISOString(), remainingTimeMs: 60_000 - 510 },
      },
    ]);
    expect(store.list().map((e) => [e.status, e.retryCount])).toEqual([['succeeded', 1]]);
  });

  it('records an event as dead when its next retry would fall past the retention window', async () => {
    const scheduler = new Scheduler({ store, now: () => 0, errorBackoffMs: () => 60_000, runConsumer: () => Promise.reject(new Error('boom')) });
    store.insertAll([event({ n: 1 })]);
    scheduler.wake();
    await vi.advanceTimersByTimeAsync(10);
    await scheduler.stop();
    expect(store.list().map((e) => [e.status, e.lastError])).toEqual([['dead', 'retention window ends before the next retry (last error: boom)']]);
  });

  it('runs at most maxInFlight consumers at once', async () => {
    let running = 0;
    let most = 0;
    const scheduler = new Scheduler({
      store,
      now: () => 0,
      maxInFlight: 3,
      runConsumer: async () => {
        most = Math.max(most, ++running);
        await new Promise((r) => setTimeout(r, 50));
        running--;
        return undefined;
      },
    });
    store.insertAll(Array.from({ length: 10 }, (_, n) => event({ n })));
    scheduler.wake();
    await vi.advanceTimersByTimeAsync(1000);
    await scheduler.stop();
    expect({ most, succeeded: store.list({ status: 'succeeded' }).length }).toEqual({ most: 3, succeeded: 10 });
  });
});
