import { kvs } from '@forge/kvs';
import type { DeliveryLogEntry } from '../contract/webhooks';
import type { WebhookState } from '../core/webhooks/delivery-state';
import { logWrite } from './delivery-log';
import { ENTITIES, KEYS } from './keys';
import type { MailboxEntry } from './mailbox-store';

/**
 * Everything one attempt leaves behind, in one KVS transaction (Forge bills it as one write): its log entry, the
 * webhook's state (last execution and status, health), and its pending delivery — gone when settled, moved on to its
 * next attempt when it will be retried.
 */
export async function recordAttempt(record: {
  log: DeliveryLogEntry;
  webhookId: string;
  state: WebhookState;
  entryKey: string;
  next: MailboxEntry | null;
}): Promise<void> {
  const tx = kvs.transact();
  const log = logWrite(record.log);
  tx.set(log.key, log.value, { entityName: log.entityName }, { ttl: log.ttl });
  tx.set(KEYS.webhookState(record.webhookId), record.state);
  if (record.next) tx.set(record.entryKey, record.next, { entityName: ENTITIES.mailbox });
  else tx.delete(record.entryKey, { entityName: ENTITIES.mailbox });
  await tx.execute();
}
