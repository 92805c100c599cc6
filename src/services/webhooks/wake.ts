import { Queue } from '@forge/events';

export const DELIVERY_QUEUE = 'webhook-deliveries';
const queue = new Queue({ key: DELIVERY_QUEUE });
/** Forge runs queue events 0–900 s after their push (docs/forge-platform.md, "Async events"). */
export const MAX_WAKE_DELAY_S = 900;
/**
 * A wake-up names the deliveries just added (the newest, up to this many): the worker reads them by key, strictly
 * consistently, since the mailbox's query may not show them yet.
 */
export const MAX_HINTS = 50;

/**
 * "Webhook W has work": one queue event per webhook, with the webhook as its concurrency key and a limit of 1, so that
 * one worker at a time drains a mailbox. Events throttled by the key wait (minutes, in any order); a worker looks at
 * its mailbox once more before it ends, and the scheduled maintenance wakes any webhook with deliveries due, so no
 * delivery depends on a throttled event. A refused push is logged, never thrown: the maintenance covers it.
 */
export async function wakeWebhooks(
  webhookIds: readonly string[],
  delaySeconds = 0,
  hints: ReadonlyMap<string, readonly string[]> = new Map(),
): Promise<number> {
  const unique = [...new Set(webhookIds)];
  let pushed = 0;
  for (let i = 0; i < unique.length; i += 50) {
    const batch = unique.slice(i, i + 50);
    try {
      await queue.push(
        batch.map((webhookId) => ({
          body: { webhookId, ...(hints.has(webhookId) ? { keys: hints.get(webhookId)?.slice(-MAX_HINTS) } : {}) },
          concurrency: { key: `webhook-${webhookId}`, limit: 1 },
          ...(delaySeconds > 0 ? { delayInSeconds: Math.min(MAX_WAKE_DELAY_S, Math.ceil(delaySeconds)) } : {}),
        })),
      );
      pushed += batch.length;
    } catch (error) {
      console.warn(`could not wake ${batch.length} webhook worker(s); the scheduled maintenance will`, error);
    }
  }
  return pushed;
}
