import { z } from 'zod';
import { syncJiraProject } from '../services/changes/sync-jira-project';

// avi:jira:created|updated:project carry the project but no changelog and no user (docs/forge-platform.md, "Triggers").
const projectEvent = z.looseObject({ project: z.looseObject({ id: z.union([z.string(), z.number()]).transform(String) }) });

/** Diffs the project's Jira attributes against the last snapshot; a change becomes one change event. */
export async function onProjectUpdated(event: unknown): Promise<void> {
  const { project } = projectEvent.parse(event);
  await syncJiraProject(project.id);
}
