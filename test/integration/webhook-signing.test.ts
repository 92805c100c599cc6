import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../local/host';
import type { SandboxServer } from '../../local/server/sandbox-server';
import { callAs, DEMO_USERS, stopAppHost } from './support/app-host';
import { startReceiverHost, createWebhook, received, RECEIVER } from './support/webhook-host';

let host: Host;
let server: SandboxServer;
const admin = DEMO_USERS.admin.accountId;

beforeAll(async () => {
  ({ host, server } = await startReceiverHost());
});
afterAll(() => stopAppHost({ host, server }));

const change = async (budget: number) => {
  await callAs(host, admin, 'values/update', { projectId: '10001', values: { 'Estimated time': budget } });
  await host.idle();
};

describe('signatures a receiver verifies with standardwebhooks', () => {
  it('every delivery verifies with the webhook secret, and with no other', async () => {
    const { secret } = await createWebhook(host, { url: `${RECEIVER}/hooks/signed` });
    for (const minutes of [1, 2, 3]) await change(minutes * 60_000);
    const requests = received(server, '/hooks/signed');
    expect(requests).toHaveLength(3);
    for (const request of requests) {
      expect(new Webhook(secret).verify(request.body, request.headers)).toMatchObject({ type: 'project.fields.updated' });
      expect(() => new Webhook('whsec_' + Buffer.alloc(32, 1).toString('base64')).verify(request.body, request.headers)).toThrow(
        'No matching signature found',
      );
    }
    expect(new Set(requests.map((r) => r.headers['webhook-id'])).size).toBe(3);
  });

  it('after a rotation, deliveries carry both signatures for 24 hours: the old and the new secret each verify', async () => {
    const { webhook, secret: old } = await createWebhook(host, { url: `${RECEIVER}/hooks/rotated` });
    const rotatedAnswer = (await callAs(host, admin, 'webhooks/rotate-secret', { id: webhook.id })) as {
      secret: string;
      webhook: { secretRotatedAt: string };
    };
    expect(rotatedAnswer.secret).not.toBe(old);
    expect(rotatedAnswer.webhook.secretRotatedAt).toEqual(expect.any(String));
    await change(9 * 60_000);
    const [request] = received(server, '/hooks/rotated');
    expect(request!.headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(new Webhook(old).verify(request!.body, request!.headers)).toMatchObject({ type: 'project.fields.updated' });
    expect(new Webhook(rotatedAnswer.secret).verify(request!.body, request!.headers)).toMatchObject({ type: 'project.fields.updated' });
  });

  it('the secret is shown at creation and rotation only: listing never returns it', async () => {
    const { webhook, secret } = await createWebhook(host, {
      url: `${RECEIVER}/hooks/listed`,
      headers: [{ name: 'Authorization', value: 'Bearer t0ken-value' }],
    });
    const listing = JSON.stringify(await callAs(host, admin, 'webhooks/list'));
    expect(listing).not.toContain(secret.slice(6));
    expect(listing).not.toContain('t0ken-value');
    expect((await callAs(host, admin, 'webhooks/list')).webhooks).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: webhook.id, headers: [{ name: 'Authorization' }] })]),
    );
  });
});
