import type { ChangeEvent } from '../../core/changes/change-event';
import { messageIdOf } from '../../core/webhooks/delivery-request';
import { orderKey } from '../../core/webhooks/order-key';
import { changeFor } from '../../core/webhooks/payload-for';
import { formatPayload } from '../../core/payload/format-payload';
import { markHandled, writeWhileWaiting } from '../../storage/event-store';
import type { HandledPart, OutboxCursor } from '../../storage/event-store';
import { ENTITIES } from '../../storage/keys';
import type { MailboxEntry } from '../../storage/mailbox-store';
import { changeDeliveryKey } from '../../storage/mailbox-store';
import type { WebhookRecord } from '../../storage/webhook-store';

/**
 * A transaction holds 25 operations: each project's cursor takes 1; each event 2 (out of the outbox, into the handled
 * events); each delivery 1.
 */
const MAX_OPERATIONS = 25;
const PER_PROJECT = 1;
const PER_EVENT = 2;
const PER_CHUNK = MAX_OPERATIONS - 1;

export type Delivery = { key: string; entry: MailboxEntry };

/**
 * Bodies up to this size are made once, when the change is handed over, and kept in the delivery: a worker then reads
 * nothing more to send it (reads are billed, and limited to 4,000 units a minute per site). A larger change is read
 * from the handled events when it is sent.
 */
export const INLINE_BODY_BYTES = 8 * 1024;

/**
 * The pending delivery of a change (as this webhook wants it, `body` made from it) to a webhook; its key makes fanning
 * out again harmless.
 */
export function deliveryOf(event: ChangeEvent, webhook: WebhookRecord, change: ChangeEvent, previous: number, now: number, body: string): Delivery {
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

/** The deliveries of one change to the webhooks that want it; `lastTo` says each webhook's previous change of the project. */
function deliveriesOf(event: ChangeEvent, webhooks: readonly WebhookRecord[], lastTo: Record<string, number>, now: number): Delivery[] {
  // Webhooks with the same filters get the same body: it is made once.
  const bodies = new Map<string, string>();
  return webhooks.flatMap((w) => {
    const change = w.enabled ? changeFor(event, w.filters) : null;
    if (!change) return [];
    const filters = JSON.stringify(w.filters);
    const body = bodies.get(filters) ?? JSON.stringify(formatPayload(change));
    bodies.set(filters, body);
    return [deliveryOf(event, w, change, lastTo[w.id] ?? 0, now, body)];
  });
}

/** A project's waiting changes, in sequence order, and its cursor as read. */
export interface WaitingBatch {
  events: readonly ChangeEvent[];
  cursor: OutboxCursor;
}

export interface HandedOver {
  projectId: string;
  /** The project's cursor after the changes handled. */
  cursor: OutboxCursor;
  handled: number;
  added: Delivery[];
}

type Taken = { part: HandledPart; deliveries: Delivery[]; operations: number };

/** As many of a project's first waiting changes as fit in `room` operations, with their deliveries (none if the first does not). */
function take(batch: WaitingBatch, webhooks: readonly WebhookRecord[], now: number, room: number): Taken | undefined {
  const next: OutboxCursor = { handled: batch.cursor.handled, lastTo: { ...batch.cursor.lastTo } };
  const events: ChangeEvent[] = [];
  const deliveries: Delivery[] = [];
  let operations = PER_PROJECT;
  for (const event of batch.events) {
    const own = deliveriesOf(event, webhooks, next.lastTo, now);
    if (operations + PER_EVENT + own.length > room) break;
    events.push(event);
    deliveries.push(...own);
    operations += PER_EVENT + own.length;
    next.handled = event.sequence;
    for (const d of own) next.lastTo[d.entry.webhook] = event.sequence;
  }
  return events.length > 0 ? { part: { events, cursor: batch.cursor, next }, deliveries, operations } : undefined;
}

const put = (tx: Parameters<Parameters<typeof writeWhileWaiting>[2]>[0], items: readonly Delivery[]) => {
  for (const { key, entry } of items) tx.set(key, entry, { entityName: ENTITIES.mailbox });
};

const handedOver = ({ part, deliveries }: Taken): HandedOver => ({
  projectId: part.events[0]?.project.id ?? '',
  cursor: part.next,
  handled: part.events.length,
  added: deliveries,
});

/**
 * Hands waiting changes of one or more projects to every enabled webhook that wants each, in the same transaction that
 * marks them handled (as the outbox does for values: no change can be lost between the two) — as many changes, of as
 * many projects, as one transaction holds, so a burst or an import costs few writes. A change with more deliveries
 * than a transaction holds goes alone, its first deliveries written in chunks that land only while it is still
 * waiting. Answers, for each project it handled changes of, its cursor after them, how many, and the deliveries added;
 * throws ConcurrentWriteError (naming the cursors that moved) when another consumer handled some first.
 */
export async function fanOut(batches: readonly WaitingBatch[], webhooks: readonly WebhookRecord[], now: number): Promise<HandedOver[]> {
  const taken: Taken[] = [];
  let operations = 0;
  for (const batch of batches) {
    const part = take(batch, webhooks, now, MAX_OPERATIONS - operations);
    if (!part) continue;
    taken.push(part);
    operations += part.operations;
  }
  if (taken.length > 0) {
    await markHandled(
      taken.map((t) => t.part),
      now,
      (tx) =>
        put(
          tx,
          taken.flatMap((t) => t.deliveries),
        ),
    );
    return taken.map(handedOver);
  }
  const alone = batches.find((b) => b.events.length > 0);
  return alone ? [await fanOutAlone(alone, webhooks, now)] : [];
}

/** A change whose deliveries do not fit one transaction: the first ones written ahead, while it is still waiting. */
async function fanOutAlone(batch: WaitingBatch, webhooks: readonly WebhookRecord[], now: number): Promise<HandedOver> {
  const [event] = batch.events;
  if (!event) throw new Error('fanOutAlone: no change');
  const deliveries = deliveriesOf(event, webhooks, batch.cursor.lastTo, now);
  const next: OutboxCursor = { handled: event.sequence, lastTo: { ...batch.cursor.lastTo } };
  for (const d of deliveries) next.lastTo[d.entry.webhook] = event.sequence;
  const inline = deliveries.slice(Math.max(0, deliveries.length - (MAX_OPERATIONS - PER_PROJECT - PER_EVENT)));
  const ahead = deliveries.slice(0, deliveries.length - inline.length);
  for (let i = 0; i < ahead.length; i += PER_CHUNK) await writeWhileWaiting(event, batch.cursor, (tx) => put(tx, ahead.slice(i, i + PER_CHUNK)));
  const part = { events: [event], cursor: batch.cursor, next };
  await markHandled([part], now, (tx) => put(tx, inline));
  return handedOver({ part, deliveries, operations: 0 });
}
