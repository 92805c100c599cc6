import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from './test-harness';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(() => h.close());

async function call(path: string, body: unknown) {
  const { response } = h.service.handle(path, body);
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}
const refused = (code: string, message: string) => ({ status: 400, body: { code, message } });

describe('entity names', () => {
  it('are refused when too short, too long or off the pattern, with the message of each code', async () => {
    const get = (entityName: string) => call('/api/v1/entity/get', { entityName, key: 'k' });
    expect([await get('ab'), await get('e'.repeat(61)), await get('_employee')]).toEqual([
      refused('ENTITY_TYPE_TOO_SHORT', 'The entity name needs to be at least 3 characters'),
      refused('ENTITY_TYPE_TOO_LARGE', 'The entity name has exceeded the maximum 60 characters'),
      refused('INVALID_ENTITY_TYPE', 'The entity name "_employee" does not match the allowed pattern'),
    ]);
  });
});

describe('entity values', () => {
  it('are objects: a number, a boolean or an array is refused', async () => {
    const set = (value: unknown) => call('/api/v1/entity/set', { entityName: 'employee', key: 'e1', value });
    const notAnObject = refused('INVALID_ENTITY_VALUE', 'Custom entity values must be objects of the attributes declared for "employee"');
    expect([await set(5), await set(true), await set(['Ada'])]).toEqual([notAnObject, notAnObject, notAnObject]);
    expect((await call('/api/v1/entity/get', { entityName: 'employee', key: 'e1' })).status).toBe(404);
  });
});

describe('secrets', () => {
  it('are sealed for their own key: a sealed value copied onto another key does not open there', async () => {
    await call('/api/v1/secret/set', { key: 'mine', value: 'token-a' });
    await call('/api/v1/secret/set', { key: 'theirs', value: 'token-b' });
    h.db
      .prepare(
        "UPDATE kvs_items SET value = (SELECT value FROM kvs_items WHERE ns = 'secret' AND key = 'mine') WHERE ns = 'secret' AND key = 'theirs'",
      )
      .run();
    expect([(await call('/api/v1/secret/get', { key: 'mine' })).body, (await call('/api/v1/secret/get', { key: 'theirs' })).status]).toEqual([
      expect.objectContaining({ key: 'mine', value: 'token-a' }),
      500,
    ]);
  });
});
