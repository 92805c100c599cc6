import { afterEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from './test-harness';

let h: Harness;
afterEach(() => h.close());
const status = (path: string, body: unknown) => h.service.handle(path, body).response.status;
const RATE_LIMITED = { code: 'RATE_LIMIT_EXCEEDED', responseDetails: { status: 429 } };

describe('Forge KVS rate limits per installation', () => {
  it('admits 1000 requests in a second, refuses the 1001st, and admits again a second later', async () => {
    h = await openHarness();
    for (let n = 0; n < 1000; n++) expect(status('/api/v1/get', { key: 'k' })).toBe(404);
    await expect(h.sdk.kvs.get('k')).rejects.toMatchObject({
      ...RATE_LIMITED,
      message: 'Rate limit exceeded: at most 1000 KVS requests per second per installation',
    });
    h.clock.now += 999;
    expect(status('/api/v1/get', { key: 'k' })).toBe(429);
    h.clock.now += 1;
    await expect(h.sdk.kvs.get('k')).resolves.toBeUndefined();
  });

  it('admits 4000 read units a minute, counting 10 KB of data read as one unit', async () => {
    h = await openHarness();
    await h.sdk.kvs.set('big', 'x'.repeat(39_998)); // 40,000 bytes of JSON: 4 units per read
    for (let n = 0; n < 999; n++) {
      expect(status('/api/v1/get', { key: 'big' })).toBe(200);
      h.clock.now += 50; // stay under 1000 requests a second
    }
    for (let n = 0; n < 4; n++) expect(status('/api/v1/get', { key: 'missing' })).toBe(404); // 3996 + 4 = 4000 units
    await expect(h.sdk.kvs.get('missing')).rejects.toMatchObject({
      ...RATE_LIMITED,
      message: 'Rate limit exceeded: at most 4000 read units (10 KB each) per minute per installation',
    });
    expect(status('/api/v1/set', { key: 'w', value: 1 })).toBe(204); // writes have their own budget
  });

  it('admits 4000 write units a minute, sizing a write by its request', async () => {
    h = await openHarness();
    const value = 'x'.repeat(65_000); // a 65 KB request counts 7 units
    for (let n = 0; n < 571; n++) {
      expect(status('/api/v1/set', { key: 'k', value })).toBe(204); // 571 × 7 = 3997 units
      h.clock.now += 100;
    }
    expect(status('/api/v1/set', { key: 'k', value: 'x'.repeat(25_000) })).toBe(204); // 3 units: 4000 exactly
    await expect(h.sdk.kvs.set('k', 1)).rejects.toMatchObject({
      ...RATE_LIMITED,
      message: 'Rate limit exceeded: at most 4000 write units (10 KB each) per minute per installation',
    });
    h.clock.now = h.clock.now - 57_100 + 60_000; // the first write leaves the window
    expect(status('/api/v1/set', { key: 'k', value: 'x'.repeat(65_000) })).toBe(204);
  });

  it('can be switched off', async () => {
    h = await openHarness({ rateLimits: false });
    for (let n = 0; n < 1001; n++) expect(status('/api/v1/get', { key: 'k' })).toBe(404);
  });

  it('bills a transaction as one write request, sized by its payload', async () => {
    h = await openHarness();
    const tx = h.sdk.kvs.transact();
    for (let n = 0; n < 25; n++) tx.set(`k${n}`, 'x'.repeat(100));
    await tx.execute();
    for (let n = 0; n < 3999; n++) {
      if (n % 900 === 0) h.clock.now += 1000;
      expect(status('/api/v1/delete', { key: `k${n}` })).not.toBe(429);
    }
    expect(status('/api/v1/delete', { key: 'one-too-many' })).toBe(429);
  });
});
