import type Resolver from '@forge/resolver';
import { activeUsers, findProjects, findUsers, projectsById, usersById, visibleProjects } from '../jira/directory';
import { define } from './define';

/** Pickers' lookups, each asked of Jira as the user: Jira answers only the people and projects they may see. */
export function defineLookupResolvers(resolver: Resolver): void {
  define(resolver, 'lookup/users', async ({ query, accountIds }) => {
    if (query !== undefined) return { users: await findUsers(query) };
    if (accountIds !== undefined) return { users: await usersById(accountIds) };
    return { users: await activeUsers() };
  });
  define(resolver, 'lookup/projects', async ({ query, ids }) => {
    if (query !== undefined) return { projects: await findProjects(query) };
    if (ids !== undefined) return { projects: await projectsById(ids) };
    return { projects: await visibleProjects() };
  });
}
