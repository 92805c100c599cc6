import type { ChangeNotice } from '../../core/changes/change-event';
import { allWaitingEvents, readCursors } from '../../storage/event-store';
import { noticeOf, publishNotices } from './publish';

/**
 * Announces again each project that has change events waiting (their notice was refused, say by Forge's 500 pushes
 * a minute): a notice names up to 20 projects, whose consumer then handles each one's waiting events in order. An
 * event normally waits only seconds, so a notice for one already on its way costs one short, idle invocation.
 * Reads only waiting events, never handled history; since the listing is a query, which may lag, each project it
 * names is checked against its cursor (read by key) before it is announced.
 */
export async function sweepOutbox(): Promise<{ waiting: number; announced: number }> {
  const waiting = await allWaitingEvents();
  const oldest = new Map<string, ChangeNotice>();
  for (const event of waiting) if (!oldest.has(event.project.id)) oldest.set(event.project.id, noticeOf(event));
  const cursors = await readCursors([...oldest.keys()]);
  const stillWaiting = [...oldest.values()].filter((notice) => (cursors.get(notice.projectId)?.handled ?? 0) < notice.sequence);
  const announced = await publishNotices(stillWaiting);
  if (announced > 0) console.warn(`outbox sweep announced ${announced} project(s) with change events still waiting`);
  return { waiting: waiting.length, announced };
}
