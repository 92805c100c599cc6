import { asUser, route } from '@forge/api';
import { z } from 'zod';
import { allProjects } from './projects';

const users = z.array(
  z.looseObject({ accountId: z.string(), displayName: z.string().optional(), accountType: z.string().optional(), active: z.boolean().optional() }),
);

/** Projects the user can see, for project pickers. */
export async function visibleProjects(): Promise<{ id: string; key: string; name: string }[]> {
  return (await allProjects('user')).map(({ id, key, name }) => ({ id, key, name }));
}

/** People (not apps) the user can find, for user pickers (GET /rest/api/3/users/search). */
export async function activeUsers(): Promise<{ accountId: string; displayName: string }[]> {
  const response = await asUser().requestJira(route`/rest/api/3/users/search?maxResults=1000`);
  if (!response.ok) throw new Error(`users/search answered ${response.status}`);
  return users
    .parse(await response.json())
    .filter((u) => u.accountType !== 'app' && u.active !== false)
    .map((u) => ({ accountId: u.accountId, displayName: u.displayName ?? u.accountId }));
}
