import type { ChangeEvent } from '../../core/changes/change-event';
import { messageIdOf } from '../../core/webhooks/delivery-request';
import { orderKey } from '../../core/webhooks/order-key';
import { changeFor } from '../../core/webhooks/payload-for';
import { formatPayload } from '../../core/payload/format-payload';
import { markHandled, writeWhileWaiting } from '../../storage/event-store';
import type { OutboxCursor } from '../../storage/event-store';
import { ENTITIES } from '../../storage/keys';
import type { MailboxEntry } from '../../storage/mailbox-store';
import { changeDeliveryKey } from '../../storage/mailbox-store';
import type { WebhookRecord } from '../../storage/webhook-store';

/** A transaction holds 25 operations: the cursor takes 1; each event 2 (out of the outbox, into the handled events). */
const MAX_OPERATIONS = 25;
const PER_EVENT = 2;
const PER_CHUNK = MAX_OPERATIONS - 1;

export type Delivery = { key: string; entry: MailboxEntry };

/**
 * Bodies up to this size are made once, when the change is handed over, and kept in the delivery: a worker then reads
 * nothing more to send it (reads are billed, and limited to 4,000 units a minute per site). A larger change is read
 * from the handled events when it is sent.
 */
export const INLINE_BODY_BYTES = 8 * 1024;

/** The pending delivery of a change (as this webhook wants it) to a webhook; its key makes fanning out again harmless. */
export function deliveryOf(event: ChangeEvent, webhook: WebhookRecord, change: ChangeEvent, previous: number, now: number): Delivery {
  const body = JSON.stringify(formatPayload(change));
  const content = Buffer.byteLength(body, 'utf8') <= INLINE_BODY_BYTES ? { body } : { fieldIds: change.changes.map((c) => c.field.id) };
  return {
    key: changeDeliveryKey(webhook.id, event.project.id, event.sequence),
    entry: {
      ...content,
      projectKey: event.project.key,
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
 * Hands consecutive changes of one project to every enabled webhook that wants each, in the same transaction that
 * marks them handled (as the outbox does for values: no change can be lost between the two) — as many changes as one
 * transaction holds, so a burst costs few writes and few moves of the cursor. A change with more deliveries than a
 * transaction holds goes alone, its first deliveries written in chunks that land only while it is still waiting.
 * Returns the cursor after them, how many were handled, and the deliveries added.
 */
export async function fanOut(
  events: readonly ChangeEvent[],
  cursor: OutboxCursor,
  webhooks: readonly WebhookRecord[],
  now: number,
): Promise<{ cursor: OutboxCursor; handled: number; added: Delivery[] }> {
  const batch: ChangeEvent[] = [];
  const added: Delivery[] = [];
  const next: OutboxCursor = { handled: cursor.handled, lastTo: { ...cursor.lastTo } };
  let operations = 1;
  for (const event of events) {
    const deliveries = webhooks.flatMap((w) => {
      const change = w.enabled ? changeFor(event, w.filters) : null;
      return change ? [deliveryOf(event, w, change, next.lastTo[w.id] ?? 0, now)] : [];
    });
    if (batch.length > 0 && operations + PER_EVENT + deliveries.length > MAX_OPERATIONS) break;
    batch.push(event);
    added.push(...deliveries);
    operations += PER_EVENT + deliveries.length;
    next.handled = event.sequence;
    for (const d of deliveries) next.lastTo[d.entry.webhook] = event.sequence;
    if (operations > MAX_OPERATIONS) break;
  }
  // Only a change alone can go over: its first deliveries are written ahead, while it is still waiting.
  const inline = added.slice(Math.max(0, added.length - (MAX_OPERATIONS - 1 - PER_EVENT * batch.length)));
  const ahead = added.slice(0, added.length - inline.length);
  const first = batch[0];
  if (!first) return { cursor, handled: 0, added: [] };
  const put = (tx: Parameters<Parameters<typeof writeWhileWaiting>[2]>[0], items: Delivery[]) => {
    for (const { key, entry } of items) tx.set(key, entry, { entityName: ENTITIES.mailbox });
  };
  for (let i = 0; i < ahead.length; i += PER_CHUNK) await writeWhileWaiting(first, cursor, (tx) => put(tx, ahead.slice(i, i + PER_CHUNK)));
  await markHandled(batch, cursor, next, now, (tx) => put(tx, inline));
  return { cursor: next, handled: batch.length, added };
}
