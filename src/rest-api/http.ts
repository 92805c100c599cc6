import { z } from 'zod';
import { APP_ERROR_STATUS } from '../errors';
import type { AppError } from '../errors';
import { RATE_LIMITED_RETRY_S } from '../storage/kvs-errors';

/** Forge's web trigger request and response shapes (docs/forge-platform.md, "Web triggers"). */
export const webTriggerRequest = z.looseObject({
  method: z.string(),
  userPath: z.string().optional(),
  headers: z.record(z.string(), z.array(z.string())).default({}),
  queryParameters: z.record(z.string(), z.array(z.string())).default({}),
  body: z.string().optional(),
});
export type WebTriggerRequest = z.infer<typeof webTriggerRequest>;

export interface WebTriggerResponse {
  statusCode: number;
  headers: Record<string, string[]>;
  body: string;
}

/** Header names keep the caller's casing on Forge (`Authorization`, `authorization`): looked up ignoring case. */
export function header(request: WebTriggerRequest, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return Object.entries(request.headers).find(([key]) => key.toLowerCase() === wanted)?.[1][0];
}

/** Forge splits query values on commas (`?project=A,B` → ["A", "B"]); the parts of every occurrence, in order. */
export function queryValues(request: WebTriggerRequest, name: string): string[] {
  return request.queryParameters[name] ?? [];
}

export function jsonResponse(statusCode: number, body: unknown, headers: Record<string, string[]> = {}): WebTriggerResponse {
  return { statusCode, headers: { 'Content-Type': ['application/json'], ...headers }, body: JSON.stringify(body) };
}

/** The one mapping of the app's errors to HTTP for the REST API: status from the code, `{ error }` as the body. */
export function errorResponse(error: AppError): WebTriggerResponse {
  const headers: Record<string, string[]> =
    error.code === 'UNAUTHORIZED'
      ? { 'WWW-Authenticate': ['Bearer realm="projectrak"'] }
      : error.code === 'RATE_LIMITED'
        ? { 'Retry-After': [String(RATE_LIMITED_RETRY_S)] }
        : {};
  return jsonResponse(APP_ERROR_STATUS[error.code], { error: error.toJSON() }, headers);
}
