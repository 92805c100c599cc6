import type { Host, HostOptions } from '../../../local/host';
import type { ReceivedRequest } from '../../../local/server/receiver';
import type { SandboxServer } from '../../../local/server/sandbox-server';
import type { ResolverKey } from '../../../src/contract/resolvers';
import type { WebhookInput, WebhookSummary } from '../../../src/contract/webhooks';
import { callAs, DEMO_USERS, readEntities, startAppHost } from './app-host';

export const RECEIVER = 'https://receiver.sandbox.test';
const admin = DEMO_USERS.admin.accountId;

/** Approves a domain for backend egress as the Jira admin would on the admin page (permissions.egress.set). */
export function approveEgress(host: Host, domain: string, key = 'webhooks'): void {
  host.ui.bridge({ moduleKey: 'projectrak-admin', accountId: admin, extension: {} }, '__permission__egressSet', {
    egresses: [{ key, description: 'Webhook receivers', configured: [{ domain: `https://${domain}`, type: ['FETCH_BACKEND_SIDE'] }] }],
  });
}

/** The app on the local host with the demo receiver's domain approved for egress, as the webhook tests start it. */
export async function startReceiverHost(overrides: Partial<HostOptions> = {}): Promise<{ host: Host; server: SandboxServer }> {
  const site = await startAppHost(overrides);
  approveEgress(site.host, 'receiver.sandbox.test');
  return site;
}

/** Creates a webhook as the Jira admin; fails the test with the refusal when it is refused. */
export async function createWebhook(
  host: Host,
  input: Partial<WebhookInput> & { url: string },
): Promise<{ webhook: WebhookSummary; secret: string }> {
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

export const payloadOf = (
  request: ReceivedRequest,
): { data: { project: { key: string }; sequence: number; fields: { name: string; value: { current: unknown } }[] } } =>
  JSON.parse(request.body) as { data: { project: { key: string }; sequence: number; fields: { name: string; value: { current: unknown } }[] } };

/** Polls `read` until `done` holds (or fails the test after `timeoutMs`): for what only time brings about. */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 45_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > until) throw new Error(`waited ${timeoutMs} ms; last seen: ${JSON.stringify(value).slice(0, 2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface LogEntry {
  id: string;
  status: 'OK' | 'ERROR';
  httpStatus: number | null;
  errorClass: string | null;
  reason: string | null;
  attempt: number;
  trigger: string;
  next: string;
  final: boolean;
  durationMs: number;
  messageId: string;
  at: string;
  request: { url: string; headers: Record<string, string>; body: string };
  response: { headers: Record<string, string>; body: string; truncated: boolean } | null;
}

/** A resolver call as the Jira admin on the admin page, without waiting for the queue to drain (retries may wait minutes). */
export async function adminCall(host: Host, key: ResolverKey, payload: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  return (await host.ui.invoke({ moduleKey: 'projectrak-admin', accountId: admin, extension: {} }, key, payload)) as Record<string, unknown>;
}

/** A webhook's delivery log, oldest first. */
export async function deliveryLog(host: Host, webhookId: string): Promise<LogEntry[]> {
  const answer = (await adminCall(host, 'deliveries/list', { webhookId, limit: 100 })) as unknown as { entries: LogEntry[] };
  return [...answer.entries].reverse();
}

/**
 * A webhook at `url` watching a text field of its own (both named `name`), and one change of that field on DEMO: each
 * test meets its receiver alone. Returns the webhook's id and ways to read its log and wait on it.
 */
export async function deliverTo(host: Host, url: string, name: string) {
  const field = (await adminCall(host, 'fields/create', { name, type: 'text' })) as { field: { id: number } };
  const created = await adminCall(host, 'webhooks/create', { name, url, filters: { fields: [field.field.id] } });
  const webhook = (created as { webhook: { id: string } }).webhook;
  await adminCall(host, 'values/update', { projectId: '10000', values: { [String(field.field.id)]: `value of ${name}` } });
  const log = () => deliveryLog(host, webhook.id);
  const until = (done: (entries: LogEntry[]) => boolean, timeoutMs?: number) => waitFor(log, done, timeoutMs);
  return { id: webhook.id, log, until };
}

/** The webhook's deliveries waiting in its mailbox. */
export const pendingDeliveries = async (host: Host, webhookId: string) =>
  (await readEntities(host, 'mailbox')).filter((e) => e.value.webhook === webhookId).map((e) => e.value as { attempt: number; dueAt: number });
