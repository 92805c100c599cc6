import type { ChangeNotice } from '../../core/changes/change-event';
import { allWaitingEvents } from '../../storage/event-store';
import { noticeOf, publishNotices } from './publish';

/**
 * Announces again each project that has change events waiting (their notice was refused, say by Forge's 500 pushes
 * a minute): one notice per project, whose consumer then handles all of the project's waiting events in order. An
 * event normally waits only seconds, so a notice for one already on its way costs one short, idle invocation.
 * Reads only waiting events, never handled history.
 */
export async function sweepOutbox(): Promise<{ waiting: number; announced: number }> {
  const waiting = await allWaitingEvents();
  const oldest = new Map<string, ChangeNotice>();
  for (const event of waiting) if (!oldest.has(event.project.id)) oldest.set(event.project.id, noticeOf(event));
  const announced = await publishNotices([...oldest.values()]);
  if (announced > 0) console.warn(`outbox sweep announced ${announced} project(s) with change events still waiting`);
  return { waiting: waiting.length, announced };
}
