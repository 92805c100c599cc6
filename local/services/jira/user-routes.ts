import type { RequestContext, Route } from './context';
import { jiraError, json, NOT_AUTHENTICATED, notEmulated, pageBean, paging } from './http';
import type { Account } from './principal';
import { accountById, allAccounts } from './principal';
import { userDetailJson, userJson } from './representation';

const notAuthenticated = () => jiraError(401, [NOT_AUTHENTICATED]);

/** The `groups` and `applicationRoles` expansions would need group data the fake does not keep. */
function rejectExpand(ctx: RequestContext): Response | undefined {
  const expand = ctx.url.searchParams.get('expand');
  return expand ? notEmulated(`user expand=${expand}`) : undefined;
}

/** GET /rest/api/3/myself: the calling account (for `asApp()`, the app's system user). */
function myself(ctx: RequestContext): Response {
  if (ctx.principal.kind === 'anonymous') return notAuthenticated();
  return rejectExpand(ctx) ?? json(200, userDetailJson(ctx.principal.account));
}

/** GET /rest/api/3/user?accountId=...: needs *Browse users and groups*, which every account here has. */
function getUser(ctx: RequestContext): Response {
  if (ctx.principal.kind === 'anonymous') return notAuthenticated();
  const unsupported = rejectExpand(ctx);
  if (unsupported) return unsupported;
  const accountId = ctx.url.searchParams.get('accountId');
  if (!accountId) return jiraError(400, ["The query parameter 'accountId' is required."]);
  const account = accountById(accountId);
  if (!account) return jiraError(404, ['Specified user does not exist or you do not have required permissions']);
  return json(200, userDetailJson(account));
}

/** GET /rest/api/3/user/bulk?accountId=a&accountId=b: a PageBean, 10 per page; unknown ids are left out. */
function bulkUsers(ctx: RequestContext): Response {
  if (ctx.principal.kind === 'anonymous') return notAuthenticated();
  const ids = ctx.url.searchParams.getAll('accountId').filter(Boolean);
  if (ids.length === 0) return jiraError(400, ["The query parameter 'accountId' is required."]);
  const page = paging(ctx.url.searchParams, 10);
  if (page instanceof Response) return page;
  const found = [...new Set(ids)].flatMap((id) => {
    const account = accountById(id);
    return account ? [userJson(account)] : [];
  });
  return json(200, pageBean(ctx.url, found, page.startAt, page.maxResults));
}

/** GET /rest/api/3/users/search: every account as a plain array, 50 by default, at most 1000. */
function allUsers(ctx: RequestContext): Response {
  if (ctx.principal.kind === 'anonymous') {
    return jiraError(403, ['You do not have the permission to browse users and groups.']);
  }
  const page = paging(ctx.url.searchParams, 50);
  if (page instanceof Response) return page;
  const max = Math.min(page.maxResults, 1000);
  return json(
    200,
    allAccounts()
      .slice(page.startAt, page.startAt + max)
      .map(userJson),
  );
}

/**
 * The documented matching: `query` matches a prefix of `displayName` (any word of it, so "lead"
 * finds "Pat Lead") or of `emailAddress`, case-insensitively.
 */
function matchesQuery(account: Account, query: string): boolean {
  const q = query.toLowerCase();
  const words = account.displayName.toLowerCase().split(/\s+/);
  return words.some((w) => w.startsWith(q)) || (account.emailAddress ?? '').toLowerCase().startsWith(q);
}

/**
 * GET /rest/api/3/user/search: exactly one of `query` or `accountId`; anonymous callers get an
 * empty list, as documented.
 */
function findUsers(ctx: RequestContext): Response {
  const q = ctx.url.searchParams;
  if (q.has('property')) return notEmulated('user search by property');
  const query = q.get('query');
  const accountId = q.get('accountId');
  if (query && accountId) return jiraError(400, ["The parameters 'query' and 'accountId' cannot be used together."]);
  if (!query && !accountId) return jiraError(400, ["One of the query parameters 'query', 'accountId' or 'property' is required."]);
  const page = paging(q, 50);
  if (page instanceof Response) return page;
  if (ctx.principal.kind === 'anonymous') return json(200, []);
  const found = allAccounts().filter((a) => (accountId ? a.accountId === accountId : matchesQuery(a, query ?? '')));
  return json(200, found.slice(page.startAt, page.startAt + page.maxResults).map(userJson));
}

export const userRoutes: readonly Route[] = [
  { method: 'GET', pattern: /^\/rest\/api\/3\/myself$/, handler: myself },
  { method: 'GET', pattern: /^\/rest\/api\/3\/user$/, handler: getUser },
  { method: 'GET', pattern: /^\/rest\/api\/3\/user\/bulk$/, handler: bulkUsers },
  { method: 'GET', pattern: /^\/rest\/api\/3\/users\/search$/, handler: allUsers },
  { method: 'GET', pattern: /^\/rest\/api\/3\/user\/search$/, handler: findUsers },
];
