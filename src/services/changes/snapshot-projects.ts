import { asApp, route } from '@forge/api';
import { Queue } from '@forge/events';
import { z } from 'zod';
import { syncJiraProject } from './sync-jira-project';

export const SNAPSHOT_QUEUE = 'project-snapshots';
const PAGE_SIZE = 50;
const queue = new Queue({ key: SNAPSHOT_QUEUE });
const page = z.looseObject({ values: z.array(z.looseObject({ id: z.string() })), isLast: z.boolean().optional() });
export const snapshotTask = z.object({ startAt: z.number().int().nonnegative() });

/** Starts the first snapshot of every project's Jira attributes, a page of projects per queue event. */
export async function startProjectSnapshots(): Promise<void> {
  await queue.push([{ body: { startAt: 0 } }]);
}

/**
 * Snapshots one page of projects, then queues the next page: however many projects a site has, the first
 * change of each after install is already a diff (a consumer may run 15 minutes; a trigger only 25 s).
 */
export async function snapshotProjectPage(task: z.infer<typeof snapshotTask>): Promise<number> {
  const response = await asApp().requestJira(route`/rest/api/3/project/search?startAt=${task.startAt}&maxResults=${PAGE_SIZE}`);
  if (!response.ok) throw new Error(`project/search answered ${response.status}`);
  const { values, isLast } = page.parse(await response.json());
  for (const project of values) await syncJiraProject(project.id);
  if (isLast === false && values.length > 0) await queue.push([{ body: { startAt: task.startAt + values.length } }]);
  return values.length;
}
