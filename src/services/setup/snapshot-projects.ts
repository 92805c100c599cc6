import { Queue } from '@forge/events';
import { z } from 'zod';
import { searchProjects } from '../../jira/projects';
import { recordSnapshotsProgress } from '../../storage/setup-store';
import { syncJiraProject } from '../changes/sync-jira-project';

export const SNAPSHOT_QUEUE = 'project-snapshots';
const queue = new Queue({ key: SNAPSHOT_QUEUE });
export const snapshotTask = z.object({ startAt: z.number().int().nonnegative(), startedAt: z.number() });
export type SnapshotTask = z.infer<typeof snapshotTask>;

/** Starts the first snapshot of every project's Jira attributes, a page of projects per queue event. */
export async function startProjectSnapshots(now: number): Promise<void> {
  await recordSnapshotsProgress({ startedAt: now });
  await queue.push([{ body: { startAt: 0, startedAt: now } satisfies SnapshotTask }]);
}

/**
 * Snapshots one page of projects, then queues the next page: however many projects a site has, the first
 * change of each after install is already a diff (a consumer may run 15 minutes; a trigger only 25 s).
 * The last page records that the snapshots are done.
 */
export async function snapshotProjectPage(task: SnapshotTask): Promise<number> {
  const { values, isLast } = await searchProjects('app', { startAt: task.startAt });
  for (const project of values) await syncJiraProject(project.id);
  if (isLast === false && values.length > 0) await queue.push([{ body: { startAt: task.startAt + values.length, startedAt: task.startedAt } }]);
  else await recordSnapshotsProgress({ startedAt: task.startedAt, doneAt: Date.now() });
  return values.length;
}
