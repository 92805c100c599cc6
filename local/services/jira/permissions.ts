import type { Principal } from './principal';

/**
 * The permissions the fake can answer for, with the id, name, type and description Jira Cloud
 * reports for them in `GET /rest/api/3/permissions` and `GET /rest/api/3/mypermissions`.
 */
export const PERMISSIONS = {
  ADMINISTER: {
    id: '0',
    key: 'ADMINISTER',
    name: 'Administer Jira',
    type: 'GLOBAL',
    description:
      'Create and administer projects, issue types, fields, workflows, and schemes for all projects. Users with this permission can perform most administration tasks, except: managing users, importing data, and editing system email settings.',
  },
  ADMINISTER_PROJECTS: {
    id: '23',
    key: 'ADMINISTER_PROJECTS',
    name: 'Administer Projects',
    type: 'PROJECT',
    description: 'Ability to administer a project in Jira.',
  },
  BROWSE_PROJECTS: {
    id: '10',
    key: 'BROWSE_PROJECTS',
    name: 'Browse Projects',
    type: 'PROJECT',
    description: 'Ability to browse projects and the issues within them.',
  },
} as const;

export type PermissionKey = keyof typeof PERMISSIONS;

export function isEmulatedPermission(key: string): key is PermissionKey {
  return Object.hasOwn(PERMISSIONS, key);
}

/**
 * Whether the principal holds a permission. Without a project, a project permission counts when it
 * is held in any project, as `GET /mypermissions` documents for the global context. The demo's
 * permission scheme: every signed-in account browses every project (anonymous access is off),
 * Jira administrators hold everything, and other people administer only the projects listed for
 * them in `seed.ts`.
 */
export function hasPermission(principal: Principal, key: PermissionKey, projectId?: string): boolean {
  if (principal.kind === 'anonymous') return false;
  const { account } = principal;
  if (account.jiraAdmin) return true;
  switch (key) {
    case 'ADMINISTER':
      return false;
    case 'BROWSE_PROJECTS':
      return true;
    case 'ADMINISTER_PROJECTS':
      return projectId === undefined ? account.administersProjects.length > 0 : account.administersProjects.includes(projectId);
  }
}

/** Jira shows a project only to those who may browse or administer it (project search docs). */
export function canSeeProject(principal: Principal, projectId: string): boolean {
  return hasPermission(principal, 'BROWSE_PROJECTS', projectId) || hasPermission(principal, 'ADMINISTER_PROJECTS', projectId);
}
