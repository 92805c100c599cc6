import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../local/host';
import { DEMO_USERS } from '../../local/services/jira';
import { callResolver, startHost } from './support/fixture-host';

interface Run {
  startedAt: number;
  endedAt: number;
  retryContext: { retryCount: number; retryReason: string; retryData: unknown } | null;
}

const admin = DEMO_USERS.admin.accountId;
let host: Host | undefined;
afterEach(async () => host?.close());

async function push(h: Host, events: unknown[]): Promise<string> {
  const answer = await callResolver<{ jobId?: string; error?: unknown }>(h, admin, 'queue/push', { events });
  if (!answer.jobId) throw new Error(`push failed: ${JSON.stringify(answer.error)}`);
  return answer.jobId;
}
const runsOf = async (h: Host, id: string) => (await callResolver<{ value: Run[] | null }>(h, admin, 'kvs/get', { key: `ran:${id}` })).value;

describe('@forge/events through the local host', () => {
  it('runs a delayed event no sooner than its delay', async () => {
    host = await startHost();
    const pushedAt = Date.now();
    await push(host, [{ body: { id: 'late' }, delayInSeconds: 2 }, { body: { id: 'now' } }]);
    await host.idle();
    const [late] = (await runsOf(host, 'late')) ?? [];
    const [now] = (await runsOf(host, 'now')) ?? [];
    expect(late!.startedAt - pushedAt).toBeGreaterThanOrEqual(2000);
    expect(now!.startedAt - pushedAt).toBeLessThan(2000);
  });

  it('never runs more events of one concurrency key at once than its limit', async () => {
    host = await startHost();
    const events = Array.from({ length: 6 }, (_, i) => ({
      body: { id: `c${i}`, mode: 'slow', ms: 150 },
      concurrency: { key: 'tenant-a', limit: 2 },
    }));
    await push(host, [...events, ...Array.from({ length: 3 }, (_, i) => ({ body: { id: `free${i}`, mode: 'slow', ms: 150 } }))]);
    await host.idle();
    const spans = await Promise.all(events.map(async (e) => ((await runsOf(host!, e.body.id)) ?? [])[0]!));
    // Sweep over start and end instants: the most runs of tenant-a in progress at any moment.
    const instants = spans
      .flatMap((s) => [
        { t: s.startedAt, d: 1 },
        { t: s.endedAt, d: -1 },
      ])
      .sort((a, b) => a.t - b.t || a.d - b.d);
    let inProgress = 0;
    let maxOverlap = 0;
    for (const { d } of instants) maxOverlap = Math.max(maxOverlap, (inProgress += d));
    expect(spans).toHaveLength(6);
    expect(maxOverlap).toBe(2);
  });

  it('retries an event whose consumer returns InvocationError, with retryCount 1 and its retryData', async () => {
    host = await startHost();
    await push(host, [{ body: { id: 'r', mode: 'retry-once', retryData: { cursor: 'page-2', attempt: 'first' } } }]);
    await host.idle();
    const runs = await runsOf(host, 'r');
    expect(runs).toHaveLength(1);
    expect(runs![0]!.retryContext).toMatchObject({
      retryCount: 1,
      retryReason: 'FUNCTION_RETRY_REQUEST',
      retryData: { cursor: 'page-2', attempt: 'first' },
    });
  });

  it('retries a consumer that throws, after a backoff', async () => {
    host = await startHost({ errorBackoffMs: () => 300 });
    await push(host, [{ body: { id: 't', mode: 'throw-once' } }]);
    await host.idle();
    const runs = await runsOf(host, 't');
    expect(runs?.[0]?.retryContext).toMatchObject({ retryCount: 1, retryReason: 'FUNCTION_PLATFORM_UNKNOWN_ERROR' });
    expect(host.queueStore.list({ status: 'succeeded' })).toHaveLength(1);
  });

  it('records an event that keeps failing past the retention window as dead, with the reason', async () => {
    host = await startHost({ errorBackoffMs: () => 400, retentionMs: 300 });
    await push(host, [{ body: { id: 'doomed', mode: 'throw-once' } }]);
    await host.idle();
    const [dead] = host.queueStore.list({ status: 'dead' });
    expect(dead).toMatchObject({ body: { id: 'doomed' }, lastError: expect.stringContaining('failing on purpose') as unknown });
    expect(await runsOf(host, 'doomed')).toBeNull();
  });

  it('answers getStats for a job through the real SDK', async () => {
    host = await startHost();
    const jobId = await push(host, [{ body: { id: 's1' } }, { body: { id: 's2' } }]);
    await host.idle();
    expect(await callResolver(host, admin, 'queue/stats', { jobId })).toEqual({ success: 2, inProgress: 0, failed: 0 });
  });

  it('cancels a job: its delayed events never run, and its stats say so', async () => {
    host = await startHost();
    const jobId = await push(host, [
      { body: { id: 'never-1' }, delayInSeconds: 1 },
      { body: { id: 'never-2' }, delayInSeconds: 1 },
    ]);
    expect(await callResolver(host, admin, 'queue/cancel', { jobId })).toEqual({ cancelled: true });
    await host.idle();
    expect(await runsOf(host, 'never-1')).toBeNull();
    expect(await callResolver(host, admin, 'queue/stats', { jobId })).toEqual({ success: 0, inProgress: 0, failed: 2 });
  });

  it('refuses a push of more than 50 events in the SDK, before it reaches the platform', async () => {
    host = await startHost();
    const answer = await callResolver(host, admin, 'queue/push', { events: Array.from({ length: 51 }, (_, i) => ({ body: { id: `x${i}` } })) });
    expect(answer).toMatchObject({ error: { message: 'This push contains more than the 50 events allowed.' } });
    expect(host.queueStore.list()).toEqual([]);
  });
});
