import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from './test-harness';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(() => h.close());

type Employee = { surname: string; age: number };

async function snapshot(): Promise<unknown> {
  const { kvs } = h.sdk;
  return {
    plain: await kvs.query().limit(100).getMany(),
    e1: await kvs.entity('employee').get('e1'),
    e2: await kvs.entity('employee').get('e2'),
  };
}

describe('kvs.transact', () => {
  it('applies sets, deletes and checks together and bills one write', async () => {
    const { kvs, Filter, FilterConditions } = h.sdk;
    await kvs.set('gone', 'soon');
    await kvs.entity('employee').set('e1', { surname: 'Scott', age: 30 });
    await kvs
      .transact()
      .set('a', 'A', undefined, { ttl: { value: 1, unit: 'DAYS' } })
      .delete('gone')
      .set(
        'e2',
        { surname: 'Davis', age: 41 },
        { entityName: 'employee', conditions: new Filter<Employee>().and('surname', FilterConditions.notExists()) },
      )
      .check('e1', {
        entityName: 'employee',
        conditions: new Filter<Employee>().and('surname', FilterConditions.beginsWith('S')).and('age', FilterConditions.between(18, 65)),
      })
      .execute();
    expect(h.usages.at(-1)).toEqual({
      reads: 0,
      readBytes: 0,
      writes: 1,
      writeBytes: '"A"'.length + JSON.stringify({ surname: 'Davis', age: 41 }).length,
    });
    expect(await kvs.get('a')).toBe('A');
    expect(await kvs.get('gone')).toBeUndefined();
    expect(await kvs.entity('employee').get('e2')).toEqual({ surname: 'Davis', age: 41 });
  });

  it('leaves the store untouched when a condition fails', async () => {
    const { kvs, Filter, FilterConditions } = h.sdk;
    await kvs.set('keep', 1);
    await kvs.entity('employee').set('e1', { surname: 'Scott', age: 30 });
    await kvs.entity('employee').set('e2', { surname: 'Davis', age: 41 });
    const before = await snapshot();
    await expect(
      kvs
        .transact()
        .set('keep', 2)
        .set('new', 'x')
        .delete('e2', { entityName: 'employee' })
        .check('e1', {
          entityName: 'employee',
          conditions: new Filter<Employee>().or('age', FilterConditions.greaterThan(40)).or('surname', FilterConditions.equalTo('Smith')),
        })
        .execute(),
    ).rejects.toMatchObject({ code: 'CONDITIONAL_CHECK_FAILED', responseDetails: { status: 409 } });
    expect(await snapshot()).toEqual(before);
    // A check on an item that does not exist fails too.
    await expect(
      kvs
        .transact()
        .set('new', 'x')
        .check('nobody', { entityName: 'employee', conditions: new Filter<Employee>().and('age', FilterConditions.exists()) })
        .execute(),
    ).rejects.toMatchObject({ code: 'CONDITIONAL_CHECK_FAILED' });
    expect(await kvs.get('new')).toBeUndefined();
  });

  it('refuses 26 operations and a key used twice', async () => {
    const { kvs } = h.sdk;
    const tx = kvs.transact();
    for (let n = 0; n < 26; n++) tx.set(`k${n}`, n);
    await expect(tx.execute()).rejects.toMatchObject({ code: 'TRANSACTION_LIMIT_EXCEEDED', responseDetails: { status: 400 } });
    await expect(kvs.get('k0')).resolves.toBeUndefined();
    await expect(kvs.transact().set('dup', 1).delete('dup').execute()).rejects.toMatchObject({ code: 'TRANSACTION_DUPLICATE_KEYS' });
    const ok = kvs.transact();
    for (let n = 0; n < 25; n++) ok.set(`k${n}`, n);
    await ok.execute();
    expect(await kvs.get('k24')).toBe(24);
  });

  it('refuses malformed conditions with Forge filter codes', async () => {
    const result = h.service.handle('/api/v1/transaction', {
      check: [{ key: 'e1', entityName: 'employee', conditions: { and: [{ property: 'age', condition: 'BETWEEN', values: [1] }] } }],
    });
    expect(result.response.status).toBe(400);
    expect(await result.response.json()).toEqual({ code: 'INSUFFICIENT_FILTER_VALUES', message: 'The BETWEEN condition needs two values' });
  });
});
