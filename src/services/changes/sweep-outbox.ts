import type { ChangeNotice } from '../../core/changes/change-event';
import { allWaitingEvents, readCursor } from '../../storage/event-store';
import { noticeOf, publishNotices } from './publish';

/**
 * Announces again each project that has change events waiting (their notice was refused, say by Forge's 500 pushes
 * a minute): one notice per project, whose consumer then handles all of the project's waiting events in order. An
 * event normally waits only seconds, so a notice for one already on its way costs one short, idle invocation.
 * Reads only waiting events, never handled history; since the listing is a query, which may lag, each project it
 * names is checked against its cursor (read by key) before it is announced.
 */
export async function sweepOutbox(): Promise<{ waiting: number; announced: number }> {
  const waiting = await allWaitingEvents();
  const oldest = new Map<string, ChangeNotice>();
  for (const event of waiting) if (!oldest.has(event.project.id)) oldest.set(event.project.id, noticeOf(event));
  const stillWaiting: ChangeNotice[] = [];
  for (const notice of oldest.values()) if ((await readCursor(notice.projectId)).handled < notice.sequence) stillWaiting.push(notice);
  const announced = await publishNotices(stillWaiting);
  if (announced > 0) console.warn(`outbox sweep announced ${announced} project(s) with change events still waiting`);
  return { waiting: waiting.length, announced };
}
