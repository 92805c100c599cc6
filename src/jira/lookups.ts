import { asApp, route } from '@forge/api';
import { z } from 'zod';
import type { References } from '../core/fields/value-rules';
import { PROJECT_PAGE_SIZE, searchProjects } from './projects';

const USER_BULK_SIZE = 200;
const userPage = z.looseObject({ values: z.array(z.looseObject({ accountId: z.string() })) });

/** Which of these account ids Jira knows: GET /rest/api/3/user/bulk, ≤ 200 per call (Jira Cloud REST v3). */
async function existingAccounts(ids: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += USER_BULK_SIZE) {
    const params = new URLSearchParams({ maxResults: String(USER_BULK_SIZE) });
    for (const id of ids.slice(i, i + USER_BULK_SIZE)) params.append('accountId', id);
    const response = await asApp().requestJira(route`/rest/api/3/user/bulk?${params}`);
    if (!response.ok) throw new Error(`user/bulk answered ${response.status}`);
    for (const user of userPage.parse(await response.json()).values) found.add(user.accountId);
  }
  return found;
}

/** Which of these project ids Jira knows, through the one project search (≤ 50 per call). */
async function existingProjects(ids: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += PROJECT_PAGE_SIZE) {
    for (const project of (await searchProjects('app', { ids: ids.slice(i, i + PROJECT_PAGE_SIZE) })).values) found.add(project.id);
  }
  return found;
}

/** Looks up, as the app, the users and projects an update names, in as few Jira calls as possible. */
export async function lookUpReferences(ids: { accountIds: string[]; projectIds: string[] }): Promise<References> {
  const [accounts, projects] = await Promise.all([
    ids.accountIds.length > 0 ? existingAccounts(ids.accountIds) : new Set<string>(),
    ids.projectIds.length > 0 ? existingProjects(ids.projectIds) : new Set<string>(),
  ]);
  return { userExists: (id) => accounts.has(id), projectExists: (id) => projects.has(id) };
}
