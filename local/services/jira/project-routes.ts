import type { RequestContext, Route } from './context';
import { jiraError, json, notEmulated, pageBean, paging } from './http';
import { canSeeProject, hasPermission } from './permissions';
import type { ProjectExpand } from './representation';
import { projectJson, projectSummaryJson } from './representation';
import type { ProjectRecord } from './store';

/** Jira's 404 for a project that does not exist or that the caller may not see. */
export function projectNotFound(idOrKey: string): Response {
  const by = /^\d+$/.test(idOrKey) ? 'id' : 'key';
  return jiraError(404, [`No project could be found with ${by} '${idOrKey}'.`]);
}

export function findVisibleProject(ctx: RequestContext, idOrKey: string): ProjectRecord | Response {
  const project = ctx.store.project(idOrKey);
  return project && canSeeProject(ctx.principal, project.id) ? project : projectNotFound(idOrKey);
}

/** Expansions the fake can produce; others (issueTypes, permissions, insight, ...) answer 501. */
const EXPANDABLE = new Set(['description', 'lead', 'url']);

function readExpand(query: URLSearchParams): ProjectExpand | Response {
  const requested = (query.get('expand') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = requested.filter((e) => !EXPANDABLE.has(e));
  if (unknown.length > 0) return notEmulated(`project expand=${unknown.join(',')}`);
  return new Set(requested);
}

/** Query parameters that would change the answer in ways the fake cannot reproduce. */
function unsupportedParam(query: URLSearchParams, names: readonly string[]): Response | undefined {
  const present = names.filter((n) => query.has(n));
  return present.length > 0 ? notEmulated(`the project query parameter(s) ${present.join(', ')}`) : undefined;
}

/** Multi-valued filters arrive as repeated parameters (`keys=A&keys=B`); commas are accepted too. */
function listParam(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

const ORDERINGS: Record<string, (a: ProjectRecord, b: ProjectRecord) => number> = {
  key: (a, b) => a.key.localeCompare(b.key),
  name: (a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }),
};

/** GET /rest/api/3/project/search: a PageBean of the projects the caller can see, 50 per page by default. */
function searchProjects(ctx: RequestContext): Response {
  const q = ctx.url.searchParams;
  const page = paging(q, 50);
  if (page instanceof Response) return page;
  const expand = readExpand(q);
  if (expand instanceof Response) return expand;
  const unsupported = unsupportedParam(q, ['properties', 'propertyQuery']);
  if (unsupported) return unsupported;
  const status = listParam(q, 'status');
  if (status.some((s) => s !== 'live')) return notEmulated('archived or deleted projects (status)');
  const orderBy = q.get('orderBy') ?? 'key';
  const order = ORDERINGS[orderBy.replace(/^[+-]/, '')];
  if (!order) return notEmulated(`project search orderBy=${orderBy}`);
  const action = q.get('action') ?? 'view';
  if (!['view', 'browse', 'edit'].includes(action)) return jiraError(400, [`Invalid action '${action}'.`]);

  const ids = new Set(listParam(q, 'id'));
  const keys = new Set(listParam(q, 'keys'));
  const types = new Set(listParam(q, 'typeKey'));
  const categoryId = q.get('categoryId');
  const text = (q.get('query') ?? '').toLowerCase();
  const matches = ctx.store
    .projects()
    .filter((p) => canSeeProject(ctx.principal, p.id))
    .filter((p) => action !== 'edit' || hasPermission(ctx.principal, 'ADMINISTER_PROJECTS', p.id))
    .filter((p) => ids.size === 0 || ids.has(p.id))
    .filter((p) => keys.size === 0 || keys.has(p.key))
    .filter((p) => types.size === 0 || types.has(p.projectTypeKey))
    .filter((p) => categoryId === null || p.categoryId === categoryId)
    .filter((p) => text === '' || p.key.toLowerCase().includes(text) || p.name.toLowerCase().includes(text))
    .sort(orderBy.startsWith('-') ? (a, b) => order(b, a) : order)
    .map((p) => projectSummaryJson(ctx.store, p, expand));
  return json(200, pageBean(ctx.url, matches, page.startAt, page.maxResults));
}

/** GET /rest/api/3/project: the deprecated unpaged list of visible projects. */
function listProjects(ctx: RequestContext): Response {
  const q = ctx.url.searchParams;
  const expand = readExpand(q);
  if (expand instanceof Response) return expand;
  const unsupported = unsupportedParam(q, ['recent', 'properties']);
  if (unsupported) return unsupported;
  const visible = ctx.store.projects().filter((p) => canSeeProject(ctx.principal, p.id));
  return json(
    200,
    visible.map((p) => projectSummaryJson(ctx.store, p, expand)),
  );
}

/** GET /rest/api/3/project/{projectIdOrKey}. */
function getProject(ctx: RequestContext, [idOrKey = '']: readonly string[]): Response {
  const expand = readExpand(ctx.url.searchParams);
  if (expand instanceof Response) return expand;
  const unsupported = unsupportedParam(ctx.url.searchParams, ['properties']);
  if (unsupported) return unsupported;
  const project = findVisibleProject(ctx, idOrKey);
  return project instanceof Response ? project : json(200, projectJson(ctx.store, project));
}

export const projectReadRoutes: readonly Route[] = [
  { method: 'GET', pattern: /^\/rest\/api\/3\/project\/search$/, handler: searchProjects },
  { method: 'GET', pattern: /^\/rest\/api\/3\/project$/, handler: listProjects },
  { method: 'GET', pattern: /^\/rest\/api\/3\/project\/([^/]+)$/, handler: getProject },
];
