import dns from 'node:dns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../local/host';
import { probe, startEgressSandbox } from './support/egress-host';
import { startHost } from './support/fixture-host';
import { EGRESS_APP } from './support/egress-host';

let sandbox: Awaited<ReturnType<typeof startEgressSandbox>>;
beforeAll(async () => {
  sandbox = await startEgressSandbox();
});
afterAll(async () => sandbox?.close());

type Lookup = { address?: string; family?: number; error?: { code: string | null; message: string } } | { address: string; family: number }[];
const lookupIn = (host: Host, name: string, options: Record<string, unknown> = {}) => probe<Lookup>(host, 'dns/lookup', { name, ...options });

describe("the app's node:dns lookups inside an invocation (the host's DNS table)", () => {
  it('answer the demo receiver with a public-looking address, through each way the app may import node:dns', async () => {
    for (const api of ['dns/promises', 'dns.promises', 'callback'])
      expect({ api, answer: await lookupIn(sandbox.host, 'receiver.sandbox.test', { api }) }).toEqual({
        api,
        answer: { address: '198.51.100.10', family: 4 },
      });
  });

  it('follow the table a test changes: a name saved earlier can later resolve to a private address', async () => {
    sandbox.host.egress.resolveAs('hooks.customer.test', ['203.0.113.5']);
    expect(await lookupIn(sandbox.host, 'hooks.customer.test')).toEqual({ address: '203.0.113.5', family: 4 });
    sandbox.host.egress.resolveAs('Hooks.Customer.Test.', ['10.0.0.7', 'fd00::7']);
    expect(await lookupIn(sandbox.host, 'hooks.customer.test', { all: true })).toEqual([
      { address: '10.0.0.7', family: 4 },
      { address: 'fd00::7', family: 6 },
    ]);
    expect(await lookupIn(sandbox.host, 'hooks.customer.test', { family: 6, api: 'callback' })).toEqual({ address: 'fd00::7', family: 6 });
  });

  it('answer ENOTFOUND as getaddrinfo does for a name the table lists with no address, or none of the family asked', async () => {
    sandbox.host.egress.resolveAs('gone.customer.test', []);
    for (const api of ['dns/promises', 'callback'])
      expect(await lookupIn(sandbox.host, 'gone.customer.test', { api })).toMatchObject({
        error: { name: 'Error', code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND gone.customer.test' },
      });
    sandbox.host.egress.resolveAs('v4only.customer.test', ['203.0.113.9']);
    expect(await lookupIn(sandbox.host, 'v4only.customer.test', { family: 6 })).toMatchObject({ error: { code: 'ENOTFOUND' } });
  });

  it('leave names the table does not list to the system, and lookups outside an invocation untouched', async () => {
    const system = await dns.promises.lookup('localhost');
    expect(await lookupIn(sandbox.host, 'localhost')).toEqual({ address: system.address, family: system.family });
    sandbox.host.egress.resolveAs('localhost', ['10.9.9.9']);
    expect(await lookupIn(sandbox.host, 'localhost')).toEqual({ address: '10.9.9.9', family: 4 });
    expect(await dns.promises.lookup('localhost')).toEqual(system);
    sandbox.host.egress.dns.forget('localhost');
    expect(await lookupIn(sandbox.host, 'localhost')).toEqual({ address: system.address, family: system.family });
  });

  it('never steer the proxy: fetch reaches the receiver whatever the app’s lookup answers (Forge’s proxy resolves names itself)', async () => {
    sandbox.host.egress.resolveAs('receiver.sandbox.test', ['10.0.0.1']);
    try {
      expect(await lookupIn(sandbox.host, 'receiver.sandbox.test')).toEqual({ address: '10.0.0.1', family: 4 });
      expect(await probe(sandbox.host, 'fetch', { url: 'https://receiver.sandbox.test/hooks/dns' })).toMatchObject({ status: 200 });
    } finally {
      sandbox.host.egress.resolveAs('receiver.sandbox.test', ['198.51.100.10']);
    }
  });

  it('are kept per host: another host in the same process has its own table', async () => {
    const other = await startHost({ appDir: EGRESS_APP });
    try {
      sandbox.host.egress.resolveAs('shared.customer.test', ['203.0.113.1']);
      other.egress.resolveAs('shared.customer.test', ['203.0.113.2']);
      expect(await lookupIn(sandbox.host, 'shared.customer.test')).toEqual({ address: '203.0.113.1', family: 4 });
      expect(await lookupIn(other, 'shared.customer.test')).toEqual({ address: '203.0.113.2', family: 4 });
    } finally {
      await other.close();
    }
  });

  it('refuses a table entry that is not an IP address, naming it', () => {
    expect(() => sandbox.host.egress.resolveAs('bad.customer.test', ['not-an-ip'])).toThrow(
      "resolveAs(bad.customer.test): 'not-an-ip' is not an IP address",
    );
  });
});
