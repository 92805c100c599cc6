import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../local/host';
import { DEMO_USERS } from '../../local/services/jira';
import { callResolver, startHost, tempDir } from './support/fixture-host';

const admin = DEMO_USERS.admin.accountId;
let host: Host | undefined;
afterEach(async () => host?.close());

const rename = (h: Host, key: string, name: string) =>
  h.jira.handle({ method: 'PUT', path: `/rest/api/3/project/${key}`, body: JSON.stringify({ name }), caller: { kind: 'user', accountId: admin } });
const kvsGet = async <T>(h: Host, key: string) => (await callResolver<{ value: T | null }>(h, admin, 'kvs/get', { key })).value;

describe('product triggers, as Forge retries them', () => {
  it('retries a trigger that returns InvocationError 4 times with its retry context, and not a 5th time', async () => {
    host = await startHost();
    // The probe trigger asks for a retry after 1 s each time; `retry-text` gives a string as retryData.
    expect((await rename(host, 'DEMO', 'retry a')).status).toBe(200);
    expect((await rename(host, 'MKT', 'retry-text b')).status).toBe(200);
    await host.idle();
    const contexts = (runs: { retryContext: unknown }[] | null) => (runs ?? []).map((r) => r.retryContext);
    const reason = 'FUNCTION_UPSTREAM_RATE_LIMITED';
    expect(contexts(await kvsGet(host, 'trigger-runs:a'))).toEqual([
      null,
      ...[1, 2, 3, 4].map((retryCount) => ({ retryCount, retryReason: reason, retryData: { attempt: retryCount } })),
    ]);
    // Forge bug ECO-734: retryData that is not an object is not sent on retry.
    expect(contexts(await kvsGet(host, 'trigger-runs:b'))).toEqual([
      null,
      ...[1, 2, 3, 4].map((retryCount) => ({ retryCount, retryReason: reason })),
    ]);
    expect(host.triggerStore.list({ triggerKey: 'project-retries' }).map((d) => [d.status, d.retryCount])).toEqual([
      ['failed', 4],
      ['failed', 4],
    ]);
  });

  it('does not retry a trigger that throws', async () => {
    host = await startHost({ errorBackoffMs: () => 10 });
    await rename(host, 'DEMO', 'throw c');
    await host.idle();
    await new Promise((r) => setTimeout(r, 200));
    expect(await kvsGet(host, 'trigger-runs:c')).toEqual([{ retryContext: null }]);
    expect(host.triggerStore.list({ triggerKey: 'project-retries' }).map((d) => d.lastError)).toEqual([
      'threw (Forge does not retry it): trigger failing on purpose',
    ]);
  });

  it('delivers product events late and out of order when the delay says so', async () => {
    host = await startHost({ productEventDelayMs: ({ event }) => ((event.project as { name?: string } | undefined)?.name === 'First' ? 600 : 0) });
    await rename(host, 'DEMO', 'First');
    await rename(host, 'DEMO', 'Second');
    await host.idle();
    const seen = await kvsGet<{ project: { name: string } }[]>(host, 'project-events');
    expect(seen?.map((e) => e.project.name)).toEqual(['Second', 'First']);
  });
});

describe('the installed lifecycle event', () => {
  it('is recorded with the install: a host stopped before delivering it still has it to deliver after a restart, once', async () => {
    const dataDir = tempDir();
    host = await startHost({ dataDir, productEventDelayMs: 60_000 });
    await host.close();
    host = await startHost({ dataDir });
    expect(host.triggerStore.list({ triggerKey: 'installed' }).map((d) => d.status)).toEqual(['pending']);
    // Its due time was fixed when it was sent: a minute after the install.
    expect(host.triggerStore.list()[0]!.runAt - Date.now()).toBeGreaterThan(50_000);
    await host.close();
    host = await startHost({ dataDir });
    expect(host.triggerStore.list({ triggerKey: 'installed' })).toHaveLength(1);
  });

  it('is sent once only: a start after the app failed to handle it does not send it again', async () => {
    const dataDir = tempDir();
    host = await startHost({ dataDir, productEventDelayMs: 300 });
    // Before the (late) event arrives, make the probe's installed trigger throw.
    host.kvs.inspect('/api/v1/set', { key: 'installed-throws', value: true });
    await host.idle();
    await host.close();
    host = await startHost({ dataDir });
    await host.idle();
    expect(host.triggerStore.list({ triggerKey: 'installed' }).map((d) => [d.status, d.lastError])).toEqual([
      ['failed', 'threw (Forge does not retry it): install failing on purpose'],
    ]);
    expect(await kvsGet(host, 'installed')).toBeNull();
  });
});

describe('scheduled triggers', () => {
  it('get the request Forge documents, and are not retried when they throw', async () => {
    host = await startHost({ errorBackoffMs: () => 10 });
    await host.triggers.runScheduled('tick');
    await callResolver(host, admin, 'kvs/set', { key: 'tick-throws', value: true });
    await host.triggers.runScheduled('tick');
    await host.idle();
    await new Promise((r) => setTimeout(r, 200));
    const ticks = await kvsGet<{ request: { contextToken: string } }[]>(host, 'ticks');
    expect(ticks).toEqual([
      {
        request: { context: { cloudId: host.app.cloudId, moduleKey: 'tick' }, contextToken: expect.any(String) as unknown },
        context: { installContext: `ari:cloud:jira::site/${host.app.cloudId}` },
      },
      expect.objectContaining({ context: { installContext: `ari:cloud:jira::site/${host.app.cloudId}` } }),
    ]);
    expect(host.meter.list({ functionKey: 'on-tick' }).map((c) => c.outcome)).toEqual(['ok', 'error']);
  });
});
