import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from './test-harness';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(() => h.close());

/** Values for `count` plain keys whose request body, as the SDK sends it, is exactly `bytes` long. */
function itemsOfPayload(bytes: number, count: number, wrap: (items: { key: string; value: string }[]) => unknown) {
  const items = Array.from({ length: count }, (_, n) => ({ key: `k${String(n).padStart(2, '0')}`, value: '' }));
  const overhead = Buffer.byteLength(JSON.stringify(wrap(items)));
  const each = Math.floor((bytes - overhead) / count);
  items.forEach((item, n) => (item.value = 'x'.repeat(n === count - 1 ? bytes - overhead - each * (count - 1) : each)));
  expect(Buffer.byteLength(JSON.stringify(wrap(items)))).toBe(bytes);
  return items;
}

describe('size limits', () => {
  it('accepts a 128 KiB secret and refuses one byte more', async () => {
    const { kvs } = h.sdk;
    const fits = 'x'.repeat(128 * 1024 - 2); // the JSON quotes make it exactly 128 KiB
    await kvs.setSecret('big', fits);
    expect(await kvs.getSecret('big')).toBe(fits);
    await expect(kvs.setSecret('big', `${fits}x`)).rejects.toMatchObject({
      code: 'MAX_SIZE',
      message: 'The provided value has exceeded the maximum size limit of 131072 bytes',
      responseDetails: { status: 400 },
    });
    expect(await kvs.getSecret('big')).toBe(fits);
  });

  it('accepts a transaction of 4,000,000 bytes and refuses one byte more', async () => {
    const { kvs } = h.sdk;
    const send = (items: { key: string; value: string }[]) => {
      const tx = kvs.transact();
      for (const item of items) tx.set(item.key, item.value);
      return tx.execute();
    };
    await send(itemsOfPayload(4_000_000, 17, (set) => ({ set })));
    expect((await kvs.get<string>('k16'))?.length).toBeGreaterThan(200_000);
    await expect(send(itemsOfPayload(4_000_001, 17, (set) => ({ set })))).rejects.toMatchObject({
      code: 'TRANSACTION_LIMIT_EXCEEDED',
      message: 'The payload of 4000001 bytes exceeds the limit of 4000000 bytes (4 MB)',
      responseDetails: { status: 400 },
    });
  });

  it('accepts a batch set of 4,000,000 bytes and refuses one byte more', async () => {
    const { kvs } = h.sdk;
    const fits = itemsOfPayload(4_000_000, 17, (items) => items);
    expect((await kvs.batchSet(fits)).failedKeys).toEqual([]);
    await expect(kvs.batchSet(itemsOfPayload(4_000_001, 17, (items) => items))).rejects.toMatchObject({
      code: 'BATCH_LIMIT_EXCEEDED',
      responseDetails: { status: 400 },
    });
  });
});

describe('transaction conditions', () => {
  it('apply to custom entities only', async () => {
    const result = h.service.handle('/api/v1/transaction', {
      set: [{ key: 'plain', value: 1, conditions: { and: [{ property: 'version', condition: 'NOT_EXISTS', values: [true] }] } }],
    });
    expect(result.response.status).toBe(400);
    expect(await result.response.json()).toEqual({
      code: 'BAD_REQUEST',
      message: 'Provided request body is invalid: conditions on key "plain" apply to custom entities only',
    });
    const check = h.service.handle('/api/v1/transaction', {
      check: [{ key: 'plain', conditions: { and: [{ property: 'a', condition: 'EXISTS', values: [true] }] } }],
    });
    expect(await check.response.json()).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('name declared attributes, with values of their type', async () => {
    const { kvs, Filter, FilterConditions } = h.sdk;
    const on = (filter: Parameters<InstanceType<typeof Filter>['and']>[1], property: string) =>
      kvs
        .transact()
        .check('e1', { entityName: 'employee', conditions: new Filter<Record<string, unknown>>().and(property, filter) })
        .execute();
    await expect(on(FilterConditions.exists(), 'salary')).rejects.toMatchObject({
      code: 'INVALID_ENTITY_ATTRIBUTE',
      responseDetails: { status: 400 },
    });
    await expect(on(FilterConditions.equalTo('30'), 'age')).rejects.toMatchObject({ code: 'INVALID_FILTER_VALUES' });
    await kvs.entity('employee').set('e1', { age: 30 });
    await expect(on(FilterConditions.equalTo(30), 'age')).resolves.toBeUndefined();
  });
});
