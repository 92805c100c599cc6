import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../local/host';
import type { InvocationCost } from '../../local/runtime/meter';
import { DEMO_USERS } from '../../local/services/jira';
import { startSandboxServer } from '../../local/server/sandbox-server';
import type { SandboxServer } from '../../local/server/sandbox-server';
import { startHost } from './support/fixture-host';

const admin = DEMO_USERS.admin.accountId;
let host: Host | undefined;
let server: SandboxServer | undefined;
afterEach(async () => {
  await server?.close();
  await host?.close();
  server = host = undefined;
});

/** Whether every two of these invocations were running at the same moment. */
const allOverlap = (costs: InvocationCost[]) =>
  costs.every((a) => costs.every((b) => a === b || (a.startedAt < b.startedAt + b.durationMs && b.startedAt < a.startedAt + a.durationMs)));

describe('invocations with platform latency', () => {
  it('runs resolvers called over HTTP at the same time, each KVS call taking its latency', async () => {
    host = await startHost({ platformLatencyMs: { min: 150, max: 200 } });
    server = await startSandboxServer(host, { port: 0 });
    await host.idle();
    host.meter.clear();
    const call = (n: number) =>
      fetch(`${server!.url}/__sandbox/bridge`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: `sandbox_user=${admin}` },
        body: JSON.stringify({ name: 'invoke', moduleKey: 'probe-admin', payload: { functionKey: 'kvs/set', payload: { key: `c${n}`, value: n } } }),
      });
    const answers = await Promise.all([1, 2, 3].map(call));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const costs = host.meter.list({ functionKey: 'resolver' });
    expect(costs).toHaveLength(3);
    expect(allOverlap(costs)).toBe(true);
    expect(costs.every((c) => c.durationMs >= 150)).toBe(true);
  });

  it('runs web triggers requested at once at the same time', async () => {
    host = await startHost({ platformLatencyMs: { min: 150, max: 200 } });
    server = await startSandboxServer(host, { port: 0 });
    await host.idle();
    host.meter.clear();
    const answers = await Promise.all([1, 2].map(() => fetch(`${server!.url}/webtrigger/jobs`)));
    expect(await Promise.all(answers.map((a) => a.json()))).toEqual([{ ran: [] }, { ran: [] }]);
    const costs = host.meter.list({ functionKey: 'jobs-handler' });
    expect(costs).toHaveLength(2);
    expect(allOverlap(costs)).toBe(true);
  });

  it('delays egress fetches too', async () => {
    host = await startHost({ platformLatencyMs: { min: 150, max: 200 } });
    host.egress.addVirtualHost('api.allowed.test', () => Promise.resolve(new Response('hello')));
    host.meter.clear();
    await host.ui.invoke({ moduleKey: 'probe-admin', accountId: admin, extension: {} }, 'fetch', { url: 'https://api.allowed.test/' });
    const [cost] = host.meter.list({ functionKey: 'resolver' });
    expect({ fetches: cost?.fetches, slow: (cost?.durationMs ?? 0) >= 150 }).toEqual({ fetches: 1, slow: true });
  });
});
