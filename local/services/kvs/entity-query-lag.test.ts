import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from './test-harness';

/*
 * entity().query() is eventually consistent on Forge and entity().get strictly (docs/forge-platform.md, "KVS and
 * custom entities"): with queryLagMs an index query answers as the entity was that long ago, ordered, filtered and
 * paged by the values it shows. The harness entity `employee` has the index by-age-per-gender (partition gender, range age).
 */
type Employee = { name: string; surname: string; age: number; gender: string };
const LAG = 1000;
let h: Harness;
beforeEach(async () => {
  h = await openHarness({ queryLagMs: LAG });
});
afterEach(() => h.close());
const later = (ms: number) => (h.clock.now += ms);
const employees = () => h.sdk.kvs.entity<Employee>('employee');
const hire = (key: string, name: string, age: number, gender = 'f') => employees().set(key, { name, surname: 'Smith', age, gender });
const ages = (page: { results: { key: string; value: Employee }[] }) => page.results.map((r) => [r.key, r.value.age]);
const byAge = (gender: string) =>
  employees()
    .query()
    .index('by-age-per-gender', { partition: [gender] });

describe('entity index queries with a query lag', () => {
  it('orders the index by the values it shows, while entity().get sees the current ones', async () => {
    await hire('e-a', 'Ann', 30);
    await hire('e-b', 'Bea', 40);
    await hire('e-c', 'Cat', 50);
    later(5000);
    await hire('e-a', 'Ann', 60);
    await hire('e-d', 'Dot', 35);
    await employees().delete('e-c');
    later(LAG - 1);
    expect(ages(await byAge('f').getMany())).toEqual([
      ['e-a', 30],
      ['e-b', 40],
      ['e-c', 50],
    ]);
    expect(await employees().get('e-a')).toEqual({ name: 'Ann', surname: 'Smith', age: 60, gender: 'f' });
    expect(await employees().get('e-c')).toBeUndefined();
    later(1);
    expect(ages(await byAge('f').getMany())).toEqual([
      ['e-d', 35],
      ['e-b', 40],
      ['e-a', 60],
    ]);
  });

  it('keeps a moved item in its old partition and range until the lag has passed', async () => {
    const { WhereConditions } = h.sdk;
    await hire('e-a', 'Ann', 30);
    await hire('e-b', 'Bea', 40);
    later(5000);
    await hire('e-b', 'Bea', 40, 'm');
    await hire('e-a', 'Ann', 70);
    expect(ages(await byAge('f').where(WhereConditions.lessThan(50)).getMany())).toEqual([
      ['e-a', 30],
      ['e-b', 40],
    ]);
    expect(ages(await byAge('m').getMany())).toEqual([]);
    later(LAG);
    expect(ages(await byAge('f').where(WhereConditions.lessThan(50)).getMany())).toEqual([]);
    expect(ages(await byAge('m').getMany())).toEqual([['e-b', 40]]);
  });

  it('filters the values it shows', async () => {
    const { Filter, FilterConditions } = h.sdk;
    await hire('e-a', 'Ann', 30);
    later(5000);
    await hire('e-a', 'Anna', 30);
    const named = (name: string) => byAge('f').filters(new Filter<Employee>().and('name', FilterConditions.equalTo(name)));
    expect(ages(await named('Ann').getMany())).toEqual([['e-a', 30]]);
    expect(ages(await named('Anna').getMany())).toEqual([]);
  });

  it('pages across lagged items descending, with cursors that keep working after the lag', async () => {
    const { Sort } = h.sdk;
    for (const [key, age] of [
      ['e-1', 10],
      ['e-2', 20],
      ['e-3', 30],
      ['e-4', 40],
    ] as const) {
      await hire(key, key, age);
    }
    later(5000);
    await hire('e-4', 'e-4', 5);
    await hire('e-5', 'e-5', 25);
    await employees().delete('e-2');
    const page = (cursor?: string) => {
      const query = byAge('f').sort(Sort.DESC).limit(2);
      return (cursor === undefined ? query : query.cursor(cursor)).getMany();
    };
    const first = await page();
    expect(ages(first)).toEqual([
      ['e-4', 40],
      ['e-3', 30],
    ]);
    const second = await page(first.nextCursor);
    expect(ages(second)).toEqual([
      ['e-2', 20],
      ['e-1', 10],
    ]);
    expect(second.nextCursor).toBeUndefined();
    later(LAG);
    const resumed = await page(first.nextCursor);
    expect(ages(resumed)).toEqual([
      ['e-5', 25],
      ['e-1', 10],
    ]);
    expect(ages(await page(resumed.nextCursor))).toEqual([['e-4', 5]]);
  });

  it('checks transaction conditions against the current values, not the lagged ones', async () => {
    const { Filter, FilterConditions } = h.sdk;
    await hire('e-a', 'Ann', 30);
    later(5000);
    await hire('e-a', 'Ann', 31);
    const aged = (age: number) => new Filter<Employee>().and('age', FilterConditions.equalTo(age));
    await h.sdk.kvs
      .transact()
      .check('e-a', { entityName: 'employee', conditions: aged(31) })
      .set('note', 'checked')
      .execute();
    await expect(
      h.sdk.kvs
        .transact()
        .check('e-a', { entityName: 'employee', conditions: aged(30) })
        .execute(),
    ).rejects.toMatchObject({
      responseDetails: { status: 409 },
    });
    expect(ages(await byAge('f').getMany())).toEqual([['e-a', 30]]);
  });
});
