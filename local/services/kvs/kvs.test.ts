import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from './test-harness';

const START_SECONDS = Date.UTC(2025, 0, 12, 12, 0, 0) / 1000;

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(() => h.close());

describe('KVS get / set / delete through the real @forge/kvs SDK', () => {
  it('round-trips values of every JSON type and forgets deleted keys', async () => {
    const { kvs } = h.sdk;
    await kvs.set('project:1', { name: 'Apollo', tags: ['a', 'b'], budget: 12.5 });
    await kvs.set('flag', true);
    expect(await kvs.get('project:1')).toEqual({ name: 'Apollo', tags: ['a', 'b'], budget: 12.5 });
    expect(await kvs.get('flag')).toBe(true);
    await kvs.delete('project:1');
    expect(await kvs.get('project:1')).toBeUndefined();
    await expect(kvs.delete('project:1')).resolves.toBeUndefined();
    expect(await kvs.get('never-set')).toBeUndefined();
  });

  it('returns metadata fields, keeping createdAt across overwrites', async () => {
    const { kvs, MetadataField } = h.sdk;
    await kvs.set('k', 'v1', { ttl: { value: 2, unit: 'HOURS' } });
    h.clock.now += 90_000;
    await kvs.set('k', 'v2');
    expect(await kvs.get('k', { metadataFields: Object.values(MetadataField) })).toEqual({
      key: 'k',
      value: 'v2',
      createdAt: START_SECONDS,
      updatedAt: START_SECONDS + 90,
    });
    await kvs.set('t', 1, { ttl: { value: 1, unit: 'DAYS' } });
    expect(await kvs.get('t', { metadataFields: [MetadataField.EXPIRE_TIME] })).toEqual({ key: 't', value: 1, expireTime: '2025-01-13T12:01:30Z' });
  });

  it('refuses FAIL_IF_EXISTS on an existing key and leaves the value alone', async () => {
    const { kvs } = h.sdk;
    await kvs.set('lock', 'first', { keyPolicy: 'FAIL_IF_EXISTS' });
    await expect(kvs.set('lock', 'second', { keyPolicy: 'FAIL_IF_EXISTS' })).rejects.toMatchObject({
      code: 'KEY_ALREADY_EXISTS',
      responseDetails: { status: 409 },
    });
    expect(await kvs.get('lock')).toBe('first');
  });

  it('returns the previous or latest value on request', async () => {
    const { kvs, MetadataField } = h.sdk;
    expect(await kvs.set('n', 1, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).toBeUndefined();
    expect(await kvs.set('n', 2, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).toEqual({ key: 'n', value: 1 });
    h.clock.now += 5_000;
    expect(await kvs.set('n', 3, { keyPolicy: 'OVERRIDE', returnValue: 'LATEST', returnMetadataFields: [MetadataField.UPDATED_AT] })).toEqual({
      key: 'n',
      value: 3,
      updatedAt: START_SECONDS + 5,
    });
  });

  it('stores custom entities apart from plain keys', async () => {
    const { kvs } = h.sdk;
    await kvs.entity<{ name: string }>('employee').set('e1', { name: 'Ada' });
    expect(await kvs.entity('employee').get('e1')).toEqual({ name: 'Ada' });
    expect(await kvs.get('e1')).toBeUndefined();
    await kvs.entity('employee').delete('e1');
    expect(await kvs.entity('employee').get('e1')).toBeUndefined();
  });
});

describe('Forge limits', () => {
  it('refuses keys over 500 characters and outside the allowed characters', async () => {
    const { kvs } = h.sdk;
    await kvs.set('k'.repeat(500), 1);
    await expect(kvs.set('k'.repeat(501), 1)).rejects.toMatchObject({ code: 'KEY_TOO_LONG', responseDetails: { status: 400 } });
    await expect(kvs.set('bad/key', 1)).rejects.toMatchObject({ code: 'INVALID_KEY', responseDetails: { status: 400 } });
    await expect(kvs.set('   ', 1)).rejects.toMatchObject({ code: 'INVALID_KEY' });
    await expect(kvs.get('bad?key')).rejects.toMatchObject({ code: 'INVALID_KEY' });
    await kvs.set('ok:key_1.a-b #2', 1);
    expect(await kvs.get('ok:key_1.a-b #2')).toBe(1);
  });

  it('accepts a 240 KiB value and refuses one byte more', async () => {
    const { kvs } = h.sdk;
    const fits = 'x'.repeat(240 * 1024 - 2); // the two JSON quotes make it exactly 240 KiB
    await kvs.set('big', fits);
    expect(await kvs.get('big')).toBe(fits);
    await expect(kvs.set('big', `${fits}x`)).rejects.toMatchObject({ code: 'MAX_SIZE', responseDetails: { status: 400 } });
    expect(await kvs.get('big')).toBe(fits);
  });

  it('hides expired entries from get, query and batch get', async () => {
    const { kvs, WhereConditions } = h.sdk;
    await kvs.set('session:a', 'live', { ttl: { value: 60, unit: 'SECONDS' } });
    h.clock.now += 59_000;
    expect(await kvs.get('session:a')).toBe('live');
    h.clock.now += 1_000;
    expect(await kvs.get('session:a')).toBeUndefined();
    await kvs.set('session:b', 'short', { ttl: { value: 1, unit: 'MINUTES' } });
    h.clock.now += 60_000;
    expect(await kvs.query().where('key', WhereConditions.beginsWith('session:')).getMany()).toEqual({ results: [] });
    expect(await kvs.batchGet([{ key: 'session:b' }])).toEqual({
      successfulKeys: [],
      failedKeys: [{ key: 'session:b', error: { code: 'KEY_NOT_FOUND', message: 'Key does not exist' } }],
    });
    await expect(kvs.set('x', 1, { ttl: { value: 366, unit: 'DAYS' } })).rejects.toMatchObject({ code: 'INVALID_TTL' });
  });
});

describe('the service itself', () => {
  it('keeps data in the SQLite file across a close and reopen', async () => {
    await h.sdk.kvs.set('durable', { v: 1 });
    await h.sdk.kvs.setSecret('token', 's3cr3t');
    h.reopen();
    expect(await h.sdk.kvs.get('durable')).toEqual({ v: 1 });
    expect(await h.sdk.kvs.getSecret('token')).toBe('s3cr3t');
  });

  it('meters reads and writes in items and UTF-8 bytes of JSON', async () => {
    await h.sdk.kvs.set('m', 'héllo'); // "héllo" is 8 bytes of JSON
    await h.sdk.kvs.get('m');
    await h.sdk.kvs.get('missing');
    await h.sdk.kvs.delete('m');
    expect(h.usages).toEqual([
      { reads: 0, readBytes: 0, writes: 1, writeBytes: 8 },
      { reads: 1, readBytes: 8, writes: 0, writeBytes: 0 },
      { reads: 1, readBytes: 0, writes: 0, writeBytes: 0 },
      { reads: 0, readBytes: 0, writes: 1, writeBytes: 0 },
    ]);
  });

  it('answers 400 BAD_REQUEST for malformed bodies, 501 for unknown endpoints, and names an undeclared index', async () => {
    const bad = h.service.handle('/api/v1/get', { nokey: 1 });
    expect(bad.response.status).toBe(400);
    expect(await bad.response.json()).toEqual({
      code: 'BAD_REQUEST',
      message: 'Provided request body is invalid: key: Invalid input: expected string, received undefined',
    });
    expect(h.service.handle('/api/v1/set', 'not an object').response.status).toBe(400);
    const other = h.service.handle('/api/v2/whatever', {});
    expect(other.response.status).toBe(501);
    expect(await other.response.json()).toEqual({
      code: 'NOT_EMULATED',
      message: 'The local host does not emulate the KVS endpoint POST /api/v2/whatever',
    });
    const index = h.service.handle('/api/v1/entity/query', { entityName: 'employee', indexName: 'by-name' });
    expect(await index.response.json()).toEqual({
      code: 'INVALID_ENTITY_INDEX',
      message: 'The index "by-name" is not declared for entity "employee"',
    });
  });
});
