import { asUser, route } from '@forge/api';
import { z } from 'zod';

const projectPage = z.looseObject({
  values: z.array(z.looseObject({ id: z.string(), key: z.string(), name: z.string() })),
  isLast: z.boolean().optional(),
});
const users = z.array(
  z.looseObject({ accountId: z.string(), displayName: z.string().optional(), accountType: z.string().optional(), active: z.boolean().optional() }),
);

/** Projects the user can see, for project pickers (GET /rest/api/3/project/search, paged by 50). */
export async function visibleProjects(): Promise<{ id: string; key: string; name: string }[]> {
  const found: { id: string; key: string; name: string }[] = [];
  for (let startAt = 0; startAt < 5000; startAt += 50) {
    const response = await asUser().requestJira(route`/rest/api/3/project/search?startAt=${startAt}&maxResults=50`);
    if (!response.ok) throw new Error(`project/search answered ${response.status}`);
    const page = projectPage.parse(await response.json());
    found.push(...page.values.map(({ id, key, name }) => ({ id, key, name })));
    if (page.isLast !== false || page.values.length === 0) break;
  }
  return found;
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
