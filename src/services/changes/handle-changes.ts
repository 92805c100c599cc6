import { ConcurrentWriteError } from '../../storage/guarded-write';
import { waitingEvents } from '../../storage/event-store';
import { listWebhooks } from '../../storage/webhook-store';
import { fanOut } from '../webhooks/fan-out';
import { wakeWebhooks } from '../webhooks/wake';
import { publishChange } from './publish';

export interface HandleOptions {
  now?: () => number;
  /** When to stop and hand the rest over to a new invocation (the consumer's time limit, less a margin). */
  deadline?: number;
}

/**
 * Handles every waiting change event of a project, in sequence order, each once: handling hands it to the webhooks
 * that want it, in the transaction that moves the project's outbox cursor — conditionally, so of two consumers
 * draining the same project only one handles each event (the other stops). Forge runs queue events in any order;
 * draining the whole project whatever notice came first keeps order. A write that finds events already waiting
 * pushes no notice of its own: its transaction checks the cursor, so it either lands before this drain's last move
 * (and is seen by it) or fails, retries, and finds nothing waiting. The webhooks that got deliveries are woken once.
 */
export async function handleWaitingChanges(projectId: string, options: HandleOptions = {}): Promise<number> {
  const now = options.now ?? Date.now;
  const waiting = await waitingEvents(projectId);
  const first = waiting[0];
  if (!first) return 0;
  const webhooks = await listWebhooks();
  // Handling an event removes it from the outbox as the cursor moves to it: the first waiting one follows the cursor.
  let handled = first.sequence - 1;
  const woken = new Set<string>();
  for (const event of waiting) {
    if (options.deadline !== undefined && now() > options.deadline) {
      await publishChange(event);
      break;
    }
    try {
      for (const id of await fanOut(event, handled, webhooks, now())) woken.add(id);
    } catch (error) {
      if (error instanceof ConcurrentWriteError) break;
      throw error;
    }
    handled = event.sequence;
  }
  const count = handled - (first.sequence - 1);
  if (count > 0) console.info(`project ${first.project.key}: handled #${first.sequence}–#${handled} (${count} change(s)) for ${woken.size} webhook(s)`);
  await wakeWebhooks([...woken]);
  return count;
}
