import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Host, HostOptions } from '../../local/host';
import { DEMO_USERS } from '../../local/services/jira';
import { callResolver, FIXTURE_APP, startHost, tempDir } from './support/fixture-host';

/*
 * Forge's kvs.query() and entity().query() are eventually consistent, get strictly (docs/forge-platform.md, "KVS and
 * custom entities"). With HostOptions.queryLagMs the host's queries lag behind writes made by the app's real
 * @forge/kvs calls inside invocations, while its gets do not. A lag of a minute keeps these tests free of timing.
 */
const admin = DEMO_USERS.admin.accountId;
const MINUTE = 60_000;
let host: Host | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});
const start = async (options: Partial<HostOptions>) => (host = await startHost(options));
const query = (running: Host, prefix: string) => callResolver(running, admin, 'kvs/query', { prefix, limit: 10 });

async function deliveries(running: Host, command: Record<string, unknown>): Promise<unknown> {
  const response = (await running.invoker.invoke({
    functionKey: 'deliveries',
    moduleType: 'webtrigger',
    moduleKey: 'deliveries',
    accountId: undefined,
    args: [{ method: 'POST', body: JSON.stringify(command) }, {}],
  })) as { body: string };
  return JSON.parse(response.body);
}

describe('a host with queryLagMs', () => {
  it('answers a query right after a set without it, while a get sees it', async () => {
    const running = await start({ queryLagMs: MINUTE });
    expect(await callResolver(running, admin, 'kvs/set', { key: 'lag:1', value: 'fresh' })).toEqual({ ok: true });
    expect(await query(running, 'lag:')).toEqual({ keys: [], nextCursor: null });
    expect(await callResolver(running, admin, 'kvs/get', { key: 'lag:1' })).toEqual({ value: 'fresh' });
  });

  it('answers an entity index query right after a set without it', async () => {
    const running = await start({ appDir: path.join(FIXTURE_APP, 'entity-app'), queryLagMs: MINUTE });
    expect(await deliveries(running, { op: 'record', key: 'd1', webhookId: 'w1', at: 1_736_000_000_000, status: 200 })).toEqual({ result: null });
    expect(await deliveries(running, { op: 'page', webhookId: 'w1', limit: 10 })).toEqual({ result: { keys: [], nextCursor: null } });
  });

  it('lets a query see a write once the lag has passed, and not sooner', async () => {
    const lag = 300;
    const running = await start({ queryLagMs: lag });
    const before = Date.now();
    await callResolver(running, admin, 'kvs/set', { key: 'soon:1', value: 1 });
    let seen: unknown;
    // Generous on a loaded machine: the only bound on time asserted is the lower one, which load cannot break.
    for (const until = Date.now() + 10_000; Date.now() < until; await new Promise((resolve) => setTimeout(resolve, 50))) {
      seen = await query(running, 'soon:');
      if ((seen as { keys: string[] }).keys.length > 0) break;
    }
    expect(seen).toEqual({ keys: ['soon:1'], nextCursor: null });
    expect(Date.now() - before).toBeGreaterThanOrEqual(lag);
  });

  it('answers queries from the current state without the option', async () => {
    const running = await start({});
    await callResolver(running, admin, 'kvs/set', { key: 'now:1', value: 1 });
    expect(await query(running, 'now:')).toEqual({ keys: ['now:1'], nextCursor: null });
  });

  it('refuses a lag that cannot be meant, naming the option', async () => {
    await expect(startHost({ dataDir: tempDir(), queryLagMs: -1 })).rejects.toThrow('queryLagMs: must be a number ≥ 0 (got -1)');
    await expect(startHost({ dataDir: tempDir(), queryLagMs: { min: 0, max: 2 * MINUTE } })).rejects.toThrow(
      'queryLagMs.max: must be at most 60000 ms (got 120000)',
    );
  });
});
