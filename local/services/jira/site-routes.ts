import type { RequestContext, Route } from './context';
import { jiraError, json, NOT_AUTHENTICATED, notEmulated } from './http';
import type { PermissionKey } from './permissions';
import { hasPermission, isEmulatedPermission, PERMISSIONS } from './permissions';
import { findVisibleProject, projectNotFound } from './project-routes';
import { categoryJson } from './representation';
import { SITE_URL } from './seed';

/** Context parameters of `/mypermissions` that point at things the fake does not model. */
const UNMODELLED_CONTEXT = ['issueKey', 'issueId', 'commentId', 'projectUuid', 'projectConfigurationUuid'];

/**
 * GET /rest/api/3/mypermissions. `permissions` is required (Jira has rejected calls without it
 * since 2019). `projectId` wins over `projectKey`; a project the caller cannot see is a 404. The
 * endpoint "can be accessed anonymously", so an app or anonymous caller gets an answer for itself
 * rather than an error.
 */
function myPermissions(ctx: RequestContext): Response {
  const q = ctx.url.searchParams;
  const keys = (q.get('permissions') ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  if (keys.length === 0) return jiraError(400, ['The permissions query parameter is required.']);
  const unmodelled = keys.filter((k) => !isEmulatedPermission(k));
  if (unmodelled.length > 0) return notEmulated(`mypermissions for ${unmodelled.join(', ')}`);
  const context = UNMODELLED_CONTEXT.filter((p) => q.has(p));
  if (context.length > 0) return notEmulated(`mypermissions in the context of ${context.join(', ')}`);

  let projectId: string | undefined;
  const byId = q.get('projectId');
  const byKey = q.get('projectKey');
  if (byId !== null) {
    const project = /^\d+$/.test(byId) ? findVisibleProject(ctx, byId) : projectNotFound(byId);
    if (project instanceof Response) return project;
    projectId = project.id;
  } else if (byKey !== null) {
    const project = /^\d+$/.test(byKey) ? projectNotFound(byKey) : findVisibleProject(ctx, byKey);
    if (project instanceof Response) return project;
    projectId = project.id;
  }

  const permissions: Record<string, unknown> = {};
  for (const key of keys as PermissionKey[]) {
    permissions[key] = { ...PERMISSIONS[key], havePermission: hasPermission(ctx.principal, key, projectId) };
  }
  return json(200, { permissions });
}

/** Jira's timestamp format: milliseconds and a numeric offset, e.g. 2020-03-31T16:43:50.000+0000. */
function jiraTime(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}

/** GET /rest/api/3/serverInfo, answered anonymously too. `baseUrl` is the site, see `SITE_URL`. */
function serverInfo(): Response {
  return json(200, {
    baseUrl: SITE_URL,
    displayUrl: SITE_URL,
    displayUrlServicedeskHelpCenter: SITE_URL,
    displayUrlConfluence: SITE_URL,
    version: '1001.0.0-SNAPSHOT',
    versionNumbers: [1001, 0, 0],
    deploymentType: 'Cloud',
    buildNumber: 100000,
    buildDate: '2025-01-01T00:00:00.000+0000',
    serverTime: jiraTime(new Date()),
    scmInfo: '0000000000000000000000000000000000000000',
    serverTitle: 'Jira',
    defaultLocale: { locale: 'en_US' },
    serverTimeZone: 'Etc/UTC',
  });
}

/** GET /rest/api/3/projectCategory: all categories; needs a signed-in caller. */
function listCategories(ctx: RequestContext): Response {
  if (ctx.principal.kind === 'anonymous') return jiraError(401, [NOT_AUTHENTICATED]);
  return json(200, ctx.store.categories().map(categoryJson));
}

/** GET /rest/api/3/projectCategory/{id}. */
function getCategory(ctx: RequestContext, [id = '']: readonly string[]): Response {
  if (ctx.principal.kind === 'anonymous') return jiraError(401, [NOT_AUTHENTICATED]);
  const category = ctx.store.category(id);
  return category ? json(200, categoryJson(category)) : jiraError(404, [`The project category '${id}' does not exist.`]);
}

export const siteRoutes: readonly Route[] = [
  { method: 'GET', pattern: /^\/rest\/api\/3\/mypermissions$/, handler: myPermissions },
  { method: 'GET', pattern: /^\/rest\/api\/3\/serverInfo$/, handler: serverInfo },
  { method: 'GET', pattern: /^\/rest\/api\/3\/projectCategory$/, handler: listCategories },
  { method: 'GET', pattern: /^\/rest\/api\/3\/projectCategory\/([^/]+)$/, handler: getCategory },
];
