import { afterEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from './test-harness';

let harness: Harness | undefined;
afterEach(() => harness?.close());

const tableSql = (h: Harness) =>
  (h.db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'kvs_items'`).get() as { sql: string }).sql;

/** Makes the store's table what earlier versions made: WITHOUT ROWID, with the same rows and none of its indexes. */
function toOldTable(h: Harness): void {
  h.db.exec(`ALTER TABLE kvs_items RENAME TO kvs_items_now;
    CREATE TABLE kvs_items (ns TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL, expires_at INTEGER, PRIMARY KEY (ns, key)) WITHOUT ROWID;
    INSERT INTO kvs_items SELECT ns, key, value, created_at, updated_at, expires_at FROM kvs_items_now;
    DROP TABLE kvs_items_now;`);
}

describe('a data folder from a version whose store was a WITHOUT ROWID table', () => {
  it('is copied into the rowid table on open: every item, its times and TTL, and the entity indexes work', async () => {
    harness = await openHarness();
    const { sdk } = harness;
    await sdk.kvs.set('plain', { a: 'x'.repeat(3000) });
    await sdk.kvs.set('short-lived', 1, { ttl: { value: 1, unit: 'HOURS' } });
    await sdk.kvs.entity('employee').set('e1', { name: 'Ada', surname: 'Lovelace', age: 36, gender: 'f' });
    await sdk.kvs.entity('employee').set('e2', { name: 'Grace', surname: 'Hopper', age: 85, gender: 'f' });
    const before = harness.db.prepare(`SELECT * FROM kvs_items ORDER BY ns, key`).all();
    toOldTable(harness);
    expect(tableSql(harness)).toMatch(/WITHOUT ROWID/);

    harness.reopen();
    expect(tableSql(harness)).not.toMatch(/WITHOUT ROWID/);
    expect(harness.db.prepare(`SELECT * FROM kvs_items ORDER BY ns, key`).all()).toEqual(before);
    expect(await harness.sdk.kvs.get('plain')).toEqual({ a: 'x'.repeat(3000) });
    harness.clock.now += 2 * 3600_000;
    expect(await harness.sdk.kvs.get('short-lived')).toBeUndefined();
    const page = await harness.sdk.kvs
      .entity('employee')
      .query()
      .index('by-age-per-gender', { partition: ['f'] })
      .getMany();
    expect(page.results.map((r) => r.key)).toEqual(['e1', 'e2']);
    const indexes = harness.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'kvs_items'`).all();
    expect(indexes.length).toBeGreaterThanOrEqual(3);

    harness.reopen();
    expect(await harness.sdk.kvs.entity('employee').get('e2')).toMatchObject({ name: 'Grace' });
  });
});
