import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../local/host';
import { DEMO_USERS } from '../../local/services/jira';
import { callResolver, startHost, tempDir } from './support/fixture-host';

const admin = DEMO_USERS.admin.accountId;
const member = DEMO_USERS.member.accountId;
let host: Host | undefined;
afterEach(async () => host?.close());

describe('@forge/kvs through the local host', () => {
  it('round-trips values and pages a prefix query with a cursor', async () => {
    host = await startHost();
    for (const n of [1, 2, 3]) await callResolver(host, admin, 'kvs/set', { key: `item:${n}`, value: { n, tags: ['a'] } });
    expect(await callResolver(host, admin, 'kvs/get', { key: 'item:2' })).toEqual({ value: { n: 2, tags: ['a'] } });
    const first = await callResolver<{ keys: string[]; nextCursor: string }>(host, admin, 'kvs/query', { prefix: 'item:', limit: 2 });
    expect(first.keys).toEqual(['item:1', 'item:2']);
    expect(first.nextCursor).toEqual(expect.any(String));
  });

  it('refuses values over 240 KiB and invalid keys with Forge errors, and stores nothing', async () => {
    host = await startHost();
    const big = await callResolver(host, admin, 'kvs/set', { key: 'big', value: 'x'.repeat(240 * 1024 + 1) });
    const badKey = await callResolver(host, admin, 'kvs/set', { key: 'no/slashes', value: 1 });
    const longKey = await callResolver(host, admin, 'kvs/set', { key: 'k'.repeat(501), value: 1 });
    expect(big).toMatchObject({ error: { code: 'MAX_SIZE', message: expect.stringContaining('245760 bytes') as unknown } });
    expect(badKey).toMatchObject({ error: { code: 'INVALID_KEY' } });
    expect(longKey).toMatchObject({ error: { code: 'KEY_TOO_LONG' } });
    expect(await callResolver(host, admin, 'kvs/get', { key: 'big' })).toEqual({ value: null });
  });

  it('keeps data across a restart on the same data folder', async () => {
    const dataDir = tempDir();
    host = await startHost({ dataDir });
    await callResolver(host, admin, 'kvs/set', { key: 'kept', value: 'yes' });
    await host.close();
    host = await startHost({ dataDir });
    expect(await callResolver(host, admin, 'kvs/get', { key: 'kept' })).toEqual({ value: 'yes' });
  });

  it('meters each invocation: KVS operations and bytes', async () => {
    host = await startHost();
    host.meter.clear();
    await callResolver(host, admin, 'kvs/set', { key: 'metered', value: 'abcd' });
    const [cost] = host.meter.list({ functionKey: 'resolver' });
    expect(cost).toMatchObject({ moduleType: 'jira:adminPage', kvsWrites: 1, kvsWriteBytes: 6, kvsReads: 0, outcome: 'ok' });
  });
});

describe('invocations through the local host', () => {
  it("gives a resolver the caller's accountId, and asUser calls Jira as that user", async () => {
    host = await startHost();
    expect(await callResolver(host, member, 'whoami')).toEqual({ accountId: member, moduleKey: 'probe-admin' });
    expect(await callResolver(host, admin, 'jira/myself')).toMatchObject({ status: 200, body: { accountId: admin } });
  });

  it('sends the installed lifecycle event on the first start only, with the payload Forge documents', async () => {
    const dataDir = tempDir();
    host = await startHost({ dataDir });
    await host.idle();
    expect(await callResolver(host, admin, 'kvs/get', { key: 'installed' })).toEqual({
      value: {
        id: host.app.installationId,
        installerAccountId: admin,
        app: { id: host.app.appId, version: host.app.appVersion },
        environment: { id: host.app.environmentId },
      },
    });
    await callResolver(host, admin, 'kvs/set', { key: 'installed', value: 'seen' });
    await host.close();
    host = await startHost({ dataDir });
    await host.idle();
    expect(await callResolver(host, admin, 'kvs/get', { key: 'installed' })).toEqual({ value: 'seen' });
  });

  it('emits avi:jira:updated:project when a project is renamed in the Jira fake', async () => {
    host = await startHost();
    const response = await host.jira.handle({
      method: 'PUT',
      path: '/rest/api/3/project/DEMO',
      body: JSON.stringify({ name: 'Renamed demo' }),
      caller: { kind: 'user', accountId: admin },
    });
    expect(response.status).toBe(200);
    await host.idle();
    const { value } = await callResolver<{ value: Record<string, unknown>[] }>(host, admin, 'kvs/get', { key: 'project-events' });
    expect(value).toHaveLength(1);
    expect(value[0]).toMatchObject({ eventType: 'avi:jira:updated:project', project: { key: 'DEMO', name: 'Renamed demo' } });
  });
});

describe('what the host does not emulate', () => {
  it('answers 501 naming the request, never a silent success', async () => {
    host = await startHost();
    const answer = await callResolver<{ status: number; body: string }>(host, admin, 'jira/get', { path: '/rest/api/3/issue/DEMO-1' });
    expect(answer.status).toBe(501);
    expect(answer.body).toContain('/rest/api/3/issue/DEMO-1');
  });
});

describe('web triggers through the local host', () => {
  it("passes Forge's request shape and returns the handler's status, headers and body", async () => {
    host = await startHost();
    const { startSandboxServer } = await import('../../local/server/sandbox-server');
    const server = await startSandboxServer(host, { port: 0 });
    try {
      const response = await fetch(`${server.url}/webtrigger/echo/extra?x=1&x=2,3`, { method: 'POST', headers: { 'X-One': 'a' }, body: 'hello' });
      expect(response.status).toBe(201);
      expect(response.headers.get('x-probe')).toBe('echo');
      // No urlFormat in the manifest: Forge's v1 URLs, /x1/<id>.
      const forgePath = new URL(server.webTriggerUrl('echo')!).pathname;
      expect(forgePath).toMatch(/^\/x1\/[0-9A-Za-z]{25}$/);
      expect(await response.json()).toMatchObject({
        method: 'POST',
        path: `${forgePath}/extra`,
        userPath: '/extra',
        headers: { 'X-One': ['a'] },
        queryParameters: { x: ['1', '2', '3'] },
        body: 'hello',
      });
    } finally {
      await server.close();
    }
  });
});

describe('egress through the local host', () => {
  it('lets a declared domain through and refuses others the way the proxy does', async () => {
    host = await startHost();
    host.egress.addVirtualHost('api.allowed.test', () => Promise.resolve(new Response('hello', { status: 200 })));
    expect(await callResolver(host, admin, 'fetch', { url: 'https://api.allowed.test/ping' })).toEqual({
      status: 200,
      proxyError: null,
      body: 'hello',
    });
    expect(await callResolver(host, admin, 'fetch', { url: 'https://evil.example.com/' })).toMatchObject({
      status: 403,
      proxyError: 'EGRESS_NOT_ALLOWED',
    });
    expect(await callResolver(host, admin, 'fetch', { url: 'http://api.allowed.test/' })).toMatchObject({
      status: 400,
      proxyError: 'EGRESS_NOT_ALLOWED',
    });
  });

  it('checks every redirect it follows: a hop to a host not allowed is refused; fetches are metered', async () => {
    host = await startHost();
    host.egress.addVirtualHost('api.allowed.test', (request) =>
      Promise.resolve(
        new URL(request.url).pathname === '/inside'
          ? new Response('arrived', { status: 200 })
          : new Response(null, {
              status: 302,
              headers: {
                location:
                  { '/out': 'https://evil.example.com/x', '/creds': 'https://user:pw@api.allowed.test/inside' }[new URL(request.url).pathname] ??
                  '/inside',
              },
            }),
      ),
    );
    host.meter.clear();
    expect(await callResolver(host, admin, 'fetch', { url: 'https://api.allowed.test/hop' })).toEqual({
      status: 200,
      proxyError: null,
      body: 'arrived',
    });
    expect(host.meter.list({ functionKey: 'resolver' })[0]).toMatchObject({ fetches: 2 });
    expect(await callResolver(host, admin, 'fetch', { url: 'https://api.allowed.test/out' })).toMatchObject({
      status: 403,
      proxyError: 'EGRESS_NOT_ALLOWED',
    });
    // A redirect to a URL with credentials fails as Node's fetch fails it.
    await expect(callResolver(host, admin, 'fetch', { url: 'https://api.allowed.test/creds' })).rejects.toThrow(/credentials/);
  });

  it('admits a domain once an admin approved it (customer-managed egress)', async () => {
    host = await startHost();
    host.egress.addVirtualHost('hooks.customer.test', () => Promise.resolve(new Response('ok')));
    expect(await callResolver(host, admin, 'fetch', { url: 'https://hooks.customer.test/' })).toMatchObject({ status: 403 });
    host.ui.bridge({ moduleKey: 'probe-admin', accountId: admin, extension: {} }, '__permission__egressSet', {
      egresses: [
        { key: 'webhooks', description: 'Webhook targets', configured: [{ domain: 'https://hooks.customer.test', type: ['FETCH_BACKEND_SIDE'] }] },
      ],
    });
    expect(await callResolver(host, admin, 'fetch', { url: 'https://hooks.customer.test/' })).toEqual({ status: 200, proxyError: null, body: 'ok' });
  });
});
