import { Queue } from '@forge/events';
import { decideWake, markAfter } from '../../core/webhooks/wake-window';
import type { WakeMark } from '../../core/webhooks/wake-window';
import { readWakeMarks, saveWakeMarks } from '../../storage/wake-marks';

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
  return (await pushWakes(webhookIds, delaySeconds, hints)).length;
}

/** Pushes the wake-ups, 50 to a request; answers the webhooks whose wake-up was accepted. */
async function pushWakes(webhookIds: readonly string[], delaySeconds: number, hints: ReadonlyMap<string, readonly string[]>): Promise<string[]> {
  const unique = [...new Set(webhookIds)];
  const pushed: string[] = [];
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
      pushed.push(...batch);
    } catch (error) {
      console.warn(`could not wake ${batch.length} webhook worker(s); the scheduled maintenance will`, error);
    }
  }
  return pushed;
}

/**
 * Wakes the workers of webhooks that just got deliveries (named in `added`), at most twice per window each (see
 * core/webhooks/wake-window.ts): at once, or just after the window, or not at all when a wake-up after this
 * window is already on its way. Without the marks (Forge refused the read), every webhook is woken at once. `known`:
 * the marks, when the caller just read them with its own reads.
 */
export async function wakeForDeliveries(
  added: ReadonlyMap<string, readonly string[]>,
  now = Date.now(),
  known?: ReadonlyMap<string, WakeMark>,
): Promise<number> {
  const ids = [...added.keys()];
  const marks =
    known ??
    (await readWakeMarks(ids).catch((error: unknown) => {
      console.warn('could not read the wake marks; waking every worker at once', error);
      return new Map<string, WakeMark>();
    }));
  const decisions = new Map(ids.map((id) => [id, decideWake(marks.get(id), now)]));
  const pick = (kind: 'now' | 'trailing') => ids.filter((id) => decisions.get(id)?.push === kind);
  const trailing = pick('trailing');
  const delayMs = Math.max(
    ...trailing.map((id) => {
      const d = decisions.get(id);
      return d?.push === 'trailing' ? d.delayMs : 0;
    }),
    0,
  );
  const pushed = [...(await pushWakes(pick('now'), 0, added)), ...(await pushWakes(trailing, delayMs / 1000, added))];
  const kept = new Map<string, WakeMark>();
  for (const id of pushed) {
    const mark = markAfter(decisions.get(id) ?? { push: 'none' }, now);
    if (mark) kept.set(id, mark);
  }
  await saveWakeMarks(kept).catch((error: unknown) =>
    console.warn('could not keep the wake marks; the next deliveries wake their workers again', error),
  );
  return pushed.length;
}
