import type { EventHub } from './events';
import type { Principal } from './principal';
import type { JiraStore } from './store';

/** Everything a route handler needs to answer one REST call. */
export interface RequestContext {
  method: string;
  /** The request URL resolved against the site, so `pathname` and `searchParams` are decoded. */
  url: URL;
  body: string | undefined;
  principal: Principal;
  store: JiraStore;
  events: EventHub;
}

/** `params` are the decoded path segments the route's pattern captured. */
export type Handler = (ctx: RequestContext, params: readonly string[]) => Response;

export interface Route {
  method: 'GET' | 'PUT';
  pattern: RegExp;
  handler: Handler;
}
