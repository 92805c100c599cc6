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
