import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from './test-harness';

let h: Harness;
beforeEach(async () => {
  h = await openHarness({ queryLagMs: 1000 });
});
afterEach(() => h.close());

/** A raw call of the service, the way __forge_fetch__ hands it over: status, JSON body (or null) and usage. */
async function call(path: string, body: unknown, through: 'handle' | 'inspect' = 'handle') {
  const { response, usage } = h.service[through](path, body);
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown), usage };
}
const none = { reads: 0, readBytes: 0, writes: 0, writeBytes: 0 };

describe('the endpoints', () => {
  it('are found with a query string or a trailing slash left on the path', async () => {
    await call('/api/v1/set', { key: 'k', value: 1 });
    const found = { status: 200, body: expect.objectContaining({ key: 'k', value: 1 }) as unknown, usage: { ...none, reads: 1, readBytes: 1 } };
    expect([await call('/api/v1/get?trace=1', { key: 'k' }), await call('/api/v1/get/', { key: 'k' })]).toEqual([found, found]);
    expect(await call('/', {})).toEqual({
      status: 501,
      body: { code: 'NOT_EMULATED', message: 'The local host does not emulate the KVS endpoint POST /' },
      usage: none,
    });
  });

  it('answer a missing key with 404 KEY_NOT_FOUND, which the SDK turns into undefined', async () => {
    expect(await call('/api/v1/get', { key: 'gone' })).toEqual({
      status: 404,
      body: { code: 'KEY_NOT_FOUND', message: 'Provided key does not exist: gone' },
      usage: { ...none, reads: 1 },
    });
  });

  it('name the field of a malformed body, or the body itself when it is not an object', async () => {
    expect([
      (await call('/api/v1/get', 'just text')).body,
      (await call('/api/v1/set', { key: 'k', value: 1, options: { keyPolicy: 'SOMETIMES' } })).body,
    ]).toEqual([
      { code: 'BAD_REQUEST', message: 'Provided request body is invalid: body: Invalid input: expected object, received string' },
      {
        code: 'BAD_REQUEST',
        message: 'Provided request body is invalid: options.keyPolicy: Invalid option: expected one of "OVERRIDE"|"FAIL_IF_EXISTS"',
      },
    ]);
  });

  it('need an entity name for an entity, and refuse a value returned under FAIL_IF_EXISTS', async () => {
    const refused = (message: string) => ({ status: 400, body: { code: 'BAD_REQUEST', message }, usage: none });
    expect([
      await call('/api/v1/entity/get', { key: 'e1' }),
      await call('/api/v1/set', { key: 'k', value: 1, options: { keyPolicy: 'FAIL_IF_EXISTS', returnValue: 'LATEST' } }),
    ]).toEqual([
      refused('Provided request body is invalid: entityName is required'),
      refused('Provided request body is invalid: returnValue requires keyPolicy OVERRIDE'),
    ]);
    expect((await call('/api/v1/get', { key: 'k' })).status).toBe(404);
  });

  it('answer 500 INTERNAL_SERVER_ERROR, costing nothing, when the store itself fails', async () => {
    await call('/api/v1/secret/set', { key: 'token', value: 's3cr3t' });
    h.db.prepare("UPDATE kvs_items SET value = 'tampered' WHERE ns = 'secret'").run();
    expect(await call('/api/v1/secret/get', { key: 'token' })).toEqual({
      status: 500,
      body: { code: 'INTERNAL_SERVER_ERROR', message: 'Local KVS failure: Unrecognised secret format in kvs_items' },
      usage: none,
    });
  });
});

describe('the platform’s own view (inspect)', () => {
  it('sees every write at once, even with a query lag, and is not rate limited', async () => {
    await call('/api/v1/set', { key: 'fresh', value: 1 });
    const query = { where: [{ property: 'key', condition: 'BEGINS_WITH', values: ['fresh'] }] };
    expect([(await call('/api/v1/query', query)).body, (await call('/api/v1/query', query, 'inspect')).body]).toEqual([
      { data: [] },
      { data: [{ key: 'fresh', value: 1 }] },
    ]);
    for (let n = 0; n < 1000; n++) h.service.handle('/api/v1/get', { key: 'fresh' });
    expect([(await call('/api/v1/get', { key: 'fresh' })).status, (await call('/api/v1/get', { key: 'fresh' }, 'inspect')).status]).toEqual([
      429, 200,
    ]);
  });

  it('answers 501 for an endpoint the host does not emulate', async () => {
    expect(await call('/api/v1/nothing', {}, 'inspect')).toEqual({
      status: 501,
      body: { code: 'NOT_EMULATED', message: 'The local host does not emulate the KVS endpoint POST /api/v1/nothing' },
      usage: none,
    });
  });
});

describe('rate limit units of a read', () => {
  it('come from what it returns, not from the size of its request', async () => {
    await call('/api/v1/set', { key: 'big', value: 'x'.repeat(229_998) }); // 230,000 bytes: 23 units a read
    for (let n = 0; n < 173; n++) {
      expect(h.service.handle('/api/v1/get', { key: 'big' }).response.status).toBe(200); // 173 × 23 = 3979 units
      h.clock.now += 10;
    }
    for (let n = 0; n < 20; n++) expect((await call('/api/v1/get', { key: `missing-${n}` })).status).toBe(404); // 3999
    // A request of over 10 KB that reads nothing costs one unit: it is admitted.
    const keys = Array.from({ length: 25 }, (_, n) => ({ key: `${'k'.repeat(490)}${n}` }));
    expect((await call('/api/v1/batch/get', keys)).status).toBe(200);
    expect((await call('/api/v1/get', { key: 'missing' })).status).toBe(429);
  });
});
