import type { ChangeEvent } from '../../core/changes/change-event';
import { formatPayload } from '../../core/payload/format-payload';
import { webhookBody } from '../../core/payload/payload-schema';
import { markHandled, waitingEvents } from '../../storage/event-store';
import { ConcurrentWriteError } from '../../storage/guarded-write';
import { publishChange } from './publish';

export interface HandleOptions {
  now?: () => number;
  /** When to stop and hand the rest over to a new invocation (the consumer's time limit, less a margin). */
  deadline?: number;
}

/** What handling an event does; webhook delivery builds on this. */
function handle(event: ChangeEvent): void {
  const payload = webhookBody.parse(formatPayload(event));
  console.info(
    `project ${payload.data.project.key} #${event.sequence}: ${payload.data.fields.length} field(s) changed by ${payload.data.user ?? 'Jira'}`,
  );
}

/**
 * Handles every waiting change event of a project, in sequence order, each once: the move of the project's outbox
 * cursor is conditional, so of two consumers draining the same project only one handles each event (the other
 * stops). Forge runs queue events in any order; draining the whole project whatever notice came first keeps order.
 * A write that finds events already waiting pushes no notice of its own: its transaction checks the cursor, so it
 * either lands before this drain's last move (and is seen by it) or fails, retries, and finds nothing waiting.
 */
export async function handleWaitingChanges(projectId: string, options: HandleOptions = {}): Promise<number> {
  const now = options.now ?? Date.now;
  const waiting = await waitingEvents(projectId);
  // Handling an event removes it from the outbox as the cursor moves to it: the first waiting one follows the cursor.
  let handled = (waiting[0]?.sequence ?? 1) - 1;
  let count = 0;
  for (const event of waiting) {
    if (options.deadline !== undefined && now() > options.deadline) {
      await publishChange(event);
      break;
    }
    handle(event);
    try {
      await markHandled(event, handled, now());
    } catch (error) {
      if (error instanceof ConcurrentWriteError) break;
      throw error;
    }
    handled = event.sequence;
    count++;
  }
  return count;
}
