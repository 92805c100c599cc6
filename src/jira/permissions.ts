import { asUser, route } from '@forge/api';
import { z } from 'zod';

const myPermissions = z.object({
  permissions: z.record(z.string(), z.object({ havePermission: z.boolean() })),
});

/**
 * Asks Jira, as the calling user, which of these permissions they hold. Checked on every call:
 * a page being hidden from someone protects nothing.
 * GET /rest/api/3/mypermissions (Jira Cloud REST v3).
 */
async function holds(permissions: string[], projectId?: string): Promise<Record<string, boolean>> {
  const list = permissions.join(',');
  const response = projectId
    ? await asUser().requestJira(route`/rest/api/3/mypermissions?permissions=${list}&projectId=${projectId}`)
    : await asUser().requestJira(route`/rest/api/3/mypermissions?permissions=${list}`);
  if (!response.ok) throw new Error(`mypermissions answered ${response.status}`);
  const parsed = myPermissions.parse(await response.json());
  return Object.fromEntries(permissions.map((p) => [p, parsed.permissions[p]?.havePermission === true]));
}

export async function isJiraAdmin(): Promise<boolean> {
  return (await holds(['ADMINISTER'])).ADMINISTER === true;
}

/** Jira admins, and users with Administer Projects on this project. */
export async function canAdministerProject(projectId: string): Promise<boolean> {
  const held = await holds(['ADMINISTER', 'ADMINISTER_PROJECTS'], projectId);
  return held.ADMINISTER === true || held.ADMINISTER_PROJECTS === true;
}
