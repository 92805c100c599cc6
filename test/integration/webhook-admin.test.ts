import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../local/host';
import type { SandboxServer } from '../../local/server/sandbox-server';
import type { ResolverKey } from '../../src/contract/resolvers';
import { callAs, DEMO_USERS, readEntities, readKvs, stopAppHost } from './support/app-host';
import { startReceiverHost, createWebhook, deliveryLog, RECEIVER } from './support/webhook-host';

let host: Host;
let server: SandboxServer;
let webhookId = '';
let deliveryId = '';
const admin = DEMO_USERS.admin.accountId;

beforeAll(async () => {
  ({ host, server } = await startReceiverHost());
  webhookId = (await createWebhook(host, { url: `${RECEIVER}/hooks/admin-only` })).webhook.id;
  await callAs(host, admin, 'values/update', { projectId: '10000', values: { Priority: 'High' } });
  deliveryId = (await deliveryLog(host, webhookId))[0]!.id;
});
afterAll(() => stopAppHost({ host, server }));

/** Every admin resolver of the webhooks, with a payload that the admin's call would carry out. */
const CALLS: [ResolverKey, () => Record<string, unknown>][] = [
  ['webhooks/list', () => ({})],
  ['webhooks/create', () => ({ name: 'Sneaky', url: `${RECEIVER}/hooks/sneaky` })],
  ['webhooks/update', () => ({ id: webhookId, name: 'Renamed', url: `${RECEIVER}/hooks/elsewhere` })],
  ['webhooks/enable', () => ({ id: webhookId })],
  ['webhooks/disable', () => ({ id: webhookId })],
  ['webhooks/rotate-secret', () => ({ id: webhookId })],
  ['webhooks/test', () => ({ id: webhookId })],
  ['deliveries/list', () => ({ webhookId })],
  ['deliveries/redeliver', () => ({ webhookId, deliveryId })],
  ['deliveries/replay', () => ({ webhookId, since: '2026-01-01T00:00:00Z' })],
  ['deliveries/held', () => ({ webhookId, action: 'discard' })],
  ['webhooks/delete', () => ({ id: webhookId })],
];

async function store(): Promise<unknown> {
  await host.idle();
  return {
    webhooks: await readEntities(host, 'webhook-index'),
    mailbox: await readEntities(host, 'mailbox'),
    log: await readEntities(host, 'delivery'),
    states: await readKvs(host, 'webhook-state:'),
    queued: host.queueStore.list().length,
  };
}

describe('the webhook resolvers answer Jira admins only', () => {
  it.each([
    ['a plain member', DEMO_USERS.member.accountId],
    ["a project's admin", DEMO_USERS.projectAdmin.accountId],
  ])('%s is refused by every one of them, and nothing changes', async (_who, accountId) => {
    const before = await store();
    const answers = [];
    for (const [key, payload] of CALLS) answers.push([key, await callAs(host, accountId, key, payload())]);
    expect(answers).toEqual(CALLS.map(([key]) => [key, { error: { code: 'FORBIDDEN', message: 'Only Jira administrators can manage Projectrak' } }]));
    expect(await store()).toEqual(before);
  });

  it('the admin can make each of those calls (so the refusals above are about who asks)', async () => {
    for (const [key, payload] of CALLS) {
      const answer = await callAs(host, admin, key, payload());
      expect({ key, refused: 'error' in answer ? answer.error : null }).toEqual({ key, refused: null });
    }
  });
});
