import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InvocationError, InvocationErrorCode } from '@forge/events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb } from '../data/db';
import type { Db } from '../data/db';
import { TriggerDeliveries } from './trigger-deliveries';
import type { TriggerDeliveriesOptions } from './trigger-deliveries';
import { TriggerStore } from './trigger-store';

let dir: string;
let db: Db;
beforeEach(() => {
  vi.useFakeTimers();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deliveries-test-'));
  db = openDb(dir);
});
afterEach(() => {
  vi.useRealTimers();
  if (db.open) db.close();
});

/** Deliveries on the fake clock; each delivery is recorded with the event it carried. */
function makeDeliveries(deliver: (event: Record<string, unknown>) => unknown, overrides: Partial<TriggerDeliveriesOptions> = {}) {
  const store = new TriggerStore(db);
  const seen: { at: number; triggerKey: string; event: Record<string, unknown> }[] = [];
  const deliveries = new TriggerDeliveries({
    store,
    errorBackoffMs: () => 1000,
    deliver: (delivery, event) => {
      seen.push({ at: Date.now() - start, triggerKey: delivery.triggerKey, event });
      return Promise.resolve().then(() => deliver(event));
    },
    ...overrides,
  });
  const start = Date.now();
  deliveries.start();
  return { store, deliveries, seen };
}

const retryContextOf = (event: Record<string, unknown>) => event.retryContext as { retryCount: number } | undefined;

describe('TriggerDeliveries', () => {
  it('retries an event whose trigger returns InvocationError 4 times, with the retry context, and not a 5th time', async () => {
    const { store, deliveries, seen } = makeDeliveries(
      (event) =>
        new InvocationError({
          retryAfter: 2,
          retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED,
          retryData: { n: (retryContextOf(event)?.retryCount ?? 0) + 1 },
        }),
    );
    deliveries.enqueue('avi:jira:updated:project', { project: { key: 'DEMO' } }, ['t1']);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(seen.map((s) => [s.at, s.event.retryContext ?? null])).toEqual([
      [0, null],
      [2000, { retryCount: 1, retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED', retryData: { n: 1 } }],
      [4000, { retryCount: 2, retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED', retryData: { n: 2 } }],
      [6000, { retryCount: 3, retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED', retryData: { n: 3 } }],
      [8000, { retryCount: 4, retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED', retryData: { n: 4 } }],
    ]);
    expect(store.list().map((d) => [d.status, d.lastError])).toEqual([['failed', 'asked for a retry after the 4 retries Forge allows']]);
  });

  it('delivers a thrown-on event once only', async () => {
    const { store, deliveries, seen } = makeDeliveries(() => {
      throw new Error('boom');
    });
    deliveries.enqueue('avi:forge:installed:app', { id: 'installation' }, ['installed']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect({ runs: seen.length, status: store.list().map((d) => d.status) }).toEqual({ runs: 1, status: ['failed'] });
  });

  it('delivers each event to each trigger as late as the delay says, so events can arrive out of order', async () => {
    const delayMs = ({ event, triggerKey }: { event: Record<string, unknown>; triggerKey: string }) =>
      (event.n === 1 ? 3000 : 1000) + (triggerKey === 'b' ? 500 : 0);
    const { deliveries, seen } = makeDeliveries(() => undefined, { delayMs });
    deliveries.enqueue('avi:jira:updated:project', { n: 1 }, ['a', 'b']);
    deliveries.enqueue('avi:jira:updated:project', { n: 2 }, ['a']);
    await vi.advanceTimersByTimeAsync(5000);
    expect(seen.map((s) => [s.at, s.triggerKey, s.event.n])).toEqual([
      [1000, 'a', 2],
      [3000, 'a', 1],
      [3500, 'b', 1],
    ]);
  });

  it('refuses a delay that is not a number of ms ≥ 0, naming the option', () => {
    const { deliveries } = makeDeliveries(() => undefined, { delayMs: () => -1 });
    expect(() => deliveries.enqueue('avi:jira:updated:project', {}, ['a'])).toThrow('productEventDelayMs: must be a number ≥ 0');
  });

  it('keeps a pending or interrupted delivery in the data folder and delivers it after a restart', async () => {
    const first = makeDeliveries(() => new Promise(() => undefined), { delayMs: ({ event }) => (event.n === 'late' ? 5000 : 0) });
    first.deliveries.enqueue('avi:jira:updated:project', { n: 'running' }, ['a']);
    first.deliveries.enqueue('avi:jira:updated:project', { n: 'late' }, ['a']);
    await vi.advanceTimersByTimeAsync(10);
    void first.deliveries.stop();
    db.close();
    db = openDb(dir);
    expect(new TriggerStore(db).list().map((d) => d.status)).toEqual(['running', 'pending']);
    const second = makeDeliveries(() => undefined);
    await vi.advanceTimersByTimeAsync(5000);
    expect(second.seen.map((s) => s.event.n).sort()).toEqual(['late', 'running']);
    expect(second.store.list().map((d) => d.status)).toEqual(['succeeded', 'succeeded']);
  });
});
