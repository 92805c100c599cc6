import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../local/host';
import type { SandboxServer } from '../../local/server/sandbox-server';
import { expectValidPayload } from '../support/payload-validator';
import { callAs, DEMO_USERS, stopAppHost } from './support/app-host';
import { startReceiverHost, createWebhook, listWebhooks, payloadOf, received, RECEIVER } from './support/webhook-host';

let host: Host;
let server: SandboxServer;
const pat = DEMO_USERS.projectAdmin.accountId;

beforeAll(async () => {
  ({ host, server } = await startReceiverHost());
});
afterAll(() => stopAppHost({ host, server }));

describe('a webhook pointed at the demo receiver', () => {
  it('receives each change, signed per Standard Webhooks, and the admin page shows OK with the last execution', async () => {
    const { webhook, secret } = await createWebhook(host, { url: `${RECEIVER}/hooks/ok` });
    await callAs(host, pat, 'values/update', { projectId: '10000', values: { Status: 'At risk' } });
    await host.idle();
    const [request] = received(server, '/hooks/ok');
    expect(request).toBeDefined();
    const verified = new Webhook(secret).verify(request!.body, request!.headers);
    expectValidPayload(verified);
    expect(payloadOf(request!).data.fields.map((f) => [f.name, f.value.current])).toEqual([['Status', 'At risk']]);
    expect(request!.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': expect.stringMatching(/^projectrak-webhooks\/\d+\.\d+\.\d+$/) as unknown,
      'webhook-id': expect.stringMatching(new RegExp(`^msg_.+_${webhook.id}$`)) as unknown,
      'projectrak-attempt': '1',
    });
    const [listed] = (await listWebhooks(host)).filter((w) => w.id === webhook.id);
    expect(listed?.status).toMatchObject({ lastStatus: 'OK', lastHttpStatus: 200, lastErrorClass: null });
    expect(listed?.counts).toEqual({ delivered: 1, failed: 0, pending: 0, held: 0 });
    const log = await callAs(host, DEMO_USERS.admin.accountId, 'deliveries/list', { webhookId: webhook.id });
    expect(log).toMatchObject({
      entries: [{ status: 'OK', httpStatus: 200, attempt: 1, trigger: 'change', next: 'delivered', final: false }],
      cursor: null,
    });
  });

  it('sends each webhook the fields it filters on: one change to three webhooks, two of them with the same filters', async () => {
    const admin = DEMO_USERS.admin.accountId;
    const create = async (name: string) =>
      ((await callAs(host, admin, 'fields/create', { name, type: 'text' })) as { field: { id: number } }).field.id;
    const [a, b] = [await create('Filter A'), await create('Filter B')];
    await createWebhook(host, { url: `${RECEIVER}/hooks/only-a/1`, filters: { fields: [a] } });
    await createWebhook(host, { url: `${RECEIVER}/hooks/only-a/2`, filters: { fields: [a] } });
    await createWebhook(host, { url: `${RECEIVER}/hooks/a-and-b`, filters: { fields: [a, b] } });
    await callAs(host, pat, 'values/update', { projectId: '10000', values: { 'Filter A': 'x', 'Filter B': 'y' } });
    await host.idle();
    const fieldsAt = (path: string) =>
      received(server, path).map((r) =>
        payloadOf(r)
          .data.fields.map((f) => `${f.name}=${String(f.value.current)}`)
          .sort(),
      );
    expect(fieldsAt('/hooks/only-a/1')).toEqual([['Filter A=x']]);
    expect(fieldsAt('/hooks/only-a/2')).toEqual([['Filter A=x']]);
    expect(fieldsAt('/hooks/a-and-b')).toEqual([['Filter A=x', 'Filter B=y']]);
  });
});
