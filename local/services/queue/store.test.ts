import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../data/db';
import { QueueStore } from './store';
import type { QueuedEvent } from './store';
import { closeAll, makeEvent, openQueueDb } from './test-harness';

let db: Db;
let store: QueueStore;
beforeEach(() => {
  ({ db } = openQueueDb());
  store = new QueueStore(db);
});
afterEach(closeAll);

const bodies = (events: { body: Record<string, unknown> }[]) => events.map((e) => e.body.n);
const idOf = (n: number) => store.list().find((e) => e.body.n === n)!.id;

describe('QueueStore', () => {
  it('keeps what was pushed, and reads an event back with everything it was pushed with', () => {
    store.insertAll([makeEvent({ delayInSeconds: 1.5, concurrency: { key: 'tenant', limit: 2 }, chainId: 'chain', runAt: 1500, createdAt: 7 })]);
    expect(store.list().map(({ id: _id, ...event }) => event)).toEqual([
      {
        queue: 'work',
        jobId: 'job-1',
        body: { n: 1 },
        delayInSeconds: 1.5,
        concurrency: { key: 'tenant', limit: 2 },
        chainId: 'chain',
        status: 'pending',
        runAt: 1500,
        retryCount: 0,
        retryReason: undefined,
        retryData: undefined,
        throttleCount: 0,
        createdAt: 7,
        expiresAt: 1000,
        lastError: undefined,
      },
    ]);
  });

  it('reads an event pushed with no delay, concurrency or chain back without them', () => {
    store.insertAll([makeEvent()]);
    const [{ delayInSeconds, concurrency, chainId, retryData, lastError }] = store.list() as [QueuedEvent];
    expect([delayInSeconds, concurrency, chainId, retryData, lastError]).toStrictEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('gives the due pending events, earliest first then in push order, up to a limit', () => {
    store.insertAll([makeEvent({ body: { n: 1 }, runAt: 20 }), makeEvent({ body: { n: 2 }, runAt: 10 }), makeEvent({ body: { n: 3 }, runAt: 10 })]);
    store.insertAll([makeEvent({ body: { n: 4 }, runAt: 21 }), makeEvent({ body: { n: 5 }, runAt: 5 })]);
    expect(bodies(store.due(20, 10))).toEqual([5, 2, 3, 1]);
    expect(bodies(store.due(20, 2))).toEqual([5, 2]);
    expect(bodies(store.due(4, 10))).toEqual([]);
    store.claim(idOf(5));
    expect(bodies(store.due(20, 10))).toEqual([2, 3, 1]);
    expect(store.nextRunAt()).toBe(10);
  });

  it('knows when the next pending event is due, and whether anything is pending or running', () => {
    expect({ next: store.nextRunAt(), busy: store.busy() }).toEqual({ next: undefined, busy: false });
    store.insertAll([makeEvent({ runAt: 30 })]);
    expect({ next: store.nextRunAt(), busy: store.busy() }).toEqual({ next: 30, busy: true });
    store.claim(idOf(1));
    expect({ next: store.nextRunAt(), busy: store.busy() }).toEqual({ next: undefined, busy: true });
    store.finish(idOf(1), 'succeeded');
    expect({ next: store.nextRunAt(), busy: store.busy() }).toEqual({ next: undefined, busy: false });
  });

  it('claims a pending event once, and counts the running events of a concurrency key', () => {
    const key = { key: 'tenant', limit: 1 };
    store.insertAll([
      makeEvent({ body: { n: 1 }, concurrency: key }),
      makeEvent({ body: { n: 2 }, concurrency: key }),
      makeEvent({ body: { n: 3 } }),
    ]);
    expect([store.claim(idOf(1)), store.claim(idOf(1)), store.claim('no-such-id')]).toEqual([true, false, false]);
    store.claim(idOf(3));
    expect([store.runningFor('tenant'), store.runningFor('other')]).toEqual([1, 0]);
    store.claim(idOf(2));
    expect(store.runningFor('tenant')).toBe(2);
  });

  it('moves a throttled event to later and counts it, but leaves one no longer pending alone', () => {
    store.insertAll([makeEvent({ body: { n: 1 } }), makeEvent({ body: { n: 2 } })]);
    store.throttle(idOf(1), 50);
    store.throttle(idOf(1), 60);
    store.claim(idOf(2));
    store.throttle(idOf(2), 70);
    expect(store.list().map((e) => [e.body.n, e.status, e.runAt, e.throttleCount])).toEqual([
      [1, 'pending', 60, 2],
      [2, 'running', 0, 0],
    ]);
  });

  it('reschedules a retry with its count, reason, data and last error', () => {
    store.insertAll([makeEvent(), makeEvent({ body: { n: 2 } })]);
    store.claim(idOf(1));
    store.reschedule(idOf(1), { runAt: 40, retryCount: 1, retryReason: 'FUNCTION_RETRY_REQUEST', retryData: { page: 2 }, lastError: 'boom' });
    store.reschedule(idOf(2), { runAt: 50, retryCount: 3, retryReason: 'R', retryData: undefined });
    expect(store.list().map((e) => [e.status, e.runAt, e.retryCount, e.retryReason, e.retryData, e.lastError])).toEqual([
      ['pending', 40, 1, 'FUNCTION_RETRY_REQUEST', { page: 2 }, 'boom'],
      ['pending', 50, 3, 'R', undefined, undefined],
    ]);
  });

  it('runs again what was running when the host stopped, and says how many', () => {
    store.insertAll([makeEvent({ body: { n: 1 } }), makeEvent({ body: { n: 2 } }), makeEvent({ body: { n: 3 } })]);
    store.claim(idOf(1));
    store.claim(idOf(2));
    store.finish(idOf(2), 'dead', 'gone');
    expect(store.requeueInterrupted()).toBe(1);
    expect(store.list().map((e) => [e.body.n, e.status, e.lastError])).toEqual([
      [1, 'pending', undefined],
      [2, 'dead', 'gone'],
      [3, 'pending', undefined],
    ]);
  });

  it('counts a job’s events as succeeded, in progress or failed, and knows no unknown job', () => {
    const job = (n: number) => makeEvent({ jobId: 'counted', body: { n } });
    store.insertAll([1, 2, 3, 4, 5, 6, 7].map(job));
    store.insertAll([makeEvent({ jobId: 'other', body: { n: 8 } })]);
    store.finish(idOf(1), 'succeeded');
    store.claim(idOf(2));
    store.finish(idOf(3), 'failed');
    store.finish(idOf(4), 'dead');
    store.finish(idOf(5), 'succeeded');
    expect(store.jobStats('counted')).toEqual({ success: 2, inProgress: 3, failed: 2 });
    expect(store.jobStats('missing')).toBeUndefined();
  });

  it('cancels a job’s pending events only, and tells whether the job exists', () => {
    store.insertAll([
      makeEvent({ jobId: 'a', body: { n: 1 } }),
      makeEvent({ jobId: 'a', body: { n: 2 } }),
      makeEvent({ jobId: 'b', body: { n: 3 } }),
    ]);
    store.claim(idOf(1));
    expect([store.cancelJob('a'), store.cancelJob('missing')]).toEqual([true, false]);
    expect(store.list().map((e) => [e.body.n, e.status])).toEqual([
      [1, 'running'],
      [2, 'cancelled'],
      [3, 'pending'],
    ]);
    expect(store.jobStats('a')).toEqual({ success: 0, inProgress: 1, failed: 1 });
  });

  it('lists by status, by queue, or both, in push order', () => {
    store.insertAll([makeEvent({ body: { n: 1 } }), makeEvent({ queue: 'other', body: { n: 2 } }), makeEvent({ body: { n: 3 } })]);
    store.claim(idOf(3));
    expect([
      bodies(store.list()),
      bodies(store.list({ status: 'pending' })),
      bodies(store.list({ queue: 'work' })),
      bodies(store.list({ status: 'pending', queue: 'work' })),
    ]).toEqual([[1, 2, 3], [1, 2], [1, 3], [1]]);
  });

  it('adds the columns a data folder made by an earlier host lacks, keeping its events', () => {
    db.exec('DROP TABLE queue_events');
    db.exec(`CREATE TABLE queue_events (
      id TEXT PRIMARY KEY, queue TEXT NOT NULL, job_id TEXT NOT NULL, body TEXT NOT NULL, delay_s REAL,
      conc_key TEXT, conc_limit INTEGER, status TEXT NOT NULL, run_at INTEGER NOT NULL, retry_count INTEGER NOT NULL DEFAULT 0,
      retry_reason TEXT, retry_data TEXT, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, last_error TEXT, seq INTEGER NOT NULL)`);
    db.exec(`INSERT INTO queue_events (id, queue, job_id, body, status, run_at, created_at, expires_at, seq)
      VALUES ('old', 'work', 'job-0', '{"n":0}', 'pending', 5, 0, 1000, 1)`);
    const reopened = new QueueStore(db);
    reopened.insertAll([makeEvent({ chainId: 'chain' })]);
    expect(reopened.list().map((e) => [e.id === 'old', e.body.n, e.chainId, e.throttleCount])).toEqual([
      [true, 0, undefined, 0],
      [false, 1, 'chain', 0],
    ]);
  });
});
