import type { ChangeNotice } from '../../core/changes/change-event';
import { allWaitingEvents } from '../../storage/event-store';
import { noticeOf, publishNotices } from './publish';

/** An event is normally handled within seconds; one still waiting after this lost its notice (a refused push, say). */
export const STALE_AFTER_MS = 60_000;

/**
 * Announces again each project whose oldest waiting change event is stale: one notice per project, whose consumer
 * then handles all of the project's waiting events in order. Reads only waiting events, never handled history.
 */
export async function sweepOutbox(now = Date.now()): Promise<{ waiting: number; announced: number }> {
  const waiting = await allWaitingEvents();
  const oldest = new Map<string, ChangeNotice>();
  for (const event of waiting) if (!oldest.has(event.project.id) && now - event.at > STALE_AFTER_MS) oldest.set(event.project.id, noticeOf(event));
  const announced = await publishNotices([...oldest.values()]);
  if (announced > 0) console.warn(`outbox sweep announced ${announced} project(s) with change events still waiting`);
  return { waiting: waiting.length, announced };
}
