import { forbidden } from '../errors';
import { canAdministerProject, isJiraAdmin } from '../jira/permissions';

/** Asked of Jira as the calling user on every call: a hidden page protects nothing. */
export async function requireJiraAdmin(): Promise<void> {
  if (!(await isJiraAdmin())) throw forbidden('Only Jira administrators can manage Projectrak');
}

export async function requireProjectAdmin(projectId: string): Promise<void> {
  if (!(await canAdministerProject(projectId))) throw forbidden("Only Jira administrators and this project's administrators can change its fields");
}
