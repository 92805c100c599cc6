import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../local/host';
import { UiCallError } from '../../local/runtime/ui-calls';
import { admin, EGRESS_APP, member, probe } from './support/egress-host';
import { startHost, tempDir } from './support/fixture-host';

let host: Host | undefined;
afterEach(async () => host?.close());

const as = (accountId: string, moduleKey = 'egress-admin') => ({ moduleKey, accountId, extension: {} });
const backend = (domain: string) => ({ domain, type: ['FETCH_BACKEND_SIDE'] });
const group = (key: string, configured: unknown[]) => ({ key, description: `Group ${key}`, configured });

/** What a bridge call answers, or the status and message it is refused with. */
function call(name: string, payload: unknown, accountId: string = admin): unknown {
  try {
    return host!.ui.bridge(as(accountId), `__permission__egress${name}`, payload).result;
  } catch (error) {
    if (error instanceof UiCallError) return { status: error.status, message: error.message };
    throw error;
  }
}

describe('permissions.egress limits and validation (host.ui.bridge)', () => {
  it('takes at most 10 groups per installation: the 11th is refused with 400 and nothing of that request is saved', async () => {
    host = await startHost({ appDir: EGRESS_APP });
    const ten = Array.from({ length: 10 }, (_, i) => group(`g${String(i).padStart(2, '0')}`, [backend(`https://h${i}.example.com`)]));
    expect(call('Set', { egresses: ten })).toMatchObject({ results: expect.any(Array) as unknown });
    expect(call('Set', { egresses: [group('g10', [backend('https://h10.example.com')])] })).toEqual({
      status: 400,
      message: 'Maximum egress limit exceeded: at most 10 egress groups per installation',
    });
    expect(host.egress.customer.groups().map((g) => g.key)).toEqual(ten.map((g) => g.key));
    // Replacing one of the ten is no new group.
    expect(call('Set', { egresses: [group('g03', [backend('https://other.example.com')])] })).toMatchObject({ results: [{ key: 'g03' }] });
  });

  it('takes at most 10 domains per group, and at most 40 domain-type entries other than FETCH_BACKEND_SIDE', async () => {
    host = await startHost({ appDir: EGRESS_APP });
    const domains = (n: number, type: string[], prefix = 'd') =>
      Array.from({ length: n }, (_, i) => ({ domain: `https://${prefix}${i}.example.com`, type }));
    expect(call('Set', { egresses: [group('big', domains(11, ['FETCH_BACKEND_SIDE']))] })).toEqual({
      status: 400,
      message: "Maximum egress limit exceeded: at most 10 domains in egress group 'big'",
    });
    // The probe's manifest declares one static image domain: 39 more entries fit, the 40th customer one does not.
    const manyTypes = ['FETCH_CLIENT_SIDE', 'FONTS', 'FRAMES', 'IMAGES', 'MEDIA', 'SCRIPTS', 'STYLES'];
    expect(call('Set', { egresses: [group('a', domains(5, manyTypes, 'a')), group('b', domains(4, ['FETCH_CLIENT_SIDE'], 'b'))] })).toMatchObject({
      results: [{ key: 'a' }, { key: 'b' }],
    });
    expect(call('Set', { egresses: [group('c', [{ domain: 'https://one-more.example.com', type: ['IMAGES'] }])] })).toEqual({
      status: 400,
      message: 'Maximum egress limit exceeded: at most 40 domain-type entries other than FETCH_BACKEND_SIDE',
    });
    expect(call('Set', { egresses: [group('c', [backend('https://backend-only.example.com')])] })).toMatchObject({ results: [{ key: 'c' }] });
  });

  it('refuses duplicates and domains that are neither a URL nor * with 422; takes * and https://*.example.com', async () => {
    host = await startHost({ appDir: EGRESS_APP });
    expect(call('Set', { egresses: [group('k', []), group('k', [])] })).toEqual({ status: 422, message: "egresses: the key 'k' is given twice" });
    expect(call('Set', { egresses: [group('k', [backend('https://a.example.com'), backend('https://a.example.com')])] })).toEqual({
      status: 422,
      message: "egresses.k: the domain 'https://a.example.com' is given twice",
    });
    for (const domain of [
      'a.example.com',
      'https:evil',
      'ftp://a.example.com',
      'https://user:pw@a.example.com',
      'https://*.com',
      'https://a.example.com/?q=1',
    ]) {
      expect({ domain, answer: call('Set', { egresses: [group('k', [backend(domain)])] }) }).toMatchObject({ domain, answer: { status: 422 } });
    }
    expect(
      call('Set', { egresses: [group('k', [backend('*'), backend('https://*.example.com'), backend('https://api.example.com:8443/v1')])] }),
    ).toMatchObject({
      results: [{ key: 'k', configured: [{ domain: '*' }, { domain: 'https://*.example.com' }, { domain: 'https://api.example.com:8443/v1' }] }],
    });
    expect(call('Set', { egresses: [group('k', [{ domain: 'https://a.example.com', type: ['FETCH_EVERYTHING'] }])] })).toMatchObject({ status: 400 });
  });

  it('pages get with pageSize and nextPageToken, filters by keys, and lets anyone read', async () => {
    host = await startHost({ appDir: EGRESS_APP });
    call('Set', { egresses: ['c', 'a', 'b'].map((k) => group(k, [backend(`https://${k}.example.com`)])) });
    const first = call('Get', { pageSize: 2 }, member) as { results: { key: string }[]; lastEvaluatedKey?: string };
    expect({ keys: first.results.map((g) => g.key), last: first.lastEvaluatedKey }).toEqual({ keys: ['a', 'b'], last: 'b' });
    const second = call('Get', { pageSize: 2, nextPageToken: first.lastEvaluatedKey }, member) as {
      results: { key: string }[];
      lastEvaluatedKey?: string;
    };
    expect({ keys: second.results.map((g) => g.key), last: second.lastEvaluatedKey }).toEqual({ keys: ['c'], last: undefined });
    expect((call('Get', { keys: ['b', 'zz'] }) as { results: { key: string }[] }).results.map((g) => g.key)).toEqual(['b']);
    expect(call('Get', { pageSize: 0 })).toMatchObject({ status: 400, message: expect.stringContaining('pageSize') as unknown });
  });

  it('replaces a group on set by default, and can merge instead (Forge does not say which)', async () => {
    host = await startHost({ appDir: EGRESS_APP });
    call('Set', { egresses: [group('k', [backend('https://a.example.com')])] });
    call('Set', { egresses: [group('k', [backend('https://b.example.com')])] });
    expect(host.egress.customer.groups()[0]?.configured.map((c) => c.domain)).toEqual(['https://b.example.com']);
    host.ui.egressOptions = { consent: 'approve', setMode: 'merge' };
    call('Set', { egresses: [group('k', [backend('https://c.example.com')])] });
    expect(host.egress.customer.groups()[0]?.configured.map((c) => c.domain)).toEqual(['https://b.example.com', 'https://c.example.com']);
  });

  it('backend fetch matches an approved wildcard on subdomains only, and an approved * on any host', async () => {
    host = await startHost({ appDir: EGRESS_APP });
    for (const name of ['api.customer.test', 'customer.test', 'anything.else.test'])
      host.egress.addVirtualHost(name, () => Promise.resolve(new Response(`hello from ${name}`)));
    call('Set', { egresses: [group('k', [backend('https://*.customer.test')])] });
    expect(await probe(host, 'fetch', { url: 'https://api.customer.test/' })).toMatchObject({ status: 200, body: 'hello from api.customer.test' });
    expect(await probe(host, 'fetch', { url: 'https://customer.test/' })).toMatchObject({ status: 403 });
    call('Set', { egresses: [group('all', [backend('*')])] });
    expect(await probe(host, 'fetch', { url: 'https://anything.else.test/' })).toMatchObject({ status: 200 });
  });

  it('a domain removed, or its group, is refused from the next request on; a refused set changes nothing', async () => {
    host = await startHost({ appDir: EGRESS_APP });
    for (const name of ['a.customer.test', 'b.customer.test']) host.egress.addVirtualHost(name, () => Promise.resolve(new Response('hi')));
    const status = async (name: string) => (await probe<{ status: number }>(host!, 'fetch', { url: `https://${name}/` })).status;
    call('Set', { egresses: [group('k', [backend('https://a.customer.test'), backend('https://b.customer.test')])] });
    expect([await status('a.customer.test'), await status('b.customer.test')]).toEqual([200, 200]);
    call('DeleteDomain', { key: 'k', domain: 'https://a.customer.test', type: 'FETCH_BACKEND_SIDE' });
    expect([await status('a.customer.test'), await status('b.customer.test')]).toEqual([403, 200]);
    const tooMany = Array.from({ length: 11 }, (_, i) => group(`g${i}`, [backend('https://a.customer.test')]));
    expect(call('Set', { egresses: tooMany })).toMatchObject({ status: 400 });
    expect(await status('a.customer.test')).toBe(403);
    call('DeleteGroup', { key: 'k' });
    expect(await status('b.customer.test')).toBe(403);
  });

  it('nothing works for an app whose manifest does not enable permissions.external.configurable', async () => {
    // The egress probe app, its manifest without `configurable`.
    const appDir = tempDir('egress-off-');
    fs.cpSync(EGRESS_APP, appDir, { recursive: true });
    fs.symlinkSync(path.resolve(__dirname, '../../node_modules'), path.join(appDir, 'node_modules'));
    const manifest = path.join(appDir, 'manifest.yml');
    fs.writeFileSync(manifest, fs.readFileSync(manifest, 'utf8').replace(/ {4}configurable:\n {6}enabled: true\n/, ''));
    host = await startHost({ appDir });
    const answer = host.ui.bridge.bind(host.ui, as(admin), '__permission__egressGet', {});
    expect(answer).toThrow('Customer-managed egress is not enabled');
  });
});
