import type { ChangeEvent } from '../../core/changes/change-event';
import { formatPayload } from '../../core/payload/format-payload';
import { webhookBody } from '../../core/payload/payload-schema';
import { handledUpTo, markHandled, waitingEvents } from '../../storage/event-store';
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
 */
export async function handleWaitingChanges(projectId: string, options: HandleOptions = {}): Promise<number> {
  const now = options.now ?? Date.now;
  let handled = await handledUpTo(projectId);
  let count = 0;
  for (const event of await waitingEvents(projectId)) {
    if (event.sequence <= handled) continue;
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
