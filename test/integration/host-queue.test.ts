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

async function push(h: Host, events: unknown[], queue?: string): Promise<string> {
  const answer = await callResolver<{ jobId?: string; error?: unknown }>(h, admin, 'queue/push', { events, queue });
  if (!answer.jobId) throw new Error(`push failed: ${JSON.stringify(answer.error)}`);
  return answer.jobId;
}
const pushError = async (h: Host, events: unknown[], queue?: string) =>
  (await callResolver<{ jobId?: string; error?: { message: string } }>(h, admin, 'queue/push', { events, queue })).error ?? null;
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

describe('Forge limits on a push, through @forge/events', () => {
  const parked = (n: number) => Array.from({ length: n }, (_, i) => ({ body: { id: `parked-${i}` }, delayInSeconds: 900 }));

  it('takes a fractional delay and runs the event no sooner; takes 900 s and refuses 901 s', async () => {
    host = await startHost();
    const pushedAt = Date.now();
    await push(host, [{ body: { id: 'fraction' }, delayInSeconds: 1.5 }]);
    await host.idle();
    const [run] = (await runsOf(host, 'fraction')) ?? [];
    expect(run!.startedAt - pushedAt).toBeGreaterThanOrEqual(1500);
    expect(await pushError(host, [{ body: { id: 'far' }, delayInSeconds: 900 }])).toBeNull();
    expect(await pushError(host, [{ body: { id: 'too-far' }, delayInSeconds: 901 }])).toMatchObject({
      message: 'The delayInSeconds setting must be between 0 and 900.',
    });
  });

  it('refuses an event over 100 KB for a consumer declaring timeoutSeconds over 55, and takes 150 KB for one that does not', async () => {
    host = await startHost();
    const big = (bytes: number) => ({ body: { id: 'big', pad: 'x'.repeat(bytes) }, delayInSeconds: 900 });
    // `work` declares timeoutSeconds: 60, `short` timeoutSeconds: 1.
    expect(await pushError(host, [big(101 * 1024)])).toMatchObject({
      message: 'Event 0 exceeds 100 KB, the limit for a consumer whose timeoutSeconds is over 55',
    });
    expect(await pushError(host, [big(150 * 1024)], 'short')).toBeNull();
    expect(host.queueStore.list().map((e) => e.queue)).toEqual(['short']);
  });

  it('answers the 501st event of a minute with RateLimitError, unless the limit is switched off', async () => {
    host = await startHost();
    for (let i = 0; i < 10; i++) expect(await pushError(host, parked(50))).toBeNull();
    expect(await pushError(host, parked(1))).toMatchObject({ message: 'Too many requests.' });
    await host.close();
    host = await startHost({ eventsPerMinute: false });
    for (let i = 0; i < 11; i++) expect(await pushError(host, parked(50))).toBeNull();
  });

  it('lets one invocation push 1000 times and answers the 1001st with InvocationLimitReachedError', async () => {
    host = await startHost({ eventsPerMinute: false });
    const answer = await host.triggers.web('push-many', {
      method: 'POST',
      path: '/',
      userPath: '',
      headers: {},
      queryParameters: {},
      body: JSON.stringify({ count: 1001 }),
    });
    expect(JSON.parse(answer!.body)).toEqual({ pushed: 1000, error: { name: 'Error', message: 'The limit on cyclic invocation has been reached.' } });
  });

  it('counts the pushes of the consumers an invocation caused against the same chain', async () => {
    host = await startHost({ eventsPerMinute: false });
    // 998 parked events and one hop: 999 pushes; the hop's consumer may push once more, not twice.
    const body = JSON.stringify({ count: 998, last: { body: { id: 'hop', mode: 'push', pushes: 2 } } });
    const answer = await host.triggers.web('push-many', { method: 'POST', path: '/', userPath: '', headers: {}, queryParameters: {}, body });
    expect(JSON.parse(answer!.body)).toEqual({ pushed: 999, error: null });
    let runs: unknown[] | null = null;
    for (let i = 0; i < 300 && !runs; i++) {
      await new Promise((r) => setTimeout(r, 50));
      runs = await runsOf(host, 'hop');
    }
    expect(runs).toEqual([{ pushed: 1, error: { name: 'Error', message: 'The limit on cyclic invocation has been reached.' } }]);
  });
});

describe('consumers as Forge runs them', () => {
  it('runs the events of a concurrency key out of push order when throttling says so, never more at once than the limit', async () => {
    // The later an event was pushed, the sooner it is looked at again once throttled.
    const delays = [2000, 1500, 1000, 500];
    host = await startHost({ throttleDelayMs: () => delays.shift() ?? 100 });
    const events = Array.from({ length: 5 }, (_, i) => ({ body: { id: `k${i}`, mode: 'slow', ms: 50 }, concurrency: { key: 'k', limit: 1 } }));
    await push(host, events);
    await host.idle();
    const spans = await Promise.all(events.map(async (e, i) => ({ i, ...((await runsOf(host!, e.body.id)) ?? [])[0]! })));
    const order = [...spans].sort((a, b) => a.startedAt - b.startedAt);
    expect(order.map((s) => s.i)).toEqual([0, 4, 3, 2, 1]);
    expect(order.every((s, n) => n === 0 || s.startedAt >= order[n - 1]!.endedAt)).toBe(true);
  });

  it('runs up to maxConcurrentConsumers consumers at once', async () => {
    host = await startHost({ maxConcurrentConsumers: 3 });
    const events = Array.from({ length: 9 }, (_, i) => ({ body: { id: `p${i}`, mode: 'slow', ms: 300 } }));
    await push(host, events);
    await host.idle();
    const spans = await Promise.all(events.map(async (e) => ((await runsOf(host!, e.body.id)) ?? [])[0]!));
    const overlapAt = (t: number) => spans.filter((s) => s.startedAt <= t && t < s.endedAt).length;
    expect(Math.max(...spans.map((s) => overlapAt(s.startedAt)))).toBe(3);
  });

  it('stops a consumer at its timeoutSeconds, refuses its later platform calls, and retries it with FUNCTION_TIME_OUT', async () => {
    host = await startHost({ errorBackoffMs: () => 100 });
    const pushedAt = Date.now();
    // `short` declares timeoutSeconds: 1; the first delivery sleeps 1.5 s, then tries to record.
    await push(host, [{ body: { id: 'slowpoke', mode: 'sleep-once', ms: 1500 } }], 'short');
    await host.idle();
    await new Promise((r) => setTimeout(r, Math.max(0, pushedAt + 2500 - Date.now())));
    const runs = await runsOf(host, 'slowpoke');
    expect(runs).toEqual([{ retryContext: expect.objectContaining({ retryCount: 1, retryReason: 'FUNCTION_TIME_OUT' }) as unknown }]);
    expect(host.meter.list({ functionKey: 'short-work' }).map((c) => c.outcome)).toEqual(['timeout', 'ok']);
  });
});
