import { getAppContext } from '@forge/api';
import { z } from 'zod';
import { changeNotice } from '../core/changes/change-event';
import { handleWaitingChanges } from '../services/changes/handle-changes';

// Stop with a margin before the consumer's time limit (docs/forge-platform.md, "Function time and size").
const MARGIN_MS = 10_000;

/**
 * Consumer of the project-changes queue. The queue delivers at least once and in any order; the notice only names
 * the project, whose waiting events are then handled in order, each once.
 */
export async function onChangeEvent(asyncEvent: unknown): Promise<void> {
  const { body } = z.object({ body: changeNotice }).parse(asyncEvent);
  const deadline = Date.now() + getAppContext().invocationRemainingTimeInMillis() - MARGIN_MS;
  const handled = await handleWaitingChanges(body.projectId, { deadline });
  if (handled === 0) console.info(`project ${body.projectId}: nothing waiting (event ${body.eventId} was already handled)`);
}
