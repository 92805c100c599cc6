import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../local/host';
import type { SandboxServer } from '../../local/server/sandbox-server';
import { DEMO_USERS, readEntities, startAppHost } from './support/app-host';
import { adminCall, approveEgress, deliveryLog, RECEIVER, waitFor } from './support/webhook-host';
import type { LogEntry } from './support/webhook-host';

let host: Host;
let server: SandboxServer;
const admin = DEMO_USERS.admin.accountId;

beforeAll(async () => {
  ({ host, server } = await startAppHost());
  approveEgress(host, 'receiver.sandbox.test');
});
afterAll(async () => {
  await server.close();
  await host.close();
});

/** A webhook at `url` watching a field of its own, and one change of that field. */
async function deliverTo(url: string) {
  const field = (await adminCall(host, 'fields/create', { name: 'Probe', type: 'text' })) as { field: { id: number } };
  const created = await adminCall(host, 'webhooks/create', { name: 'Probe', url, filters: { fields: [field.field.id] } });
  const webhook = (created as { webhook: { id: string } }).webhook;
  await host.ui.invoke({ moduleKey: 'projectrak-admin', accountId: admin, extension: {} }, 'values/update', {
    projectId: '10000',
    values: { [String(field.field.id)]: 'value' },
  });
  const until = (done: (entries: LogEntry[]) => boolean, timeoutMs?: number) => waitFor(() => deliveryLog(host, webhook.id), done, timeoutMs);
  return { id: webhook.id, until };
}

const pending = async (webhookId: string) =>
  (await readEntities(host, 'mailbox')).filter((e) => e.value.webhook === webhookId).map((e) => e.value as { attempt: number; dueAt: number });

describe("a webhook's wake-ups", () => {
  it('runs that end with retries waiting ask for one wake-up between them, not one each', async () => {
    const hook = await deliverTo(`${RECEIVER}/hooks/1/status/503`);
    await hook.until((e) => e.length >= 1);
    // Five test events (sent once each), each by a run of its own; the change's delivery fails each time, so every run
    // ends with its retry waiting (5 s, then 5 minutes).
    for (let sent = 2; sent <= 6; sent++) {
      await adminCall(host, 'webhooks/test', { id: hook.id });
      await hook.until((e) => e.length >= sent);
    }
    // Once the change's delivery has had its second attempt (5 s after the first), it waits five minutes.
    await hook.until((e) => e.filter((entry) => entry.trigger === 'change').length >= 2, 60_000);
    // Until no run of it is left (the queue never drains: the wake-up for the retry waits five minutes).
    const running = () =>
      host.db.prepare(`SELECT COUNT(*) AS n FROM queue_events WHERE queue = 'webhook-deliveries' AND status = 'running'`).get() as { n: number };
    for (let quiet = 0; quiet < 10; quiet = running().n === 0 ? quiet + 1 : 0) await new Promise((resolve) => setTimeout(resolve, 200));
    const wakeUps = (
      host.db.prepare(`SELECT body FROM queue_events WHERE queue = 'webhook-deliveries' AND status = 'pending'`).all() as { body: string }[]
    )
      .map((r) => JSON.parse(r.body) as { webhookId: string })
      .filter((b) => b.webhookId === hook.id);
    expect(wakeUps).toHaveLength(1);
    expect((await pending(hook.id)).map((p) => p.attempt)).toEqual([3]);
    await adminCall(host, 'webhooks/delete', { id: hook.id });
  }, 150_000);
});
