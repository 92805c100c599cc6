import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from './test-harness';

/*
 * kvs.query() is eventually consistent on Forge and kvs.get() strictly (docs/forge-platform.md, "KVS and custom
 * entities"): with queryLagMs a query answers as the store was that long ago. The harness clock is moved by hand.
 */
const LAG = 1000;
let h: Harness;
beforeEach(async () => {
  h = await openHarness({ queryLagMs: LAG });
});
afterEach(() => h.close());
const later = (ms: number) => (h.clock.now += ms);
const seconds = (ms: number) => Math.floor(ms / 1000);
const listed = async (prefix = '') => {
  const { kvs, WhereConditions } = h.sdk;
  return (await kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(100).getMany()).results;
};

describe('kvs.query with a query lag', () => {
  it('misses a new key until the lag has passed, to the millisecond, while get sees it at once', async () => {
    await h.sdk.kvs.set('job:1', 'queued');
    later(LAG - 1);
    expect(await listed('job:')).toEqual([]);
    expect(await h.sdk.kvs.get('job:1')).toEqual('queued');
    later(1);
    expect(await listed('job:')).toEqual([{ key: 'job:1', value: 'queued' }]);
  });

  it('shows a recently overwritten key with its previous value and that version’s metadata', async () => {
    const { kvs, MetadataField } = h.sdk;
    const created = h.clock.now;
    await kvs.set('job:1', 'queued');
    later(5000);
    const updated = h.clock.now;
    await kvs.set('job:1', 'done');
    later(LAG / 2);
    const query = () => kvs.query({ metadataFields: [MetadataField.CREATED_AT, MetadataField.UPDATED_AT] }).getMany();
    expect(await query()).toEqual({ results: [{ key: 'job:1', value: 'queued', createdAt: seconds(created), updatedAt: seconds(created) }] });
    later(LAG / 2);
    expect(await query()).toEqual({ results: [{ key: 'job:1', value: 'done', createdAt: seconds(created), updatedAt: seconds(updated) }] });
  });

  it('shows the value from before the lag when a key was overwritten twice within it', async () => {
    const { kvs } = h.sdk;
    await kvs.set('k', 'v0');
    later(10_000);
    await kvs.set('k', 'v1');
    later(400);
    await kvs.set('k', 'v2');
    later(500);
    expect(await listed()).toEqual([{ key: 'k', value: 'v0' }]);
    later(100);
    expect(await listed()).toEqual([{ key: 'k', value: 'v1' }]);
    later(399);
    expect(await listed()).toEqual([{ key: 'k', value: 'v1' }]);
    later(1);
    expect(await listed()).toEqual([{ key: 'k', value: 'v2' }]);
  });

  it('still lists a recently deleted key with its last value, which get no longer finds', async () => {
    const { kvs } = h.sdk;
    await kvs.set('job:1', 'done');
    later(2000);
    await kvs.delete('job:1');
    later(LAG - 1);
    expect(await listed()).toEqual([{ key: 'job:1', value: 'done' }]);
    expect(await kvs.get('job:1')).toBeUndefined();
    later(1);
    expect(await listed()).toEqual([]);
  });

  it('keeps a cursor from a lagged page working, during the lag and after it', async () => {
    const { kvs, WhereConditions } = h.sdk;
    for (const key of ['a', 'b', 'c', 'd']) await kvs.set(`k:${key}`, `${key}0`);
    later(5000);
    await kvs.delete('k:b');
    await kvs.set('k:bb', 'new');
    await kvs.set('k:c', 'c1');
    const page = (cursor?: string) => {
      const query = kvs.query().where('key', WhereConditions.beginsWith('k:')).limit(2);
      return (cursor === undefined ? query : query.cursor(cursor)).getMany();
    };
    const first = await page();
    expect(first.results).toEqual([
      { key: 'k:a', value: 'a0' },
      { key: 'k:b', value: 'b0' },
    ]);
    expect(await page(first.nextCursor)).toEqual({
      results: [
        { key: 'k:c', value: 'c0' },
        { key: 'k:d', value: 'd0' },
      ],
    });
    later(LAG);
    const second = await page(first.nextCursor);
    expect(second.results).toEqual([
      { key: 'k:bb', value: 'new' },
      { key: 'k:c', value: 'c1' },
    ]);
    expect(await page(second.nextCursor)).toEqual({ results: [{ key: 'k:d', value: 'd0' }] });
  });

  it('lags batch sets, batch deletes and transactions too, while batchGet sees the current state', async () => {
    const { kvs } = h.sdk;
    await kvs.set('gone', 'old');
    await kvs.set('kept', 'old');
    later(5000);
    await kvs.batchSet<string | number>([
      { key: 'b1', value: 1 },
      { key: 'kept', value: 'new' },
    ]);
    await kvs.batchDelete([{ key: 'gone' }]);
    await kvs.transact().set('t1', 't').delete('kept').execute();
    expect(await listed()).toEqual([
      { key: 'gone', value: 'old' },
      { key: 'kept', value: 'old' },
    ]);
    expect(await kvs.batchGet([{ key: 'b1' }, { key: 't1' }, { key: 'kept' }])).toEqual({
      successfulKeys: [
        { key: 'b1', value: 1 },
        { key: 't1', value: 't' },
      ],
      failedKeys: [{ key: 'kept', error: { code: 'KEY_NOT_FOUND', message: 'Key does not exist' } }],
    });
    later(LAG);
    expect(await listed()).toEqual([
      { key: 'b1', value: 1 },
      { key: 't1', value: 't' },
    ]);
  });

  it('judges expiry by the current clock: an expired previous version is not shown', async () => {
    const { kvs } = h.sdk;
    await kvs.set('session', 'first', { ttl: { value: 10, unit: 'SECONDS' } });
    await kvs.set('other', 'stays');
    later(9500);
    await kvs.set('session', 'second');
    later(500);
    // The overwrite is 500 ms old, so the query would show 'first', which expired just now.
    expect(await listed()).toEqual([{ key: 'other', value: 'stays' }]);
    expect(await kvs.get('session')).toEqual('second');
  });

  it('bills a lagged query by what it returned', async () => {
    const { kvs } = h.sdk;
    await kvs.set('k', 'ab');
    later(5000);
    await kvs.set('k', 'x'.repeat(500));
    await kvs.set('fresh', 'y'.repeat(500));
    h.usages.length = 0;
    expect(await listed()).toEqual([{ key: 'k', value: 'ab' }]);
    expect(h.usages).toEqual([expect.objectContaining({ reads: 1, readBytes: Buffer.byteLength('"ab"') })]);
  });

  it('answers every query at once without the option', async () => {
    const plain = await openHarness();
    try {
      await plain.sdk.kvs.set('k', 'v');
      expect((await plain.sdk.kvs.query().getMany()).results).toEqual([{ key: 'k', value: 'v' }]);
    } finally {
      plain.close();
    }
  });
});
