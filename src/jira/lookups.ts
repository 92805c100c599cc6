import { asApp, route } from '@forge/api';
import { z } from 'zod';
import type { References } from '../fields/value-rules';

const page = <T extends z.ZodType>(item: T) => z.looseObject({ values: z.array(item), isLast: z.boolean().optional() });
const userItem = z.looseObject({ accountId: z.string(), displayName: z.string().optional() });
const projectItem = z.looseObject({ id: z.string(), key: z.string(), name: z.string() });

// Jira Cloud REST v3: GET /user/bulk (≤ 200 account ids per call), GET /project/search?id=… (≤ 50 per call).
async function existingAccounts(accountIds: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < accountIds.length; i += 200) {
    const chunk = accountIds.slice(i, i + 200);
    const query = new URLSearchParams([['maxResults', '200'], ...chunk.map((id): [string, string] => ['accountId', id])]);
    const response = await asApp().requestJira(route`/rest/api/3/user/bulk?${query}`);
    if (!response.ok) throw new Error(`user/bulk answered ${response.status}`);
    for (const user of page(userItem).parse(await response.json()).values) found.add(user.accountId);
  }
  return found;
}

async function existingProjects(projectIds: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < projectIds.length; i += 50) {
    const chunk = projectIds.slice(i, i + 50);
    const query = new URLSearchParams([['maxResults', '50'], ...chunk.map((id): [string, string] => ['id', id])]);
    const response = await asApp().requestJira(route`/rest/api/3/project/search?${query}`);
    if (!response.ok) throw new Error(`project/search answered ${response.status}`);
    for (const project of page(projectItem).parse(await response.json()).values) found.add(project.id);
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
