import { deleteLogEntries, logKeysBeyond } from '../../storage/delivery-log';
import { dueEntries } from '../../storage/mailbox-store';
import { readWebhookStates } from '../../storage/webhook-state-store';
import { listWebhooks } from '../../storage/webhook-store';
import { wakeWebhooks } from './wake';

/**
 * Scheduled: wakes every webhook with a delivery due (a retry waiting longer than a queue event can be delayed,
 * 900 s; or a wake-up that was refused or is throttled) — except those whose deliveries are held. Returns how many.
 */
export async function wakeDueWebhooks(now = Date.now()): Promise<number> {
  const due = await dueEntries(now);
  if (due.length === 0) return 0;
  const records = await listWebhooks();
  const states = await readWebhookStates(records.map((r) => r.id));
  const active = new Set(records.filter((r) => r.enabled && (states.get(r.id)?.disabledReason ?? null) === null).map((r) => r.id));
  const ids = [...new Set(due.map((d) => d.entry.webhook))].filter((id) => active.has(id));
  return wakeWebhooks(ids);
}

/** Keeps each webhook's log to its newest entries (the 7 days are a TTL). Returns how many entries went. */
export async function pruneLogs(): Promise<number> {
  let pruned = 0;
  for (const webhook of await listWebhooks()) {
    const keys = await logKeysBeyond(webhook.id);
    await deleteLogEntries(keys);
    pruned += keys.length;
  }
  return pruned;
}
