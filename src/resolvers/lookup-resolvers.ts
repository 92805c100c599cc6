import type Resolver from '@forge/resolver';
import { activeUsers, visibleProjects } from '../jira/directory';
import { define } from './define';

export function defineLookupResolvers(resolver: Resolver): void {
  define(resolver, 'lookup/users', async () => ({ users: await activeUsers() }));
  define(resolver, 'lookup/projects', async () => ({ projects: await visibleProjects() }));
}
