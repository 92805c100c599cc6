import { asUser, route } from '@forge/api';
import { z } from 'zod';
import { allProjects, searchProjects } from './projects';

const user = z.looseObject({
  accountId: z.string(),
  displayName: z.string().optional(),
  accountType: z.string().optional(),
  active: z.boolean().optional(),
});
const users = z.array(user);
const userPage = z.looseObject({ values: users });
type JiraUser = z.infer<typeof user>;
type UserSummary = { accountId: string; displayName: string };
type ProjectSummary = { id: string; key: string; name: string };

/** How many matches a picker shows for what was typed. */
export const SEARCH_RESULTS = 20;

/** People, not apps, and only active ones: the accounts a user field is meant to hold. */
const people = (list: JiraUser[]): UserSummary[] =>
  list
    .filter((u) => u.accountType !== 'app' && u.active !== false)
    .map((u) => ({ accountId: u.accountId, displayName: u.displayName ?? u.accountId }));

const summary = ({ id, key, name }: ProjectSummary): ProjectSummary => ({ id, key, name });

/** Projects the user can see, for project pickers. */
export async function visibleProjects(): Promise<ProjectSummary[]> {
  return (await allProjects('user')).map(summary);
}

/** Projects the user can see whose key or name contains the query (GET /rest/api/3/project/search?query=, Jira Cloud REST v3). */
export async function findProjects(query: string): Promise<ProjectSummary[]> {
  return (await searchProjects('user', { query, maxResults: SEARCH_RESULTS })).values.map(summary);
}

/** Which of these projects the user can see (for the names of stored values); the others are left out. */
export async function projectsById(ids: string[]): Promise<ProjectSummary[]> {
  return (await searchProjects('user', { ids })).values.map(summary);
}

/** People (not apps) the user can find, for user pickers (GET /rest/api/3/users/search). */
export async function activeUsers(): Promise<UserSummary[]> {
  const response = await asUser().requestJira(route`/rest/api/3/users/search?maxResults=1000`);
  if (!response.ok) throw new Error(`users/search answered ${response.status}`);
  return people(users.parse(await response.json()));
}

/**
 * People whose name or email address starts with the query, as the user sees them: GET /rest/api/3/user/search?query=
 * (Jira Cloud REST v3; Jira answers those the caller may browse, and an empty list to callers who may not).
 */
export async function findUsers(query: string): Promise<UserSummary[]> {
  const params = new URLSearchParams({ query, maxResults: String(SEARCH_RESULTS) });
  const response = await asUser().requestJira(route`/rest/api/3/user/search?${params}`);
  if (!response.ok) throw new Error(`user/search answered ${response.status}`);
  return people(users.parse(await response.json()));
}

/**
 * These accounts' names, for the people a field already holds: GET /rest/api/3/user/bulk (≤ 200 ids a call, Jira Cloud
 * REST v3), as the user. Unknown ids are left out; a deactivated person is kept, so a stored value still shows their name.
 */
export async function usersById(accountIds: string[]): Promise<UserSummary[]> {
  const params = new URLSearchParams({ maxResults: String(accountIds.length) });
  for (const id of accountIds) params.append('accountId', id);
  const response = await asUser().requestJira(route`/rest/api/3/user/bulk?${params}`);
  if (!response.ok) throw new Error(`user/bulk answered ${response.status}`);
  return userPage
    .parse(await response.json())
    .values.filter((u) => u.accountType !== 'app')
    .map((u) => ({ accountId: u.accountId, displayName: u.displayName ?? u.accountId }));
}
