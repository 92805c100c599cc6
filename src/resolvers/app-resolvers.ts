import type Resolver from '@forge/resolver';
import { canAdministerProject } from '../jira/permissions';
import { getProject } from '../jira/projects';
import { readInstalledAt } from '../storage/setup-store';
import { define } from './define';
import { requireJiraAdmin } from './guards';

export function defineAppResolvers(resolver: Resolver): void {
  define(resolver, 'app/status', async (_payload, caller) => {
    await requireJiraAdmin();
    return { installedAt: await readInstalledAt(), accountId: caller.accountId, isJiraAdmin: true };
  });

  define(resolver, 'project/summary', async ({ projectId }) => {
    const project = await getProject(projectId, 'user');
    return { project: { id: project.id, key: project.key, name: project.name }, canEdit: await canAdministerProject(project.id) };
  });
}
