import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileBytes, openHarness, type Harness } from './test-harness';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(() => h.close());

describe('kvs secrets', () => {
  it('round-trips, is a separate key space, and is never listed by query', async () => {
    const { kvs } = h.sdk;
    await kvs.setSecret('api-token', { token: 'tok-123', scopes: ['read'] });
    await kvs.set('api-token', 'plain twin');
    expect(await kvs.getSecret('api-token')).toEqual({ token: 'tok-123', scopes: ['read'] });
    expect(await kvs.get('api-token')).toBe('plain twin');
    expect(await kvs.query().getMany()).toEqual({ results: [{ key: 'api-token', value: 'plain twin' }] });
    await kvs.deleteSecret('api-token');
    expect(await kvs.getSecret('api-token')).toBeUndefined();
    expect(await kvs.get('api-token')).toBe('plain twin');
  });

  it('supports FAIL_IF_EXISTS on secrets', async () => {
    const { kvs } = h.sdk;
    await kvs.setSecret('once', 'a', { keyPolicy: 'FAIL_IF_EXISTS' });
    await expect(kvs.setSecret('once', 'b', { keyPolicy: 'FAIL_IF_EXISTS' })).rejects.toMatchObject({ code: 'KEY_ALREADY_EXISTS' });
    expect(await kvs.getSecret('once')).toBe('a');
  });

  it('does not store the secret in plain text in the SQLite file', async () => {
    const { kvs } = h.sdk;
    const secret = 'sk_live_UNMISTAKABLE_SECRET_VALUE_42';
    const control = 'PLAIN_CONTROL_VALUE_FOR_THE_FILE_SCAN';
    await kvs.setSecret('stripe', secret);
    await kvs.set('visible', control);
    h.db.close(); // checkpoints the WAL into the main file
    const bytes = fileBytes(h.dir);
    expect(bytes.includes(control)).toBe(true); // proves the scan would see a plain value
    expect(bytes.includes(secret)).toBe(false);
    h.reopen();
    expect(await kvs.getSecret('stripe')).toBe(secret);
  });
});
