import Resolver from '@forge/resolver';
import { projectSummaryPayload } from '../contract/resolvers';
import type { AppStatus, ProjectSummary } from '../contract/resolvers';
import { AppError, forbidden } from '../errors';
import { canAdministerProject, isJiraAdmin } from '../jira/permissions';
import { getProject } from '../jira/projects';
import { readInstalledAt } from '../storage/installation';
import { respond } from './respond';

const resolver = new Resolver();

resolver.define('app/status', ({ context }) =>
  respond(async (): Promise<AppStatus> => {
    const accountId = String(context.accountId);
    if (!(await isJiraAdmin())) throw forbidden('Only Jira administrators can manage Projectrak');
    return { installedAt: await readInstalledAt(), accountId, isJiraAdmin: true };
  }),
);

resolver.define('project/summary', ({ payload }) =>
  respond(async (): Promise<ProjectSummary> => {
    const parsed = projectSummaryPayload.safeParse(payload);
    if (!parsed.success) throw new AppError('INVALID_INPUT', 'projectId: a project id is required');
    const project = await getProject(parsed.data.projectId, 'user');
    return { project: { id: project.id, key: project.key, name: project.name }, canEdit: await canAdministerProject(project.id) };
  }),
);

export const handler = resolver.getDefinitions();
