import { z } from 'zod';

/** Forge's web trigger request and response shapes (docs/forge-platform.md, "Web triggers"). */
export const webTriggerRequest = z.looseObject({
  method: z.string(),
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

export function jsonResponse(statusCode: number, body: unknown, headers: Record<string, string[]> = {}): WebTriggerResponse {
  return { statusCode, headers: { 'content-type': ['application/json'], ...headers }, body: JSON.stringify(body) };
}

export function errorResponse(statusCode: number, code: string, message: string, extra: Record<string, unknown> = {}): WebTriggerResponse {
  const headers: Record<string, string[]> = statusCode === 401 ? { 'www-authenticate': ['Bearer realm="projectrak"'] } : {};
  return jsonResponse(statusCode, { error: { code, message, ...extra } }, headers);
}

/** Header names arrive lower-cased from Forge, each with a list of values. */
export function header(request: WebTriggerRequest, name: string): string | undefined {
  return request.headers[name.toLowerCase()]?.[0];
}
