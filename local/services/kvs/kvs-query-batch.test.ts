import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from './test-harness';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(() => h.close());

describe('kvs.query', () => {
  it('pages through a key prefix in key order with an opaque cursor', async () => {
    const { kvs, WhereConditions } = h.sdk;
    for (const n of [3, 1, 12, 7, 5]) await kvs.set(`issue:${String(n).padStart(2, '0')}`, n);
    await kvs.set('other:1', 'not matched');
    const query = () => kvs.query().where('key', WhereConditions.beginsWith('issue:')).limit(2);

    const first = await query().getMany();
    expect(first.results).toEqual([
      { key: 'issue:01', value: 1 },
      { key: 'issue:03', value: 3 },
    ]);
    expect(typeof first.nextCursor).toBe('string');
    const second = await query()
      .cursor(first.nextCursor ?? '')
      .getMany();
    expect(second.results).toEqual([
      { key: 'issue:05', value: 5 },
      { key: 'issue:07', value: 7 },
    ]);
    const third = await query()
      .cursor(second.nextCursor ?? '')
      .getMany();
    expect(third).toEqual({ results: [{ key: 'issue:12', value: 12 }] });
  });

  it('returns ten items by default, all keys without a where clause, and one with getOne', async () => {
    const { kvs } = h.sdk;
    for (let n = 0; n < 12; n++) await kvs.set(`k${String(n).padStart(2, '0')}`, n);
    const page = await kvs.query().getMany();
    expect(page.results.map((r) => r.key)).toEqual(['k00', 'k01', 'k02', 'k03', 'k04', 'k05', 'k06', 'k07', 'k08', 'k09']);
    expect(await kvs.query().getOne()).toEqual({ key: 'k00', value: 0 });
  });

  it('refuses a limit of 101 like Forge', async () => {
    await expect(h.sdk.kvs.query().limit(101).getMany()).rejects.toMatchObject({
      code: 'LIST_QUERY_LIMIT_EXCEEDED',
      responseDetails: { status: 400 },
    });
    await expect(h.sdk.kvs.query().limit(100).getMany()).resolves.toEqual({ results: [] });
  });
});

describe('batch operations', () => {
  it('sets, gets and deletes up to 25 keys, reporting each outcome', async () => {
    const { kvs } = h.sdk;
    const set = await kvs.batchSet<unknown>([
      { key: 'a', value: 1 },
      { key: 'b', value: { x: true } },
      { key: 'e1', value: { name: 'Ada' }, entityName: 'employee' },
      { key: 'bad/key', value: 2 },
    ]);
    expect(set).toEqual({
      successfulKeys: [{ key: 'a' }, { key: 'b' }, { key: 'e1', entityName: 'employee' }],
      failedKeys: [
        { key: 'bad/key', error: { code: 'INVALID_KEY', message: 'The provided key does not match the regex: /^(?!\\s+$)[a-zA-Z0-9:._\\s-#]+$/' } },
      ],
    });
    expect(h.usages.at(-1)).toEqual({ reads: 0, readBytes: 0, writes: 3, writeBytes: 1 + 10 + 14 });

    const got = await kvs.batchGet([{ key: 'a' }, { key: 'e1', entityName: 'employee' }, { key: 'zzz' }]);
    expect(got).toEqual({
      successfulKeys: [
        { key: 'a', value: 1 },
        { key: 'e1', value: { name: 'Ada' }, entityName: 'employee' },
      ],
      failedKeys: [{ key: 'zzz', error: { code: 'KEY_NOT_FOUND', message: 'Key does not exist' } }],
    });

    const deleted = await kvs.batchDelete([{ key: 'a' }, { key: 'b' }, { key: 'zzz' }]);
    expect(deleted).toEqual({
      successfulKeys: [{ key: 'a' }, { key: 'b' }],
      failedKeys: [{ key: 'zzz', error: { code: 'KEY_NOT_FOUND', message: 'Key does not exist' } }],
    });
    expect(await kvs.get('a')).toBeUndefined();
    expect(await kvs.entity('employee').get('e1')).toEqual({ name: 'Ada' });
  });

  it('refuses an empty batch, 26 keys, and the same key twice', async () => {
    const { kvs } = h.sdk;
    const items = Array.from({ length: 26 }, (_, n) => ({ key: `k${n}`, value: n }));
    await expect(kvs.batchSet(items)).rejects.toMatchObject({ code: 'BATCH_LIMIT_EXCEEDED', responseDetails: { status: 400 } });
    await expect(kvs.batchSet(items.slice(0, 25))).resolves.toMatchObject({ failedKeys: [] });
    await expect(kvs.batchGet([])).rejects.toMatchObject({ code: 'BATCH_EMPTY' });
    await expect(kvs.batchDelete([{ key: 'k1' }, { key: 'k1' }])).rejects.toMatchObject({ code: 'BATCH_DUPLICATE_KEYS' });
    expect(await kvs.get('k1')).toBe(1);
  });
});
