import { Queue } from '@forge/events';
import type { ChangeEvent, ChangeNotice } from '../../core/changes/change-event';

export const CHANGES_QUEUE = 'project-changes';
const queue = new Queue({ key: CHANGES_QUEUE });

/**
 * Tells the consumer a stored event is waiting. A failed push loses nothing: the event stays unhandled
 * in KVS and the scheduled sweep announces it again.
 */
export async function publishChange(event: ChangeEvent): Promise<boolean> {
  const notice: ChangeNotice = { eventId: event.id, projectId: event.project.id };
  try {
    await queue.push([{ body: notice }]);
    return true;
  } catch (error) {
    console.error(`could not push change event ${event.id}; it stays unhandled until the sweep`, error);
    return false;
  }
}
