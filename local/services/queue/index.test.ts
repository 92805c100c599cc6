import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadManifest } from '../../runtime/manifest';
import { createQueue } from './index';
import type { QueueOptions } from './index';
import type { SchedulerOptions } from './scheduler';
import { closeAll, openQueueDb, padded, push } from './test-harness';

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => {
  vi.useRealTimers();
  closeAll();
});

/** An app with a consumer on `work` (default timeout) and one on `long` (a 900 s timeout), as manifest.yml declares them. */
function manifest() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'queue-app-'));
  fs.writeFileSync(
    path.join(dir, 'manifest.yml'),
    `app:
  id: ari:cloud:ecosystem::app/queue-test
modules:
  consumer:
    - { key: work-consumer, queue: work, function: work }
    - { key: long-consumer, queue: long, function: long }
  function:
    - { key: work, handler: index.work }
    - { key: long, handler: index.long, timeoutSeconds: 900 }
`,
  );
  return loadManifest(dir);
}

function start(options: Partial<QueueOptions> = {}, runConsumer: SchedulerOptions['runConsumer'] = () => new Promise(() => undefined)) {
  const { db } = openQueueDb();
  return createQueue(db, manifest(), { errorBackoffMs: () => 1000, log: () => undefined, ...options }, runConsumer);
}
const statusOf = (answer: { response: Response }) => answer.response.status;

describe('the queue service as the host assembles it', () => {
  it('keeps an event 24 hours from its push, and records one for a queue without a consumer as dead', () => {
    const { routes, store, scheduler } = start();
    routes.publish(push([{ body: { n: 1 } }], 'work'));
    routes.publish(push([{ body: { n: 2 } }], 'nobody'));
    expect(store.list().map((e) => [e.queue, e.status, e.expiresAt - e.createdAt])).toEqual([
      ['work', 'running', 86_400_000],
      ['nobody', 'dead', 86_400_000],
    ]);
    scheduler.detach();
  });

  it('holds each event to 100 KB for a consumer declaring a timeout over 55 s only', () => {
    const { routes, scheduler } = start();
    expect([statusOf(routes.publish(push([padded(102_401)], 'long'))), statusOf(routes.publish(push([padded(102_401)], 'work')))]).toEqual([
      413, 201,
    ]);
    scheduler.detach();
  });

  it('takes the oversized-event answer it is given', () => {
    const { routes, scheduler } = start({ oversizedEventAnswer: 'partial-failure' });
    const answer = routes.publish(push([{ body: {} }, padded(102_401)], 'long'));
    expect([answer.response.status, answer.events]).toEqual([202, 1]);
    scheduler.detach();
  });

  it('admits 500 events a minute by default, and any number when the limit is off', () => {
    const fifty = Array.from({ length: 50 }, () => ({ body: {} }));
    const limited = start({ maxConcurrentConsumers: 1 });
    const unlimited = start({ eventsPerMinute: false, maxConcurrentConsumers: 1 });
    const pushes = (routes: typeof limited.routes) => Array.from({ length: 11 }, () => statusOf(routes.publish(push(fifty, 'work'))));
    expect([pushes(limited.routes).at(-1), pushes(unlimited.routes).at(-1)]).toEqual([429, 201]);
    limited.scheduler.detach();
    unlimited.scheduler.detach();
  });

  it('runs as many consumers at once as it is told, eight by default', () => {
    const running = (options: Partial<QueueOptions>) => {
      const { routes, store, scheduler } = start(options);
      routes.publish(
        push(
          Array.from({ length: 12 }, (_, n) => ({ body: { n } })),
          'work',
        ),
      );
      scheduler.detach();
      return store.list({ status: 'running' }).length;
    };
    expect([running({}), running({ maxConcurrentConsumers: 3 })]).toEqual([8, 3]);
  });

  it('passes on the throttle delay and the reason a retry after a throw carries', async () => {
    const { routes, store, scheduler } = start({ throttleDelayMs: () => 3_600_000, thrownErrorRetryReason: 'FUNCTION_RETRY_REQUEST' }, (event) =>
      event.body.n === 1 ? Promise.reject(new Error('boom')) : new Promise(() => undefined),
    );
    routes.publish(push([{ body: { n: 1 } }], 'work'));
    routes.publish(
      push(
        [2, 3].map((n) => ({ body: { n }, concurrency: { key: 'k', limit: 1 } })),
        'work',
      ),
    );
    await vi.advanceTimersByTimeAsync(0);
    scheduler.detach();
    expect(store.list().map((e) => [e.body.n, e.status, e.retryReason ?? null, e.runAt])).toEqual([
      [1, 'pending', 'FUNCTION_RETRY_REQUEST', 1000],
      [2, 'running', null, 0],
      [3, 'pending', null, 3_600_000],
    ]);
  });
});
