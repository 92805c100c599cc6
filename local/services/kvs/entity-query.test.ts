import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from './test-harness';

type Delivery = { webhookId: string; at: number; status: number; outcome: string };
/** The webhook delivery log: partition = webhook id, range = time (epoch ms: a float, as 32-bit integers cannot hold it). */
const ENTITIES = [
  {
    name: 'delivery-log',
    attributes: { webhookId: { type: 'string' }, at: { type: 'float' }, status: { type: 'integer' }, outcome: { type: 'string' } },
    indexes: [{ name: 'by-webhook', partition: ['webhookId'], range: ['at'] }, 'status'],
  },
];
let h: Harness;
beforeEach(async () => {
  h = await openHarness({ entities: ENTITIES });
});
afterEach(() => h.close());
const log = () => h.sdk.kvs.entity<Delivery>('delivery-log');
const keys = (page: { results: { key: string }[] }) => page.results.map((r) => r.key);
const deliver = (key: string, webhookId: string, at: number, status = 200, outcome = 'delivered') =>
  log().set(key, { webhookId, at, status, outcome });

describe('custom entity index queries', () => {
  it('pages one webhook’s deliveries newest first with a cursor, ties broken by key', async () => {
    const { Sort } = h.sdk;
    await deliver('d-a', 'w1', 1_736_000_000_100);
    await deliver('d-b', 'w1', 1_736_000_000_300);
    await deliver('d-c', 'w2', 1_736_000_000_400);
    await deliver('d-d', 'w1', 1_736_000_000_200);
    await deliver('d-e', 'w1', 1_736_000_000_300);
    const page = (cursor?: string) => {
      const query = log()
        .query()
        .index('by-webhook', { partition: ['w1'] })
        .sort(Sort.DESC)
        .limit(2);
      return (cursor === undefined ? query : query.cursor(cursor)).getMany();
    };
    const first = await page();
    expect(keys(first)).toEqual(['d-e', 'd-b']);
    expect(first.results[0]).toEqual({ key: 'd-e', value: { webhookId: 'w1', at: 1_736_000_000_300, status: 200, outcome: 'delivered' } });
    // A delivery recorded between two page reads is newer than the cursor: later pages carry on where they were.
    await deliver('d-f', 'w1', 1_736_000_000_900);
    const second = await page(first.nextCursor);
    expect(second).toEqual({ results: [expect.objectContaining({ key: 'd-d' }), expect.objectContaining({ key: 'd-a' })] });
    expect(second.nextCursor).toBeUndefined();
    expect(keys(await page())).toEqual(['d-f', 'd-e']);
  });

  it('sorts ascending by default and leaves out items without the index attributes', async () => {
    await deliver('d1', 'w1', 30);
    await deliver('d2', 'w1', 10);
    await log().set('no-time', { webhookId: 'w1', status: 500 } as Delivery);
    expect(
      keys(
        await log()
          .query()
          .index('by-webhook', { partition: ['w1'] })
          .getMany(),
      ),
    ).toEqual(['d2', 'd1']);
    expect(keys(await log().query().index('by-key').getMany())).toEqual(['d1', 'd2', 'no-time']);
  });

  it('returns 10 results by default and at most 100', async () => {
    await h.sdk.kvs.batchSet(
      Array.from({ length: 25 }, (_, n) => ({ key: `d${String(n).padStart(3, '0')}`, value: { webhookId: 'w', at: n }, entityName: 'delivery-log' })),
    );
    const page = await log()
      .query()
      .index('by-webhook', { partition: ['w'] })
      .getMany();
    expect(keys(page)).toEqual(['d000', 'd001', 'd002', 'd003', 'd004', 'd005', 'd006', 'd007', 'd008', 'd009']);
    expect(page.nextCursor).toEqual(expect.any(String));
    expect(
      (
        await log()
          .query()
          .index('by-webhook', { partition: ['w'] })
          .limit(25)
          .getMany()
      ).nextCursor,
    ).toBeUndefined();
  });

  it.each([
    ['between', 20, 40, ['t20', 't30', 't40']],
    ['greaterThan', 30, undefined, ['t40', 't50']],
    ['greaterThanEqualTo', 30, undefined, ['t30', 't40', 't50']],
    ['lessThan', 30, undefined, ['t10', 't20']],
    ['lessThanEqualTo', 30, undefined, ['t10', 't20', 't30']],
    ['equalTo', 30, undefined, ['t30']],
  ] as const)('applies %s to the range attribute at its boundaries', async (condition, first, second, expected) => {
    const { WhereConditions } = h.sdk;
    for (const at of [10, 20, 30, 40, 50]) await deliver(`t${at}`, 'w1', at);
    await deliver('other', 'w2', 30);
    const where = condition === 'between' ? WhereConditions.between(first, second ?? 0) : WhereConditions[condition](first);
    expect(
      keys(
        await log()
          .query()
          .index('by-webhook', { partition: ['w1'] })
          .where(where)
          .getMany(),
      ),
    ).toEqual(expected);
  });

  it('applies beginsWith to a string range, here the key of the by-key index', async () => {
    const { WhereConditions, Sort } = h.sdk;
    for (const key of ['hook:1', 'hook:2', 'hook', 'hooks', 'other']) await deliver(key, 'w', 1);
    const query = log().query().index('by-key').where(WhereConditions.beginsWith('hook:'));
    expect(keys(await query.getMany())).toEqual(['hook:1', 'hook:2']);
    expect(keys(await query.sort(Sort.DESC).getMany())).toEqual(['hook:2', 'hook:1']);
  });

  it('filters the page it read: a page may come back short, even empty, with a cursor to the next', async () => {
    const { Filter, FilterConditions } = h.sdk;
    await deliver('d1', 'w1', 1, 200);
    await deliver('d2', 'w1', 2, 500);
    await deliver('d3', 'w1', 3, 200);
    await deliver('d4', 'w1', 4, 503);
    const failed = new Filter<Delivery>()
      .and('status', FilterConditions.greaterThanEqualTo(500))
      .and('outcome', FilterConditions.equalTo('delivered'));
    const query = () =>
      log()
        .query()
        .index('by-webhook', { partition: ['w1'] })
        .filters(failed)
        .limit(1);
    const first = await query().getMany();
    expect(first.results).toEqual([]);
    const second = await query()
      .cursor(first.nextCursor ?? '')
      .getMany();
    expect(keys(second)).toEqual(['d2']);
    const anyOf = new Filter<Delivery>().or('status', FilterConditions.equalTo(503)).or('at', FilterConditions.lessThan(2));
    expect(
      keys(
        await log()
          .query()
          .index('by-webhook', { partition: ['w1'] })
          .filters(anyOf)
          .getMany(),
      ),
    ).toEqual(['d1', 'd4']);
  });

  it('uses a simple index (range = the attribute) and returns requested metadata', async () => {
    const { MetadataField, WhereConditions } = h.sdk;
    await log().set('slow', { webhookId: 'w', at: 1, status: 504, outcome: 'timeout' }, { ttl: { value: 1, unit: 'HOURS' } });
    await deliver('fine', 'w', 2, 200);
    const page = await log()
      .query({ metadataFields: [MetadataField.EXPIRE_TIME] })
      .index('status')
      .where(WhereConditions.greaterThan(500))
      .getMany();
    expect(page).toEqual({
      results: [{ key: 'slow', value: { webhookId: 'w', at: 1, status: 504, outcome: 'timeout' }, expireTime: '2025-01-12T13:00:00Z' }],
    });
    h.clock.now += 3_600_000;
    expect(await log().query().index('status').getMany()).toEqual({
      results: [{ key: 'fine', value: { webhookId: 'w', at: 2, status: 200, outcome: 'delivered' } }],
    });
  });

  it('bills the page it read, filtered out or not', async () => {
    await deliver('d1', 'w1', 1);
    await deliver('d2', 'w1', 2);
    const { Filter, FilterConditions } = h.sdk;
    await log()
      .query()
      .index('by-webhook', { partition: ['w1'] })
      .filters(new Filter<Delivery>().and('status', FilterConditions.equalTo(999)))
      .getMany();
    const stored = JSON.stringify({ webhookId: 'w1', at: 1, status: 200, outcome: 'delivered' }).length;
    expect(h.usages.at(-1)).toEqual({ reads: 2, readBytes: stored * 2, writes: 0, writeBytes: 0 });
    await log()
      .query()
      .index('by-webhook', { partition: ['nobody'] })
      .getMany();
    expect(h.usages.at(-1)).toEqual({ reads: 1, readBytes: 0, writes: 0, writeBytes: 0 });
  });
});
