import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb } from '../../data/db';
import type { Db } from '../../data/db';
import { PushChains } from './push-chains';
import { createQueueRoutes } from './routes';
import type { QueueRoutesOptions } from './routes';
import { Scheduler } from './scheduler';
import { QueueStore } from './store';
import type { NewEvent } from './store';

/** The queue's unit tests' fixtures: a fresh data folder each, closed by `closeAll` (call it in afterEach). */
const opened: Db[] = [];

export function openQueueDb(dir = fs.mkdtempSync(path.join(os.tmpdir(), 'queue-test-'))): { db: Db; dir: string } {
  const db = openDb(dir);
  opened.push(db);
  return { db, dir };
}

export function closeAll(): void {
  for (const db of opened.splice(0)) if (db.open) db.close();
}

/** An event as a push stores it, due at once and kept for a second unless told otherwise. */
export const makeEvent = (overrides: Partial<NewEvent> = {}): NewEvent => ({
  queue: 'work',
  jobId: 'job-1',
  body: { n: 1 },
  delayInSeconds: undefined,
  concurrency: undefined,
  chainId: undefined,
  runAt: 0,
  createdAt: 0,
  expiresAt: 1000,
  ...overrides,
});

/** The routes over a real store; the scheduler is stopped so pushed events stay pending for the assertions. */
export async function makeRoutes(overrides: Partial<QueueRoutesOptions> = {}, dir?: string) {
  const opened = openQueueDb(dir);
  const store = new QueueStore(opened.db);
  const scheduler = new Scheduler({ store, runConsumer: () => Promise.resolve(undefined) });
  await scheduler.stop();
  const clock = { now: 1_000_000 };
  const chains = new PushChains(opened.db);
  const routes = createQueueRoutes({
    store,
    chains,
    scheduler,
    hasConsumer: () => true,
    hasLongRunningConsumer: (queue) => queue === 'long',
    retentionMs: 86_400_000,
    eventsPerMinute: false,
    now: () => clock.now,
    ...overrides,
  });
  return { routes, store, chains, ...opened, clock };
}

export const push = (events: unknown[], queueName = 'work') => ({ queueName, jobId: `job-${Math.random()}`, payload: events });

/** An event whose JSON is exactly `bytes` long. */
export const padded = (bytes: number) => ({ body: { pad: 'x'.repeat(bytes - JSON.stringify({ body: { pad: '' } }).length) } });

export const statusOf = async (answer: { response: Response }) => ({ status: answer.response.status, body: await answer.response.text() });
