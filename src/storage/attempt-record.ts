import { kvs } from '@forge/kvs';
import type { DeliveryLogEntry } from '../contract/webhooks';
import type { WebhookState } from '../core/webhooks/delivery-state';
import { logWrite } from './delivery-log';
import { ENTITIES, KEYS } from './keys';
import type { MailboxEntry } from './mailbox-store';

export interface AttemptRecord {
  log: DeliveryLogEntry;
  entryKey: string;
  /** The delivery's next attempt; null once it is settled. */
  next: MailboxEntry | null;
}

/** A transaction holds 25 operations: the webhook's state takes 1, each attempt 2 (its log entry, its delivery). */
export const ATTEMPTS_PER_WRITE = 12;

/**
 * What attempts leave behind, in one KVS transaction (Forge bills it as one write): each one's log entry and its
 * pending delivery — gone when settled, moved on to its next attempt when it will be retried — and the webhook's state
 * after them (last execution and status, health). At most ATTEMPTS_PER_WRITE attempts.
 */
export async function recordAttempts(webhookId: string, state: WebhookState, records: readonly AttemptRecord[]): Promise<void> {
  if (records.length === 0) return;
  if (records.length > ATTEMPTS_PER_WRITE) throw new Error(`recordAttempts: at most ${ATTEMPTS_PER_WRITE} attempts per write`);
  const tx = kvs.transact();
  for (const record of records) {
    const log = logWrite(record.log);
    tx.set(log.key, log.value, { entityName: log.entityName }, { ttl: log.ttl });
    if (record.next) tx.set(record.entryKey, record.next, { entityName: ENTITIES.mailbox });
    else tx.delete(record.entryKey, { entityName: ENTITIES.mailbox });
  }
  tx.set(KEYS.webhookState(webhookId), state);
  await tx.execute();
}
