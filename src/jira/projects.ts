import { asApp, asUser, route } from '@forge/api';
import { z } from 'zod';
import { notFound } from '../errors';

export const jiraProject = z.looseObject({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  description: z.string().optional(),
  url: z.string().optional(),
  lead: z.looseObject({ accountId: z.string() }).optional(),
  projectCategory: z.looseObject({ id: z.string(), name: z.string() }).optional(),
});
export type JiraProject = z.infer<typeof jiraProject>;

/** GET /rest/api/3/project/{idOrKey}; as the user when they must be able to see it, else as the app. */
export async function getProject(idOrKey: string, as: 'user' | 'app'): Promise<JiraProject> {
  const requester = as === 'user' ? asUser() : asApp();
  const response = await requester.requestJira(route`/rest/api/3/project/${idOrKey}`);
  if (response.status === 404) throw notFound(`Project ${idOrKey} does not exist or you cannot see it`);
  if (!response.ok) throw new Error(`GET project ${idOrKey} answered ${response.status}`);
  return jiraProject.parse(await response.json());
}
