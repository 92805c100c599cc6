import { InvocationError, InvocationErrorCode } from '@forge/events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Scheduler } from './scheduler';
import type { SchedulerOptions } from './scheduler';
import { QueueStore } from './store';
import { closeAll, makeEvent, openQueueDb } from './test-harness';

let store: QueueStore;
beforeEach(() => {
  vi.useFakeTimers({ now: 1000 });
  store = new QueueStore(openQueueDb().db);
});
afterEach(() => {
  vi.useRealTimers();
  closeAll();
});

/** Runs the due events once with these options, and tells how each ended. */
async function runOnce(options: Partial<SchedulerOptions>) {
  const scheduler = new Scheduler({ store, runConsumer: () => Promise.resolve(undefined), ...options });
  scheduler.wake();
  await vi.advanceTimersByTimeAsync(0);
  await scheduler.stop();
  return store.list().map((e) => ({ n: e.body.n, status: e.status, runAt: e.runAt, retryCount: e.retryCount, lastError: e.lastError }));
}
const boom = () => Promise.reject(new Error('boom'));
const brokenBackoff = (): number => {
  throw new Error('backoff broke');
};

describe('an event whose retention window has ended', () => {
  it('is recorded as dead instead of run, from the very millisecond the window ends, with its last error', async () => {
    const ran: unknown[] = [];
    store.insertAll([makeEvent({ body: { n: 1 }, expiresAt: 1000 }), makeEvent({ body: { n: 2 }, expiresAt: 1001 })]);
    store.insertAll([makeEvent({ body: { n: 3 }, expiresAt: 1000 })]);
    const third = store.list()[2]!;
    store.reschedule(third.id, { runAt: 0, retryCount: 2, retryReason: 'R', retryData: undefined, lastError: 'upstream down' });
    const ended = await runOnce({ runConsumer: (event) => (ran.push(event.body.n), Promise.resolve(undefined)) });
    expect({ ran, ended: ended.map((e) => [e.n, e.status, e.lastError]) }).toEqual({
      ran: [2],
      ended: [
        [1, 'dead', 'retention window ended before a successful run (last error: none)'],
        [2, 'succeeded', undefined],
        [3, 'dead', 'retention window ended before a successful run (last error: upstream down)'],
      ],
    });
  });
});

describe('a run that failed', () => {
  it('is retried when the retry falls inside the retention window, and dead from the millisecond it would not', async () => {
    const lines: string[] = [];
    store.insertAll([makeEvent({ body: { n: 1 }, expiresAt: 1500 }), makeEvent({ body: { n: 2 }, expiresAt: 1501 })]);
    const ended = await runOnce({ runConsumer: boom, errorBackoffMs: () => 500, log: (line) => lines.push(line) });
    const dead = store.list()[0]!;
    expect(ended).toEqual([
      { n: 1, status: 'dead', runAt: 0, retryCount: 0, lastError: 'retention window ends before the next retry (last error: boom)' },
      { n: 2, status: 'pending', runAt: 1500, retryCount: 1, lastError: 'boom' },
    ]);
    expect(lines).toEqual([`queue: event ${dead.id} on work is dead: boom`]);
  });

  it('is dead at once when it asks for a retry with more than 4096 bytes of retryData', async () => {
    store.insertAll([makeEvent({ expiresAt: 900_000 })]);
    const retryData = 'x'.repeat(4096);
    const asked = new InvocationError({ retryAfter: 1, retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED, retryData });
    const ended = await runOnce({ runConsumer: () => Promise.resolve(asked) });
    expect(ended.map((e) => [e.status, e.lastError])).toEqual([['dead', 'retryData exceeds 4096 bytes']]);
  });

  it('that cannot be settled is logged, and the scheduler carries on with the next event', async () => {
    const lines: string[] = [];
    store.insertAll([makeEvent({ body: { n: 1 }, expiresAt: 900_000 }), makeEvent({ body: { n: 2 }, expiresAt: 900_000 })]);
    const ended = await runOnce({
      maxInFlight: 1,
      runConsumer: (event) => (event.body.n === 1 ? boom() : Promise.resolve(undefined)),
      errorBackoffMs: brokenBackoff,
      log: (line) => lines.push(line),
    });
    expect({ lines, ended: ended.map((e) => [e.n, e.status]) }).toEqual({
      lines: [`queue: event ${store.list()[0]!.id} could not be settled: backoff broke`],
      ended: [
        [1, 'running'],
        [2, 'succeeded'],
      ],
    });
  });

  it('that cannot be settled, with no log, is dropped without an unhandled rejection', async () => {
    store.insertAll([makeEvent({ expiresAt: 900_000 })]);
    const ended = await runOnce({ runConsumer: boom, errorBackoffMs: brokenBackoff });
    expect(ended.map((e) => e.status)).toEqual(['running']);
  });
});

describe('events throttled by a full concurrency key', () => {
  it('do not keep a runnable event behind them waiting: each look reads past those put back', () => {
    const ran: unknown[] = [];
    // The key already has its one run going (a run of an earlier pass); a look reads maxInFlight × 4 = 8 events.
    store.insertAll([makeEvent({ body: { n: 0 }, concurrency: { key: 'k', limit: 1 }, expiresAt: 900_000 })]);
    store.claim(store.list()[0]!.id);
    store.insertAll(Array.from({ length: 8 }, (_, i) => makeEvent({ body: { n: i + 1 }, concurrency: { key: 'k', limit: 1 }, expiresAt: 900_000 })));
    store.insertAll([makeEvent({ body: { n: 9 }, expiresAt: 900_000 })]);
    const scheduler = new Scheduler({
      store,
      maxInFlight: 2,
      throttleDelayMs: () => 60_000,
      runConsumer: (event) => (ran.push(event.body.n), new Promise(() => undefined)),
    });
    scheduler.wake();
    expect(ran).toEqual([9]);
    expect(store.list({ status: 'pending' }).map((e) => e.runAt)).toEqual(Array<number>(8).fill(61_000));
    scheduler.detach();
  });
});
