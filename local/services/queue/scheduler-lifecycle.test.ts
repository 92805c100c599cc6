import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Scheduler } from './scheduler';
import type { SchedulerOptions } from './scheduler';
import { QueueStore } from './store';
import { closeAll, makeEvent, openQueueDb } from './test-harness';

let store: QueueStore;
beforeEach(() => {
  // The fake clock drives both the scheduler's timers and its `now` (Date.now by default).
  vi.useFakeTimers({ now: 0 });
  store = new QueueStore(openQueueDb().db);
});
afterEach(() => {
  vi.useRealTimers();
  closeAll();
});

/** A consumer run that ends when the test says so. */
function heldRuns() {
  const started: number[] = [];
  const finish: (() => void)[] = [];
  const runConsumer: SchedulerOptions['runConsumer'] = (event) => {
    started.push(event.body.n as number);
    return new Promise((resolve) => finish.push(() => resolve(undefined)));
  };
  return { started, runConsumer, finishAll: () => finish.splice(0).forEach((f) => f()) };
}
const statuses = () => store.list().map((e) => [e.body.n, e.status]);

describe('starting the scheduler', () => {
  it('runs again what the last stop interrupted, saying how many', async () => {
    const lines: string[] = [];
    store.insertAll([makeEvent({ body: { n: 1 } }), makeEvent({ body: { n: 2 } })]);
    for (const event of store.list()) store.claim(event.id);
    const scheduler = new Scheduler({ store, runConsumer: () => Promise.resolve(undefined), log: (line) => lines.push(line) });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(10);
    await scheduler.stop();
    expect({ lines, statuses: statuses() }).toEqual({
      lines: ['queue: 2 event(s) interrupted by the last stop will run again'],
      statuses: [
        [1, 'succeeded'],
        [2, 'succeeded'],
      ],
    });
  });

  it('says nothing when nothing was interrupted, and needs no log to start', async () => {
    const lines: string[] = [];
    store.insertAll([makeEvent()]);
    new Scheduler({ store, runConsumer: () => Promise.resolve(undefined), log: (line) => lines.push(line) }).start();
    const other = new QueueStore(openQueueDb().db);
    other.insertAll([makeEvent()]);
    other.claim(other.list()[0]!.id);
    const unlogged = new Scheduler({ store: other, runConsumer: () => Promise.resolve(undefined) });
    expect(() => unlogged.start()).not.toThrow();
    await vi.advanceTimersByTimeAsync(10);
    expect({ lines, statuses: statuses(), other: other.list().map((e) => e.status) }).toEqual({
      lines: [],
      statuses: [[1, 'succeeded']],
      other: ['succeeded'],
    });
  });
});

describe('the scheduler’s timer', () => {
  it('keeps one timer while an event is pending, and none once nothing is', async () => {
    const scheduler = new Scheduler({ store, runConsumer: () => Promise.resolve(undefined) });
    scheduler.wake();
    expect(vi.getTimerCount()).toBe(0);
    store.insertAll([makeEvent({ runAt: 300, expiresAt: 10_000 })]);
    scheduler.wake();
    scheduler.wake();
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(299);
    expect(statuses()).toEqual([[1, 'pending']]);
    await vi.advanceTimersByTimeAsync(1);
    expect({ statuses: statuses(), timers: vi.getTimerCount() }).toEqual({ statuses: [[1, 'succeeded']], timers: 0 });
  });

  it('looks again once a second at a due event that could not start, not in a busy loop', async () => {
    const runs = heldRuns();
    let reads = 0;
    const scheduler = new Scheduler({ store, maxInFlight: 1, runConsumer: runs.runConsumer, now: () => (reads++, Date.now()) });
    store.insertAll([makeEvent({ body: { n: 1 }, expiresAt: 10_000 }), makeEvent({ body: { n: 2 }, expiresAt: 10_000 })]);
    scheduler.wake();
    await vi.advanceTimersByTimeAsync(2500);
    // One read per look (at 0, 1000 and 2000 ms) and two for the run that started.
    expect({ started: runs.started, reads }).toEqual({ started: [1], reads: 5 });
    runs.finishAll();
    await vi.advanceTimersByTimeAsync(0);
    expect(runs.started).toEqual([1, 2]);
    runs.finishAll();
    await scheduler.stop();
  });
});

describe('stopping the scheduler', () => {
  it('drops the timer kept for an event not yet due', async () => {
    const scheduler = new Scheduler({ store, runConsumer: () => Promise.resolve(undefined) });
    store.insertAll([makeEvent({ runAt: 5000, expiresAt: 10_000 })]);
    scheduler.wake();
    const armed = vi.getTimerCount();
    await scheduler.stop();
    expect([armed, vi.getTimerCount()]).toEqual([1, 0]);
  });

  it('waits for the runs going, then starts nothing more and keeps no timer', async () => {
    const runs = heldRuns();
    const scheduler = new Scheduler({ store, runConsumer: runs.runConsumer });
    store.insertAll([makeEvent({ body: { n: 1 }, expiresAt: 10_000 })]);
    scheduler.wake();
    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(100);
    expect({ stopped, busy: scheduler.busy() }).toEqual({ stopped: false, busy: true });
    runs.finishAll();
    await stopping;
    store.insertAll([makeEvent({ body: { n: 2 }, expiresAt: 10_000 })]);
    scheduler.wake();
    expect({ stopped, statuses: statuses(), started: runs.started, timers: vi.getTimerCount() }).toEqual({
      stopped: true,
      statuses: [
        [1, 'succeeded'],
        [2, 'pending'],
      ],
      started: [1],
      timers: 0,
    });
  });

  it('once detached, drops what the runs still going return: their events stay running, to run again on the next start', async () => {
    const runs = heldRuns();
    const scheduler = new Scheduler({ store, runConsumer: runs.runConsumer });
    store.insertAll([makeEvent({ body: { n: 1 }, expiresAt: 10_000 })]);
    scheduler.wake();
    scheduler.detach();
    store.insertAll([makeEvent({ body: { n: 2 }, expiresAt: 10_000 })]);
    scheduler.wake();
    runs.finishAll();
    await scheduler.stop();
    expect({ statuses: statuses(), started: runs.started }).toEqual({
      statuses: [
        [1, 'running'],
        [2, 'pending'],
      ],
      started: [1],
    });
  });
});

describe('waiting for the queue', () => {
  it('is busy while an event is pending or running, and idle once none is', async () => {
    const runs = heldRuns();
    const scheduler = new Scheduler({ store, runConsumer: runs.runConsumer });
    expect(scheduler.busy()).toBe(false);
    store.insertAll([makeEvent({ runAt: 50, expiresAt: 10_000 })]);
    expect(scheduler.busy()).toBe(true);
    scheduler.wake();
    await vi.advanceTimersByTimeAsync(60);
    expect({ busy: scheduler.busy(), started: runs.started }).toEqual({ busy: true, started: [1] });
    let idle = false;
    const waiting = scheduler.idle().then(() => (idle = true));
    await vi.advanceTimersByTimeAsync(100);
    expect(idle).toBe(false);
    runs.finishAll();
    await vi.advanceTimersByTimeAsync(20);
    await waiting;
    expect({ idle, busy: scheduler.busy() }).toEqual({ idle: true, busy: false });
  });

  it('gives up waiting after the time it is given', async () => {
    const scheduler = new Scheduler({ store, runConsumer: () => Promise.resolve(undefined) });
    store.insertAll([makeEvent({ runAt: 60_000, expiresAt: 100_000 })]);
    const waiting = scheduler.idle(500).then(
      () => 'drained',
      (error: unknown) => (error instanceof Error ? error.message : 'not an error'),
    );
    await vi.advanceTimersByTimeAsync(520);
    expect(await waiting).toBe('queue did not drain in time');
  });
});

describe('pausing the scheduler', () => {
  it('waits for the runs going, starts nothing while paused, and runs what came due once resumed', async () => {
    const runs = heldRuns();
    store.insertAll([makeEvent({ body: { n: 1 } })]);
    const scheduler = new Scheduler({ store, runConsumer: runs.runConsumer });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(10);
    let paused = false;
    const pausing = scheduler.pause().then(() => (paused = true));
    await vi.advanceTimersByTimeAsync(10);
    expect({ started: runs.started, paused }).toEqual({ started: [1], paused: false });
    runs.finishAll();
    await pausing;
    store.insertAll([makeEvent({ body: { n: 2 }, expiresAt: 3_600_000 })]);
    scheduler.wake();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(runs.started).toEqual([1]);
    scheduler.resume();
    await vi.advanceTimersByTimeAsync(10);
    expect(runs.started).toEqual([1, 2]);
    runs.finishAll();
    await scheduler.stop();
  });
});
