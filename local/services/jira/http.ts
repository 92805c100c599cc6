import { jsonAnswer } from '../../runtime/platform-response';
import { SITE_URL } from './seed';

/** Jira Cloud answers JSON with this content type. */
const JSON_TYPE = 'application/json;charset=UTF-8';

export function json(status: number, body: unknown): Response {
  return jsonAnswer(status, body, { 'content-type': JSON_TYPE });
}

/**
 * Jira's `ErrorCollection`: `errorMessages` for the request as a whole, `errors` keyed by the field
 * at fault. Both are always present, as in Jira's own error responses.
 */
export function jiraError(status: number, errorMessages: string[], errors: Record<string, string> = {}): Response {
  return json(status, { errorMessages, errors });
}

/** What Jira Cloud says on a REST call without valid credentials. */
export const NOT_AUTHENTICATED = 'Client must be authenticated to access this resource.';

/**
 * Anything the fake does not model fails loudly with 501, so app code never mistakes a gap in the
 * fake for a Jira success.
 */
export function notEmulated(what: string): Response {
  return jiraError(501, [`The local Jira fake does not emulate ${what}.`]);
}

/** Malformed JSON or a wrongly typed field: Jira Cloud's wording for payloads it cannot map. */
export const INVALID_PAYLOAD = 'Invalid request payload. Refer to the REST API documentation and try again.';

/** A non-negative integer query parameter, its default when absent, or a 400 response. */
export function intParam(query: URLSearchParams, name: string, fallback: number): number | Response {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) {
    return jiraError(400, [`The value '${raw}' of parameter '${name}' is not a valid non-negative integer.`]);
  }
  return Number(raw);
}

/** Reads `startAt` and `maxResults` with the endpoint's documented default page size. */
export function paging(query: URLSearchParams, defaultMax: number): { startAt: number; maxResults: number } | Response {
  const startAt = intParam(query, 'startAt', 0);
  if (startAt instanceof Response) return startAt;
  const maxResults = intParam(query, 'maxResults', defaultMax);
  if (maxResults instanceof Response) return maxResults;
  return { startAt, maxResults };
}

/**
 * A `PageBean` (REST v3): `self` is the URL of this page, `nextPage` the URL of the next one and
 * only present when there is one, `total` the number of matching items.
 */
export function pageBean<T>(url: URL, items: readonly T[], startAt: number, maxResults: number): Record<string, unknown> {
  const values = items.slice(startAt, startAt + maxResults);
  const isLast = startAt + values.length >= items.length;
  const next = new URLSearchParams(url.searchParams);
  next.set('startAt', String(startAt + maxResults));
  next.set('maxResults', String(maxResults));
  return {
    self: `${SITE_URL}${url.pathname}${url.search}`,
    ...(isLast ? {} : { nextPage: `${SITE_URL}${url.pathname}?${next.toString()}` }),
    maxResults,
    startAt,
    total: items.length,
    isLast,
    values,
  };
}
