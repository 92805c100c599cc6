import type { Host } from '../host';
import { messageIdOf } from '../../src/core/webhooks/delivery-request';

export interface Tally {
  committed: number;
  expected: number;
  delivered: number;
  failed: number;
  waiting: number;
  held: number;
  lost: number;
}

const values = (host: Host, sql: string): Record<string, unknown>[] =>
  (host.db.prepare(sql).all() as { value: string }[]).map((r) => JSON.parse(r.value) as Record<string, unknown>);

/**
 * What was committed against where it went. Each change event the store holds (waiting in the outbox or handled), to
 * each webhook, is one expected delivery, named by its webhook-id. It is delivered (the receiver answered it 200),
 * failed (the delivery log recorded it failed for good), or waiting in the mailbox (for a retry; held, if its webhook
 * is off or disabled). Anything else is lost. Read from the platform's side: the store itself, not the app's queries.
 */
export function tally(
  host: Host,
  webhookOf: ReadonlyMap<string, string>,
  delivered: ReadonlyMap<string, ReadonlySet<string>>,
  heldWebhooks: ReadonlySet<string>,
): Tally {
  const events = values(host, `SELECT value FROM kvs_items WHERE key LIKE 'outbox:%' OR key LIKE 'event:%'`).map(
    (v) => (v as { event: { id: string } }).event.id,
  );
  const expected = new Set(events.flatMap((id) => [...webhookOf.values()].map((webhook) => messageIdOf(id, webhook))));
  const got = new Set([...webhookOf].flatMap(([path]) => [...(delivered.get(path) ?? [])]));
  const failed = new Set(
    values(host, `SELECT value FROM kvs_items WHERE ns = 'entity:delivery'`)
      .filter((v) => v.final === true)
      .map((v) => String(v.messageId)),
  );
  const mailbox = values(host, `SELECT value FROM kvs_items WHERE ns = 'entity:mailbox'`);
  const waiting = new Set(mailbox.map((v) => String(v.messageId)));
  const held = mailbox.filter((v) => heldWebhooks.has(String(v.webhook))).length;
  const lost = [...expected].filter((id) => !got.has(id) && !failed.has(id) && !waiting.has(id)).length;
  return {
    committed: events.length,
    expected: expected.size,
    delivered: [...expected].filter((id) => got.has(id)).length,
    failed: [...expected].filter((id) => failed.has(id) && !got.has(id)).length,
    waiting: [...expected].filter((id) => waiting.has(id) && !got.has(id) && !failed.has(id)).length,
    held,
    lost,
  };
}
