import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../local/host';
import type { SandboxServer } from '../../local/server/sandbox-server';
import { stopAppHost } from './support/app-host';
import { adminCall, startReceiverHost, deliverTo, pendingDeliveries, RECEIVER, received, waitFor } from './support/webhook-host';

let host: Host;
let server: SandboxServer;

beforeAll(async () => {
  ({ host, server } = await startReceiverHost());
});
afterAll(() => stopAppHost({ host, server }));

describe("a webhook's wake-ups", () => {
  it('runs that end with retries waiting ask for one wake-up between them, not one each', async () => {
    const hook = await deliverTo(host, `${RECEIVER}/hooks/1/status/503`, 'Probe');
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
    expect((await pendingDeliveries(host, hook.id)).map((p) => p.attempt)).toEqual([3]);
    await adminCall(host, 'webhooks/delete', { id: hook.id });
  }, 150_000);

  it("an admin's test event reaches a worker that cannot see it in its mailbox yet", async () => {
    // Queries a minute behind (the most the host allows): the mailbox query shows no new delivery for the whole test
    // (nor does the delivery log, so the receiver is asked), and only a wake-up that names its delivery gets it sent
    // before the scheduled maintenance, five minutes on.
    const lagging = await startReceiverHost({ queryLagMs: 60_000 });
    try {
      const created = await adminCall(lagging.host, 'webhooks/create', { name: 'Lagging', url: `${RECEIVER}/hooks/lagging` });
      const id = (created as { webhook: { id: string } }).webhook.id;
      await adminCall(lagging.host, 'webhooks/test', { id });
      const got = await waitFor(
        () => Promise.resolve(received(lagging.server, '/hooks/lagging')),
        (requests) => requests.length >= 1,
      );
      expect(got.map((r) => (JSON.parse(r.body) as { data: { test?: boolean } }).data.test)).toEqual([true]);
    } finally {
      await stopAppHost(lagging);
    }
  }, 150_000);
});
