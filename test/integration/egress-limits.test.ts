import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../local/host';
import { EgressRateLimit } from '../../local/services/egress/rate-limit';
import { EGRESS_APP, probe } from './support/egress-host';
import { startHost } from './support/fixture-host';

let host: Host | undefined;
afterEach(async () => host?.close());

const PING = 'https://api.allowed.test/ping';
async function started(): Promise<Host> {
  host = await startHost({ appDir: EGRESS_APP });
  host.egress.addVirtualHost('api.allowed.test', () => Promise.resolve(new Response('pong')));
  return host;
}
type Burst = { through: number; refused: { status?: number; proxyError?: string | null; name?: string; cause?: string | null } | null };

describe("Forge's egress rate limits", () => {
  it('lets an invocation with no declared timeout make 100 requests; the 101st gets the proxy’s 429', async () => {
    const h = await started();
    expect(await probe<Burst>(h, 'fetch/burst', { url: PING, max: 150 })).toEqual({
      through: 100,
      refused: { status: 429, proxyError: 'EGRESS_RATE_LIMITED' },
    });
    // The next invocation starts with its own allowance.
    expect(await probe<Burst>(h, 'fetch/burst', { url: PING, max: 5 })).toEqual({ through: 5, refused: null });
  });

  it('gives a function with timeoutSeconds: 90 two runtime minutes, rounded up: 200 requests', async () => {
    const h = await started();
    await h.triggers.runScheduled('burst-long');
    expect(await probe(h, 'kvs/get', { key: 'burst-long' })).toEqual({
      value: { through: 200, refused: { status: 429, proxyError: 'EGRESS_RATE_LIMITED' } },
    });
  });

  it('counts every hop of a redirect, and requests the rules refuse', async () => {
    const h = await started();
    h.egress.addVirtualHost('api.allowed.test', (request) =>
      Promise.resolve(
        new URL(request.url).pathname === '/hop' ? new Response(null, { status: 302, headers: { location: '/ping' } }) : new Response('pong'),
      ),
    );
    h.meter.clear();
    await probe(h, 'fetch', { url: 'https://api.allowed.test/hop' });
    await probe(h, 'fetch', { url: 'https://not-allowed.example.com/' });
    expect(h.meter.list({ functionKey: 'resolver' }).map((m) => m.fetches)).toEqual([2, 1]);
  });

  it('holds the whole app to its per-minute limit across invocations, with the answer made an option', async () => {
    const h = await started();
    h.egress.rateLimit.limits = { ...h.egress.rateLimit.limits, perAppPerMinute: 3 };
    expect(await probe<Burst>(h, 'fetch/burst', { url: PING, max: 2 })).toEqual({ through: 2, refused: null });
    expect(await probe<Burst>(h, 'fetch/burst', { url: PING, max: 2 })).toEqual({
      through: 1,
      refused: { status: 429, proxyError: 'EGRESS_RATE_LIMITED' },
    });
    h.egress.rateLimit.limits = { ...h.egress.rateLimit.limits, exceeded: 'reject' };
    expect(await probe<Burst>(h, 'fetch/burst', { url: PING, max: 1 })).toMatchObject({
      through: 0,
      refused: { name: 'TypeError', cause: expect.stringContaining('more than 3 egress requests by the app in a minute') as unknown },
    });
  });

  it('frees the app’s allowance a minute after each request (an injected clock)', () => {
    let now = 0;
    const limit = new EgressRateLimit(
      () => undefined,
      () => now,
    );
    limit.limits = { ...limit.limits, perAppPerMinute: 2 };
    expect([limit.take('f', 0), limit.take('f', 0), limit.take('f', 0)]).toEqual([
      undefined,
      undefined,
      'more than 2 egress requests by the app in a minute',
    ]);
    now = 59_999;
    expect(limit.take('f', 0)).toBe('more than 2 egress requests by the app in a minute');
    now = 60_000;
    expect(limit.take('f', 0)).toBeUndefined();
    expect(limit.invocationLimit('f')).toBe(100);
    expect(new EgressRateLimit(() => 900).invocationLimit('f')).toBe(1500);
    expect(new EgressRateLimit(() => 61).invocationLimit('f')).toBe(200);
  });
});
