import { z } from 'zod';

const changeEvent = z.looseObject({ projectId: z.string(), changedAt: z.number() });

/** Consumer of the project-changes queue: one change event per write of project field values. */
export function onChangeEvent(asyncEvent: unknown): void {
  const { body } = z.object({ body: changeEvent }).parse(asyncEvent);
  console.info(`change event for project ${body.projectId} at ${new Date(body.changedAt).toISOString()}`);
}
