import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { getProject } from '../jira/projects';
import { KEYS } from '../storage/keys';

// Forge's avi:jira:updated:project event carries the project but no changelog (FORGE-NOTES.md).
const projectEvent = z.looseObject({ project: z.looseObject({ id: z.union([z.string(), z.number()]).transform(String) }) });

/** Keeps the latest snapshot of a Jira project, read back as the app (the event may be minutes late). */
export async function onProjectUpdated(event: unknown): Promise<void> {
  const { project } = projectEvent.parse(event);
  const current = await getProject(project.id, 'app');
  await kvs.set(KEYS.projectSnapshot(project.id), {
    id: current.id,
    key: current.key,
    name: current.name,
    description: current.description ?? null,
    url: current.url ?? null,
    leadAccountId: current.lead?.accountId ?? null,
    categoryId: current.projectCategory?.id ?? null,
  });
}
