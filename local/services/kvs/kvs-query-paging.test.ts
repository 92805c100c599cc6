import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from './test-harness';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(() => h.close());

/** kvs.query() as @forge/kvs sends it, answered by the service: status, body and usage. */
async function query(body: Record<string, unknown>) {
  const { response, usage } = h.service.handle('/api/v1/query', body);
  return {
    status: response.status,
    body: (await response.json()) as { data?: { key: string }[]; cursor?: string; code?: string; message?: string },
    usage,
  };
}
const prefixed = (prefix: unknown) => ({ where: [{ property: 'key', condition: 'BEGINS_WITH', values: [prefix] }] });
const refusal = (code: string, message: string) => ({ code, message });

describe('kvs.query pages', () => {
  it('hold every key once, in byte order, capitals and digits first; only a page with more after it has a cursor', async () => {
    const keys = ['b', 'A1', '0a', 'a', 'Z', 'c', '_'];
    for (const key of keys) h.service.handle('/api/v1/set', { key, value: key });
    const pages: string[][] = [];
    const usages: unknown[] = [];
    let after: string | undefined;
    do {
      const page = await query({ limit: 3, ...(after === undefined ? {} : { after }) });
      pages.push((page.body.data ?? []).map((item) => item.key));
      usages.push(page.usage.reads);
      after = page.body.cursor;
    } while (after !== undefined);
    expect({ pages, usages }).toEqual({ pages: [['0a', 'A1', 'Z'], ['_', 'a', 'b'], ['c']], usages: [3, 3, 1] });
  });

  it('bill a read for a query finding nothing, and read bytes of what they return', async () => {
    h.service.handle('/api/v1/set', { key: 'n:1', value: 'héllo' });
    h.service.handle('/api/v1/set', { key: 'n:2', value: [1, 2] });
    expect([await query(prefixed('none:')), await query(prefixed('n:'))]).toEqual([
      { status: 200, body: { data: [] }, usage: { reads: 1, readBytes: 0, writes: 0, writeBytes: 0 } },
      {
        status: 200,
        body: {
          data: [
            { key: 'n:1', value: 'héllo' },
            { key: 'n:2', value: [1, 2] },
          ],
        },
        usage: { reads: 2, readBytes: 8 + 5, writes: 0, writeBytes: 0 },
      },
    ]);
  });

  it('take a number as a prefix, as text', async () => {
    for (const key of ['10', '2', '1x']) h.service.handle('/api/v1/set', { key, value: 0 });
    expect((await query(prefixed(1))).body.data?.map((item) => item.key)).toEqual(['10', '1x']);
  });

  it('carry the metadata asked for, and only that', async () => {
    h.service.handle('/api/v1/set', { key: 'm', value: 1, options: { ttl: { value: 1, unit: 'HOURS' } } });
    const created = Math.floor(h.clock.now / 1000);
    expect([
      (await query({})).body.data,
      (await query({ options: { metadataFields: ['UPDATED_AT'] } })).body.data,
      (await query({ options: { metadataFields: ['CREATED_AT', 'EXPIRE_TIME'] } })).body.data,
    ]).toEqual([
      [{ key: 'm', value: 1 }],
      [{ key: 'm', value: 1, updatedAt: created }],
      [{ key: 'm', value: 1, createdAt: created, expireTime: '2025-01-12T13:00:00Z' }],
    ]);
  });
});

describe('kvs.query refuses', () => {
  it('a limit below 1 or above 100', async () => {
    expect([(await query({ limit: 0 })).body, (await query({ limit: 101 })).body, (await query({ limit: 100 })).status]).toEqual([
      refusal('BAD_REQUEST', 'Provided request body is invalid: limit must be at least 1'),
      refusal('LIST_QUERY_LIMIT_EXCEEDED', 'Limit for list query should be at most 100'),
      200,
    ]);
  });

  it('more than one where clause, on anything but the key, with anything but BEGINS_WITH one text', async () => {
    const clause = (property: string, condition: string, values: unknown[]) => ({ property, condition, values });
    const where = async (...clauses: unknown[]) => (await query({ where: clauses })).body;
    const oneValue = refusal('INVALID_FILTER_VALUES', 'BEGINS_WITH takes exactly one string value');
    expect([
      await where(clause('key', 'BEGINS_WITH', ['a']), clause('key', 'BEGINS_WITH', ['b'])),
      await where(clause('value', 'BEGINS_WITH', ['a'])),
      await where(clause('key', 'EQUAL_TO', ['a'])),
      await where(clause('key', 'BEGINS_WITH', [])),
      await where(clause('key', 'BEGINS_WITH', ['a', 'b'])),
      await where(clause('key', 'BEGINS_WITH', [true])),
      await where(),
    ]).toEqual([
      refusal('QUERY_WHERE_INVALID', 'KVS queries should contain only a single "where" clause'),
      refusal('QUERY_WHERE_FIELD_INVALID', 'The field "value" is not supported for filters'),
      refusal('INVALID_FILTER_CONDITION', 'The condition "EQUAL_TO" is not supported for filters'),
      oneValue,
      oneValue,
      oneValue,
      { data: [] },
    ]);
  });

  it('a cursor of a query with another prefix, or one it did not issue, naming the field', async () => {
    for (const key of ['a:1', 'a:2', 'b:1']) h.service.handle('/api/v1/set', { key, value: 0 });
    const cursor = (await query({ limit: 1, ...prefixed('a:') })).body.cursor ?? '';
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    const reshaped = Buffer.from(JSON.stringify({ ...decoded, p: 5 }), 'utf8').toString('base64url');
    expect([
      (await query({ limit: 1, ...prefixed('a:'), after: cursor })).body.data,
      (await query({ limit: 1, ...prefixed('b:'), after: cursor })).body,
      (await query({ limit: 1, ...prefixed('a:'), after: 'not-a-cursor' })).body,
      (await query({ limit: 1, ...prefixed('a:'), after: reshaped })).body,
    ]).toEqual([
      [{ key: 'a:2', value: 0 }],
      refusal('BAD_REQUEST', 'Provided request body is invalid: after: the cursor belongs to a query with other parameters'),
      refusal('BAD_REQUEST', 'Provided request body is invalid: after: not a cursor returned by this store'),
      refusal('BAD_REQUEST', 'Provided request body is invalid: after: not a cursor returned by this store'),
    ]);
  });
});
