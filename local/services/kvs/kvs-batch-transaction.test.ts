import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from './test-harness';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(() => h.close());

async function call(path: string, body: unknown) {
  const { response, usage } = h.service.handle(path, body);
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown), usage };
}
const usage = (partial: Partial<Record<'reads' | 'readBytes' | 'writes' | 'writeBytes', number>>) => ({
  reads: 0,
  readBytes: 0,
  writes: 0,
  writeBytes: 0,
  ...partial,
});
const refused = (code: string, message: string) => ({ status: 400, body: { code, message }, usage: usage({}) });
const hour = { ttl: { value: 1, unit: 'HOURS' } };

describe('batch operations', () => {
  it('set each item with its own TTL', async () => {
    await call('/api/v1/batch/set', [
      { key: 'short', value: 1, options: hour },
      { key: 'long', value: 2 },
    ]);
    h.clock.now += 3_600_000;
    expect([(await call('/api/v1/get', { key: 'short' })).status, (await call('/api/v1/get', { key: 'long' })).status]).toEqual([404, 200]);
  });

  it('bill a get for every key asked, found or not, and the bytes found; a delete for every key removed', async () => {
    await call('/api/v1/batch/set', [
      { key: 'a', value: 'héllo' },
      { key: 'b', value: [1] },
    ]);
    const got = await call('/api/v1/batch/get', [{ key: 'a', options: { metadataFields: ['CREATED_AT'] } }, { key: 'b' }, { key: 'c' }]);
    expect(got).toEqual({
      status: 200,
      body: {
        successfulKeys: [
          { key: 'a', value: 'héllo', createdAt: Math.floor(h.clock.now / 1000) },
          { key: 'b', value: [1] },
        ],
        failedKeys: [{ key: 'c', error: { code: 'KEY_NOT_FOUND', message: 'Key does not exist' } }],
      },
      usage: usage({ reads: 3, readBytes: 8 + 3 }),
    });
    expect((await call('/api/v1/batch/delete', [{ key: 'a' }, { key: 'c' }])).usage).toEqual(usage({ writes: 1 }));
  });

  it('tell the same key of the plain key space and of an entity apart', async () => {
    const answer = await call('/api/v1/batch/set', [
      { key: 'same', value: 1 },
      { key: 'same', entityName: 'employee', value: { name: 'Ada' } },
    ]);
    expect(answer.body).toEqual({ successfulKeys: [{ key: 'same' }, { key: 'same', entityName: 'employee' }], failedKeys: [] });
  });

  it('refuse an empty batch, 26 keys and the same key twice, as a whole', async () => {
    const keys = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i}` }));
    expect([
      await call('/api/v1/batch/get', []),
      await call('/api/v1/batch/delete', keys(26)),
      await call('/api/v1/batch/get', [{ key: 'k' }, { key: 'k' }]),
    ]).toEqual([
      refused('BATCH_EMPTY', 'A batch operation must contain at least one key'),
      refused('BATCH_LIMIT_EXCEEDED', 'A batch operation can contain at most 25 keys'),
      refused('BATCH_DUPLICATE_KEYS', 'A batch operation cannot name the same key (and entity) twice'),
    ]);
  });
});

describe('transactions', () => {
  const employee = (key: string, value: unknown = { name: 'Ada' }) => ({ key, entityName: 'employee', value });
  const exists = { and: [{ property: 'name', condition: 'EXISTS', values: [true] }] };

  it('count sets, deletes and checks together against the 25 operations', async () => {
    for (let i = 0; i < 6; i++) await call('/api/v1/entity/set', employee(`c${i}`));
    const body = (sets: number) => ({
      set: Array.from({ length: sets }, (_, i) => ({ key: `s${i}`, value: i })),
      delete: Array.from({ length: 10 }, (_, i) => ({ key: `d${i}` })),
      check: Array.from({ length: 6 }, (_, i) => ({ key: `c${i}`, entityName: 'employee', conditions: exists })),
    });
    expect([await call('/api/v1/transaction', body(9)), await call('/api/v1/transaction', body(10))]).toEqual([
      { status: 204, body: null, usage: usage({ writes: 1, writeBytes: 9 }) },
      refused('TRANSACTION_LIMIT_EXCEEDED', 'A transaction can contain at most 25 operations, got 26'),
    ]);
  });

  it('set each item with its own TTL', async () => {
    await call('/api/v1/transaction', {
      set: [
        { key: 'short', value: 1, options: hour },
        { key: 'long', value: 2 },
      ],
    });
    h.clock.now += 3_600_000;
    expect([(await call('/api/v1/get', { key: 'short' })).status, (await call('/api/v1/get', { key: 'long' })).status]).toEqual([404, 200]);
  });

  it('answer an empty transaction at no cost', async () => {
    expect(await call('/api/v1/transaction', {})).toEqual({ status: 204, body: null, usage: usage({}) });
  });

  it('refuse a key used twice, naming it', async () => {
    expect(await call('/api/v1/transaction', { set: [{ key: 'k', value: 1 }], delete: [{ key: 'k' }] })).toEqual(
      refused('TRANSACTION_DUPLICATE_KEYS', 'Each key can only be used once in a transaction: "k"'),
    );
  });
});
