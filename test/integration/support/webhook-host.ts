import type { Host } from '../../../local/host';
import type { ReceivedRequest } from '../../../local/server/receiver';
import type { SandboxServer } from '../../../local/server/sandbox-server';
import type { WebhookInput, WebhookSummary } from '../../../src/contract/webhooks';
import { callAs, DEMO_USERS } from './app-host';

export const RECEIVER = 'https://receiver.sandbox.test';
const admin = DEMO_USERS.admin.accountId;

/** Approves a domain for backend egress as the Jira admin would on the admin page (permissions.egress.set). */
export function approveEgress(host: Host, domain: string, key = 'webhooks'): void {
  host.ui.bridge({ moduleKey: 'projectrak-admin', accountId: admin, extension: {} }, '__permission__egressSet', {
    egresses: [{ key, description: 'Webhook receivers', configured: [{ domain: `https://${domain}`, type: ['FETCH_BACKEND_SIDE'] }] }],
  });
}

/** Creates a webhook as the Jira admin; fails the test with the refusal when it is refused. */
export async function createWebhook(host: Host, input: Partial<WebhookInput> & { url: string }): Promise<{ webhook: WebhookSummary; secret: string }> {
  const answer = await callAs(host, admin, 'webhooks/create', { name: 'Test hook', ...input });
  if ('error' in answer) throw new Error(`webhooks/create refused: ${JSON.stringify(answer.error)}`);
  return answer as unknown as { webhook: WebhookSummary; secret: string };
}

export async function listWebhooks(host: Host): Promise<WebhookSummary[]> {
  return ((await callAs(host, admin, 'webhooks/list')) as unknown as { webhooks: WebhookSummary[] }).webhooks;
}

/** What the demo receiver got at a path prefix, oldest first. */
export function received(server: SandboxServer, pathPrefix = '/'): ReceivedRequest[] {
  return server.receiver
    .list(100_000)
    .filter((r) => new URL(r.url).pathname.startsWith(pathPrefix))
    .reverse();
}

export const payloadOf = (request: ReceivedRequest): { data: { project: { key: string }; sequence: number; fields: { name: string; value: { current: unknown } }[] } } =>
  JSON.parse(request.body) as { data: { project: { key: string }; sequence: number; fields: { name: string; value: { current: unknown } }[] } };
