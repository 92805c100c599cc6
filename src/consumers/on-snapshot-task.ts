import { z } from 'zod';
import { snapshotProjectPage, snapshotTask } from '../services/setup/snapshot-projects';

/** Consumer of the project-snapshots queue: one page of projects per event. */
export async function onSnapshotTask(asyncEvent: unknown): Promise<void> {
  const { body } = z.object({ body: snapshotTask }).parse(asyncEvent);
  await snapshotProjectPage(body);
}
