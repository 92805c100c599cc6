import { afterEach, describe, expect, it } from 'vitest';
import type { UndeclaredAttributes } from './entity-values';
import { openHarness, type Harness } from './test-harness';

const ENTITIES = [
  {
    name: 'delivery_log',
    attributes: { webhookId: { type: 'string' }, status: { type: 'integer' }, ok: { type: 'boolean' }, ms: { type: 'float' }, raw: { type: 'any' } },
    indexes: [
      { name: 'by-webhook', partition: ['webhookId'], range: ['status'] },
      { name: 'by-ms', range: ['ms'] },
    ],
  },
];
let h: Harness;
const open = async (undeclaredAttributes?: UndeclaredAttributes) => {
  h = await openHarness({ entities: ENTITIES, ...(undeclaredAttributes === undefined ? {} : { undeclaredAttributes }) });
  return h.sdk.kvs.entity<Record<string, unknown>>('delivery_log');
};
afterEach(() => h.close());
const invalidValue = (message: string) => ({ code: 'INVALID_ENTITY_VALUE', message, responseDetails: { status: 400 } });

describe('custom entity values', () => {
  it('stores a value of declared attributes with their types, in an entity whose name has an underscore', async () => {
    const log = await open();
    const value = { webhookId: 'w1', status: 2_147_483_647, ok: true, ms: 0.5, raw: { any: ['thing'] } };
    await log.set('d1', value);
    expect(await log.get('d1')).toEqual(value);
  });

  it('refuses an entity the manifest does not declare, on every operation', async () => {
    await open();
    const { kvs } = h.sdk;
    const undeclared = { code: 'INVALID_ENTITY_TYPE', message: 'The entity "employees" is not declared in manifest.yml (app.storage.entities)' };
    await expect(kvs.entity('employees').set('e1', { name: 'Ada' })).rejects.toMatchObject(undeclared);
    await expect(kvs.entity('employees').get('e1')).rejects.toMatchObject(undeclared);
    await expect(kvs.entity('employees').delete('e1')).rejects.toMatchObject(undeclared);
    await expect(kvs.entity('employees').query().index('by-key').getMany()).rejects.toMatchObject(undeclared);
    await expect(kvs.transact().set('e1', { name: 'Ada' }, { entityName: 'employees' }).execute()).rejects.toMatchObject(undeclared);
    expect(await kvs.batchSet([{ key: 'e1', value: { name: 'Ada' }, entityName: 'employees' }])).toEqual({
      successfulKeys: [],
      failedKeys: [{ key: 'e1', entityName: 'employees', error: { code: undeclared.code, message: undeclared.message } }],
    });
  });

  it('refuses malformed entity names with the codes of the error table', async () => {
    await open();
    const { kvs } = h.sdk;
    await expect(kvs.entity('ab').get('k')).rejects.toMatchObject({ code: 'ENTITY_TYPE_TOO_SHORT' });
    await expect(kvs.entity('e'.repeat(61)).get('k')).rejects.toMatchObject({ code: 'ENTITY_TYPE_TOO_LARGE' });
    await expect(kvs.entity('_delivery').get('k')).rejects.toMatchObject({ code: 'INVALID_ENTITY_TYPE' });
    await expect(kvs.entity('Delivery').get('k')).rejects.toMatchObject({ code: 'INVALID_ENTITY_TYPE' });
  });

  it.each([
    [
      { status: 2_147_483_648 },
      'Attribute "status" of entity "delivery_log" is declared integer and must be a 32-bit signed integer (-2147483648 to 2147483647)',
    ],
    [{ status: 1.5 }, 'Attribute "status" of entity "delivery_log" is declared integer and must be an integer'],
    [{ webhookId: 7 }, 'Attribute "webhookId" of entity "delivery_log" is declared string and must be a string'],
    [{ webhookId: ' ' }, 'Attribute "webhookId" of entity "delivery_log" is declared string and must contain at least one non-whitespace character'],
    [{ ok: 'yes' }, 'Attribute "ok" of entity "delivery_log" is declared boolean and must be true or false'],
    [
      { ms: 1e126 },
      'Attribute "ms" of entity "delivery_log" is declared float and must be 0 or have a magnitude from 1E-130 to 9.9999999999999999999999999999999999999E+125',
    ],
    [{ raw: null }, 'Attribute "raw" of entity "delivery_log" is declared any and must not be null'],
  ])('refuses %j with INVALID_ENTITY_VALUE and stores nothing', async (value, message) => {
    const log = await open();
    await expect(log.set('d1', value)).rejects.toMatchObject(invalidValue(message));
    expect(await log.get('d1')).toBeUndefined();
  });

  it('refuses values that are not objects', async () => {
    const log = await open();
    const message = 'Custom entity values must be objects of the attributes declared for "delivery_log"';
    await expect(log.set('d1', 'John Doe' as never)).rejects.toMatchObject(invalidValue(message));
    await expect(log.set('d1', [1] as never)).rejects.toMatchObject(invalidValue(message));
  });

  it('refuses an undeclared attribute by default', async () => {
    const log = await open();
    await expect(log.set('d1', { webhookId: 'w1', extra: 1 })).rejects.toMatchObject(
      invalidValue('Attribute "extra" is not declared for entity "delivery_log" in manifest.yml'),
    );
  });

  it('drops or keeps an undeclared attribute when told to', async () => {
    const dropping = await open('drop');
    await dropping.set('d1', { webhookId: 'w1', extra: 1 });
    expect(await dropping.get('d1')).toEqual({ webhookId: 'w1' });
    h.close();
    const keeping = await open('keep');
    await keeping.set('d1', { webhookId: 'w1', extra: 1 });
    expect(await keeping.get('d1')).toEqual({ webhookId: 'w1', extra: 1 });
  });

  it('holds a partition to 1700 bytes and a range value to 900', async () => {
    const log = await open();
    await log.set('p', { webhookId: 'p'.repeat(1700) });
    await expect(log.set('p', { webhookId: 'p'.repeat(1701) })).rejects.toMatchObject(
      invalidValue('The partition values of index "by-webhook" of entity "delivery_log" exceed 1700 bytes'),
    );
    h.close();
    h = await openHarness({ entities: [{ name: 'notes', attributes: { title: { type: 'string' } }, indexes: ['title'] }] });
    const notes = h.sdk.kvs.entity('notes');
    await notes.set('n', { title: 'é'.repeat(450) }); // 900 bytes of UTF-8
    await expect(notes.set('n', { title: `${'é'.repeat(450)}x` })).rejects.toMatchObject(
      invalidValue('The range value of index "title" of entity "notes" exceeds 900 bytes'),
    );
  });
});
