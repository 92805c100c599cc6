import type { RequestContext, Route } from './context';
import type { EventHub } from './events';
import { jiraError, NOT_AUTHENTICATED, notEmulated } from './http';
import type { JiraCaller } from './principal';
import { resolvePrincipal } from './principal';
import { projectReadRoutes } from './project-routes';
import { projectUpdateRoutes } from './project-update';
import { SITE_URL } from './seed';
import { siteRoutes } from './site-routes';
import type { JiraStore } from './store';
import { userRoutes } from './user-routes';

export interface JiraRequest {
  method: string;
  /** Path plus query string as `route\`...\`` builds it, e.g. `/rest/api/3/project/search?startAt=0`. */
  path: string;
  body?: string;
  caller: JiraCaller;
}

/** Order matters: `/project/search` must be tried before `/project/{projectIdOrKey}`. */
const ROUTES: readonly Route[] = [...projectReadRoutes, ...projectUpdateRoutes, ...userRoutes, ...siteRoutes];

function decode(segment: string | undefined): string {
  try {
    return decodeURIComponent(segment ?? '');
  } catch {
    return segment ?? '';
  }
}

/**
 * Answers one REST call. An unknown account is refused like bad credentials; a method and path the
 * fake has no route for is a 501, never a guessed success (Jira may well support it).
 */
export function dispatch(req: JiraRequest, store: JiraStore, events: EventHub): Response {
  const method = req.method.toUpperCase();
  const url = new URL(req.path, SITE_URL);
  const principal = resolvePrincipal(req.caller);
  if (!principal) return jiraError(401, [NOT_AUTHENTICATED]);
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(url.pathname);
    if (!match) continue;
    const ctx: RequestContext = { method, url, body: req.body, principal, store, events };
    try {
      return route.handler(ctx, match.slice(1).map(decode));
    } catch (error) {
      console.error(`jira fake: ${method} ${url.pathname} failed`, error);
      return jiraError(500, [`The local Jira fake failed on ${method} ${url.pathname}: ${String(error)}`]);
    }
  }
  return notEmulated(`${method} ${url.pathname}`);
}
