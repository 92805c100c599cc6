import { Queue } from '@forge/events';
import { groupNotices } from '../../core/changes/change-event';
import type { ChangeEvent, ChangeNotice } from '../../core/changes/change-event';

export const CHANGES_QUEUE = 'project-changes';
const queue = new Queue({ key: CHANGES_QUEUE });
/** Forge takes at most 50 events per push (docs/forge-platform.md, "Async events"). */
const MAX_EVENTS_PER_PUSH = 50;

export const noticeOf = (event: ChangeEvent): ChangeNotice => ({ projectId: event.project.id, eventId: event.id, sequence: event.sequence });

/**
 * Tells the consumer that projects have change events waiting, several projects to a queue event (see groupNotices).
 * A failed push (Forge's 500 events a minute, say) loses nothing: the events wait in the outbox, the next notice of
 * the same project handles them too, and the scheduled sweep announces what is still waiting. Returns how many
 * projects were announced.
 */
export async function publishNotices(notices: readonly ChangeNotice[]): Promise<number> {
  const bodies = groupNotices(notices);
  let announced = 0;
  for (let i = 0; i < bodies.length; i += MAX_EVENTS_PER_PUSH) {
    const batch = bodies.slice(i, i + MAX_EVENTS_PER_PUSH);
    const projects = batch.reduce((sum, body) => sum + body.projects.length, 0);
    try {
      await queue.push(batch.map((body) => ({ body })));
      announced += projects;
    } catch (error) {
      console.warn(`could not announce ${projects} project change notice(s); they wait in the outbox for the sweep`, error);
      break;
    }
  }
  return announced;
}
