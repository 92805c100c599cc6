import { z } from 'zod';
import { changeNotice } from '../core/changes/change-event';
import { formatPayload } from '../core/payload/format-payload';
import { webhookBody } from '../core/payload/payload-schema';
import { markHandled, readEvent } from '../storage/event-store';

/**
 * Consumer of the project-changes queue. The queue delivers at least once, so the stored event decides:
 * unhandled → handle it and mark it; handled (or expired) → nothing to do.
 */
export async function onChangeEvent(asyncEvent: unknown): Promise<void> {
  const { body } = z.object({ body: changeNotice }).parse(asyncEvent);
  const stored = await readEvent(body.eventId);
  if (!stored || stored.handledAt !== null) {
    console.info(`change event ${body.eventId} was already handled`);
    return;
  }
  const payload = webhookBody.parse(formatPayload(stored.event));
  console.info(`project ${payload.data.project.key}: ${payload.data.fields.length} field(s) changed by ${payload.data.user ?? 'Jira'}`);
  await markHandled(stored, Date.now());
}
