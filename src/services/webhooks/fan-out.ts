import type { ChangeEvent } from '../../core/changes/change-event';
import { messageIdOf } from '../../core/webhooks/delivery-request';
import { orderKey } from '../../core/webhooks/order-key';
import { changeFor } from '../../core/webhooks/payload-for';
import { markHandled, writeWhileWaiting } from '../../storage/event-store';
import type { OutboxCursor } from '../../storage/event-store';
import { ENTITIES } from '../../storage/keys';
import type { MailboxEntry } from '../../storage/mailbox-store';
import { changeDeliveryKey } from '../../storage/mailbox-store';
import type { WebhookRecord } from '../../storage/webhook-store';

/** A transaction holds 25 operations: marking the event handled takes 3 (outbox, event, cursor), a chunk's check 1. */
const WITH_MARK = 22;
const PER_CHUNK = 24;

/** The pending delivery of a change to a webhook; its key makes fanning out again harmless. */
export function deliveryOf(event: ChangeEvent, webhook: WebhookRecord, previous: number, now: number): { key: string; entry: MailboxEntry } {
  return {
    key: changeDeliveryKey(webhook.id, event.project.id, event.sequence),
    entry: {
      webhook: webhook.id,
      order: orderKey(event.at, event.project.id, event.sequence),
      pool: 'all',
      dueAt: now,
      attempt: 1,
      trigger: 'change',
      messageId: messageIdOf(event.id, webhook.id),
      eventId: event.id,
      projectId: event.project.id,
      sequence: event.sequence,
      previous,
      createdAt: now,
    },
  };
}

/**
 * Hands a change to every enabled webhook that wants it, in the same transaction that marks it handled (as the
 * outbox does for values: no change can be lost between the two). Beyond what one transaction holds, the first
 * deliveries are written in chunks that land only while the event is still waiting. Returns the webhooks to wake.
 */
export async function fanOut(
  event: ChangeEvent,
  cursor: OutboxCursor,
  webhooks: readonly WebhookRecord[],
  now: number,
): Promise<{ cursor: OutboxCursor; added: { webhookId: string; key: string }[] }> {
  const deliveries = webhooks
    .filter((w) => w.enabled && changeFor(event, w.filters) !== null)
    .map((w) => deliveryOf(event, w, cursor.lastTo[w.id] ?? 0, now));
  const put = (tx: Parameters<Parameters<typeof writeWhileWaiting>[2]>[0], items: typeof deliveries) => {
    for (const { key, entry } of items) tx.set(key, entry, { entityName: ENTITIES.mailbox });
  };
  const last = deliveries.slice(Math.max(0, deliveries.length - WITH_MARK));
  const first = deliveries.slice(0, deliveries.length - last.length);
  for (let i = 0; i < first.length; i += PER_CHUNK) await writeWhileWaiting(event, cursor, (tx) => put(tx, first.slice(i, i + PER_CHUNK)));
  const added = deliveries.map((d) => ({ webhookId: d.entry.webhook, key: d.key }));
  const next = await markHandled(
    event,
    cursor,
    now,
    added.map((a) => a.webhookId),
    (tx) => put(tx, last),
  );
  return { cursor: next, added };
}
