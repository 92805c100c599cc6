import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../local/host';
import type { SandboxServer } from '../../local/server/sandbox-server';
import { HOSTILE_URLS } from '../support/hostile-urls';
import { callAs, DEMO_USERS, startAppHost } from './support/app-host';
import { approveEgress, createWebhook, deliveryLog, waitFor } from './support/webhook-host';

let host: Host;
let server: SandboxServer;
const admin = DEMO_USERS.admin.accountId;

beforeAll(async () => {
  ({ host, server } = await startAppHost());
});
afterAll(async () => {
  await server.close();
  await host.close();
});

describe('where a webhook may point', () => {
  it(`refuses each of ${HOSTILE_URLS.length} hostile URLs at save, naming its rule, and stores nothing`, async () => {
    expect(HOSTILE_URLS.length).toBeGreaterThanOrEqual(40);
    const answers = [];
    for (const [url] of HOSTILE_URLS) {
      const answer = (await callAs(host, admin, 'webhooks/create', { name: 'Hostile', url })) as {
        error?: { fields?: { field: string; code: string; message: string }[] };
      };
      answers.push([url, answer.error?.fields?.map((f) => [f.field, f.code])]);
    }
    expect(answers).toEqual(HOSTILE_URLS.map(([url, rule]) => [url, [['url', `URL_${rule.toUpperCase().replace(/-/g, '_')}`]]]));
    expect(((await callAs(host, admin, 'webhooks/list')) as { webhooks: unknown[] }).webhooks).toEqual([]);
  });

  it('a saved webhook whose name later resolves to a private address is refused at its next attempt, recorded as blocked', async () => {
    const served: string[] = [];
    host.egress.addVirtualHost('hooks.customer.test', async (request) => {
      served.push(new URL(request.url).pathname);
      return new Response('{}', { status: 200 });
    });
    host.egress.resolveAs('hooks.customer.test', ['93.184.216.34']);
    approveEgress(host, 'hooks.customer.test', 'customer');
    const { webhook } = await createWebhook(host, { url: 'https://hooks.customer.test/projectrak' });
    await callAs(host, admin, 'values/update', { projectId: '10000', values: { 'Start date': '2027-03-01' } });
    await host.idle();
    expect(served).toEqual(['/projectrak']);

    // DNS rebinding: the same name now points inside the network.
    host.egress.resolveAs('hooks.customer.test', ['10.0.0.7']);
    await host.ui.invoke({ moduleKey: 'projectrak-admin', accountId: admin, extension: {} }, 'values/update', {
      projectId: '10000',
      values: { 'Start date': '2027-03-02' },
    });
    const log = await waitFor(
      () => deliveryLog(host, webhook.id),
      (entries) => entries.length >= 2,
    );
    expect(log[1]).toMatchObject({
      status: 'ERROR',
      errorClass: 'blocked',
      reason: 'hooks.customer.test resolves to 10.0.0.7, a private address (10/8, 172.16/12, 192.168/16)',
      final: false,
    });
    expect(served).toEqual(['/projectrak']);
  });
});
