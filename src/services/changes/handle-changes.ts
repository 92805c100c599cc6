import { ConcurrentWriteError } from '../../storage/guarded-write';
import { isRateLimited } from '../../storage/kvs-errors';
import { readCursor, waitingEvents } from '../../storage/event-store';
import { listWebhooks } from '../../storage/webhook-store';
import { fanOut } from '../webhooks/fan-out';
import { wakeForDeliveries } from '../webhooks/wake';
import { publishChange } from './publish';

export interface HandleOptions {
  now?: () => number;
  /** The sequence the notice announced: the events up to it are known to be waiting. */
  announced?: number;
  /** When to stop and hand the rest over to a new invocation (the consumer's time limit, less a margin). */
  deadline?: number;
}

/**
 * Handles every waiting change event of a project, in sequence order, each once: handling hands it to the webhooks
 * that want it, in the transaction that moves the project's outbox cursor — conditionally, so of two consumers
 * draining the same project only one handles each event (the other stops). Forge runs queue events in any order;
 * draining the whole project whatever notice came first keeps order. A write that finds events already waiting
 * pushes no notice of its own: its transaction checks the cursor, so it either lands before this drain's last move
 * (and the look after that move sees it) or fails, retries, and finds nothing waiting. The webhooks that got
 * deliveries are woken once. Refused by Forge's KVS rate limits, it stops and says so: its consumer asks to be
 * run again a little later (the events wait in the outbox meanwhile).
 */
export async function handleWaitingChanges(projectId: string, options: HandleOptions = {}): Promise<{ handled: number; rateLimited: boolean }> {
  const now = options.now ?? Date.now;
  let cursor = await readCursor(projectId);
  const start = cursor.handled;
  const woken = new Map<string, string[]>();
  let rateLimited = false;
  let firstKey: string | undefined;
  try {
    let waiting = await waitingEvents(projectId, cursor.handled, options.announced);
    const webhooks = waiting.length > 0 ? await listWebhooks() : [];
    drain: while (waiting.length > 0) {
      firstKey ??= waiting[0]?.project.key;
      for (let i = 0; i < waiting.length;) {
        if (options.deadline !== undefined && now() > options.deadline) {
          await publishChange(waiting[i]!);
          break drain;
        }
        const result = await fanOut(waiting.slice(i), cursor, webhooks, now());
        for (const { entry, key } of result.added) woken.set(entry.webhook, [...(woken.get(entry.webhook) ?? []), key]);
        cursor = result.cursor;
        i += result.handled;
      }
      // Once more after the last move: a write that committed while this drain ran, having found events waiting,
      // pushed no notice; it is in the outbox now, or its transaction will fail on the moved cursor and notify.
      waiting = await waitingEvents(projectId, cursor.handled);
    }
  } catch (error) {
    // Another consumer moved the cursor first (it drains the rest), or Forge's rate limit: stop here.
    if (isRateLimited(error)) rateLimited = true;
    else if (!(error instanceof ConcurrentWriteError)) throw error;
  }
  const count = cursor.handled - start;
  if (count > 0)
    console.info(`project ${firstKey ?? projectId}: handled #${start + 1}–#${cursor.handled} (${count} change(s)) for ${woken.size} webhook(s)`);
  if (woken.size > 0) await wakeForDeliveries(woken, now());
  return { handled: count, rateLimited };
}
