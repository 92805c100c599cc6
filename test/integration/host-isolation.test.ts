import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../local/host';
import { DEMO_USERS } from '../../local/services/jira';
import { startSandboxServer } from '../../local/server/sandbox-server';
import type { SandboxServer } from '../../local/server/sandbox-server';
import { readKvs } from './support/app-host';
import { callResolver, startHost, tempDir } from './support/fixture-host';

const admin = DEMO_USERS.admin.accountId;
const hosts: Host[] = [];
let server: SandboxServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const host of hosts.splice(0)) await host.close();
});
const started = async (...args: Parameters<typeof startHost>) => {
  const host = await startHost(...args);
  hosts.push(host);
  return host;
};

describe('hosts side by side', () => {
  it('two hosts in one process keep their own data: each invocation talks to its own platform', async () => {
    const [a, b] = [await started(), await started()];
    await callResolver(a, admin, 'kvs/set', { key: 'mine', value: 'A' });
    expect(await callResolver(a, admin, 'kvs/get', { key: 'mine' })).toEqual({ value: 'A' });
    expect(await callResolver(b, admin, 'kvs/get', { key: 'mine' })).toEqual({ value: null });
  });

  it('refuses a second host on a data folder in use, and takes it over once the first stopped', async () => {
    const dataDir = tempDir();
    const first = await started({ dataDir });
    await expect(startHost({ dataDir })).rejects.toThrow(/Another sandbox host \(pid \d+\) is using/);
    await first.close();
    hosts.splice(0);
    await expect(started({ dataDir })).resolves.toBeDefined();
  });
});

describe('the queue scheduler', () => {
  it('does not let events waiting on a full concurrency key hold up other events', async () => {
    const host = await started();
    // More waiting events than one look at the queue reads: the free event must still start at once.
    const lane = Array.from({ length: 250 }, (_, i) => ({
      body: { id: `lane-${i}`, mode: 'slow', ms: 5 },
      concurrency: { key: 'one-lane', limit: 1 },
    }));
    for (let i = 0; i < lane.length; i += 50) await callResolver(host, admin, 'queue/push', { events: lane.slice(i, i + 50) });
    await callResolver(host, admin, 'queue/push', { events: [{ body: { id: 'free' } }] });
    await host.idle();
    const { value } = await callResolver<{ value: { startedAt: number }[] }>(host, admin, 'kvs/get', { key: 'ran:free' });
    const freeStart = value[0]?.startedAt ?? NaN;
    // A key's events run in no set order (as on Forge), so count how many lane events started before the free one:
    // held in line behind the lane it would be all 250.
    const laneStarts = (await readKvs(host, 'ran:lane-')).map((entry) => (entry.value as { startedAt: number }[])[0]?.startedAt ?? NaN);
    expect(laneStarts).toHaveLength(250);
    expect(laneStarts.filter((t) => t < freeStart).length).toBeLessThan(50);
  });
});

describe('the sandbox server refuses what a browser on another site could send', () => {
  const post = (path: string, init: RequestInit) => fetch(`${server!.url}${path}`, { method: 'POST', redirect: 'manual', ...init });
  const bridgeBody = JSON.stringify({ name: 'invoke', moduleKey: 'probe-admin', payload: { functionKey: 'whoami', payload: {} } });

  it('bridge calls need JSON, a chosen user, and no foreign Origin', async () => {
    const host = await started();
    server = await startSandboxServer(host, { port: 0 });
    const cookie = `sandbox_user=${admin}`;
    expect((await post('/__sandbox/bridge', { headers: { 'content-type': 'application/json', cookie }, body: bridgeBody })).status).toBe(200);
    expect((await post('/__sandbox/bridge', { headers: { 'content-type': 'application/json' }, body: bridgeBody })).status).toBe(403);
    expect((await post('/__sandbox/bridge', { headers: { 'content-type': 'text/plain', cookie }, body: bridgeBody })).status).toBe(415);
    expect(
      (await post('/__sandbox/bridge', { headers: { 'content-type': 'application/json', cookie, origin: 'https://evil.example' }, body: bridgeBody }))
        .status,
    ).toBe(403);
  });

  it('the user switcher only goes back to a path of the sandbox', async () => {
    const host = await started();
    server = await startSandboxServer(host, { port: 0 });
    const form = (back: string) => ({
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ accountId: admin, back }).toString(),
    });
    expect((await post('/__sandbox/user', form('/project/DEMO?x=1'))).headers.get('location')).toBe('/project/DEMO?x=1');
    expect((await post('/__sandbox/user', form('/\\evil.example'))).headers.get('location')).toBe('/');
    expect((await post('/__sandbox/user', form('https://evil.example/'))).headers.get('location')).toBe('/');
  });

  it('only a Jira admin may approve egress domains, and only with a description and real domains', async () => {
    const host = await started();
    const as = (accountId: string) => ({ moduleKey: 'probe-admin', accountId, extension: {} });
    const group = (configured: unknown[], description = 'Webhooks') => ({ egresses: [{ key: 'k', description, configured }] });
    const backend = (domain: string) => ({ domain, type: ['FETCH_BACKEND_SIDE'] });
    expect(() => host.ui.bridge(as(DEMO_USERS.member.accountId), '__permission__egressSet', group([backend('https://a.example.com')]))).toThrow(
      'Only a Jira admin',
    );
    expect(() => host.ui.bridge(as(admin), '__permission__egressSet', group([backend('https://a.example.com')], ''))).toThrow(
      'Invalid egress.set request: egresses.0.description: description is required',
    );
    expect(() => host.ui.bridge(as(admin), '__permission__egressSet', group([backend('a.example.com/x')]))).toThrow('is not a URL');
    expect(host.egress.customer.groups()).toEqual([]);
  });
});
