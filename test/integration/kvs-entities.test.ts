import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Host, HostOptions } from '../../local/host';
import { FIXTURE_APP, startHost } from './support/fixture-host';

/*
 * Custom entities through the whole host: manifest.yml's app.storage.entities reach the KVS service, and an app's
 * real @forge/kvs calls, made inside an invocation, get Forge's answers. The app is a webhook delivery log
 * (test/fixtures/host-app/entity-app): partition = webhook id, range = time, newest first, paged with a cursor.
 */
const ENTITY_APP = path.join(FIXTURE_APP, 'entity-app');
let host: Host | undefined;
afterEach(async () => host?.close());

async function start(options: Partial<HostOptions> = {}): Promise<Host> {
  host = await startHost({ appDir: ENTITY_APP, ...options });
  return host;
}

async function send(running: Host, command: Record<string, unknown>): Promise<Record<string, unknown>> {
  const response = (await running.invoker.invoke({
    functionKey: 'deliveries',
    moduleType: 'webtrigger',
    moduleKey: 'deliveries',
    accountId: undefined,
    args: [{ method: 'POST', body: JSON.stringify(command) }, {}],
  })) as { body: string };
  return JSON.parse(response.body) as Record<string, unknown>;
}

describe('custom entities declared in manifest.yml', () => {
  it('page one webhook’s delivery log newest first, with a cursor', async () => {
    const running = await start();
    const deliveries: [string, string, number][] = [
      ['d1', 'w1', 1_736_000_000_100.5],
      ['d2', 'w2', 1_736_000_000_200],
      ['d3', 'w1', 1_736_000_000_300],
      ['d4', 'w1', 1_736_000_000_300],
      ['d5', 'w1', 1_736_000_000_400],
    ];
    for (const [key, webhookId, at] of deliveries) {
      expect(await send(running, { op: 'record', key, webhookId, at, status: 200 })).toEqual({ result: null });
    }
    const first = (await send(running, { op: 'page', webhookId: 'w1', limit: 3 })) as { result: { keys: string[]; nextCursor: string } };
    expect(first.result.keys).toEqual(['d5', 'd4', 'd3']);
    const second = await send(running, { op: 'page', webhookId: 'w1', limit: 3, cursor: first.result.nextCursor });
    expect(second).toEqual({ result: { keys: ['d1'], nextCursor: null } });
  });

  it('refuse entities the manifest does not declare, and values of the wrong type', async () => {
    const running = await start();
    expect(await send(running, { op: 'set', entity: 'delivery-log', key: 'k', value: { webhookId: 'w' } })).toEqual({
      error: { code: 'INVALID_ENTITY_TYPE', status: 400 },
    });
    expect(await send(running, { op: 'set', entity: 'delivery_log', key: 'k', value: { webhookId: 'w', status: 2 ** 31 } })).toEqual({
      error: { code: 'INVALID_ENTITY_VALUE', status: 400 },
    });
  });
});

describe('host options for the KVS', () => {
  it('conditionFailure sets the status and code of FAIL_IF_EXISTS on an existing key', async () => {
    const running = await start({ conditionFailure: { status: 412, code: 'PRECONDITION_FAILED' } });
    const set = { op: 'set', entity: 'delivery_log', key: 'once', value: { webhookId: 'w' }, keyPolicy: 'FAIL_IF_EXISTS' };
    expect(await send(running, set)).toEqual({ result: null });
    expect(await send(running, set)).toEqual({ error: { code: 'PRECONDITION_FAILED', status: 412 } });
  });

  it('rate limits are on by default (4000 read units a minute) and kvsRateLimits: false turns them off', async () => {
    // 200,000 bytes are 20 units a read: 200 reads use the minute's 4000 units (in a few ms each, well inside the minute).
    const readMany = { op: 'read-many', key: 'big', bytes: 200_000, times: 210 };
    expect(await send(await start(), readMany)).toEqual({ result: { reads: 200, error: { code: 'RATE_LIMIT_EXCEEDED', status: 429 } } });
    await host?.close();
    expect(await send(await start({ kvsRateLimits: false }), readMany)).toEqual({ result: { reads: 210 } });
  });
});
