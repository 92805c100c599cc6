import { verifyApiKey } from '../services/api-keys/api-keys';
import type { ApiKeyRecord } from '../storage/api-key-store';
import { AppError } from '../errors';
import { asAppError } from '../storage/kvs-errors';
import { errorResponse, header, webTriggerRequest } from './http';
import type { WebTriggerRequest, WebTriggerResponse } from './http';
import { getValues } from './get-values';
import { setValues } from './set-values';

/** Larger bodies are refused with 413 before they are parsed (Forge itself allows 5 MB per invocation payload). */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The inbound REST API for automation and imports. Forge does not authenticate web triggers: every request
 * must carry `Authorization: Bearer <API key>`, checked here before anything else. App errors become their
 * HTTP answer here, in one place; anything else is logged and rethrown for the platform to record.
 */
export async function restApi(raw: unknown): Promise<WebTriggerResponse> {
  try {
    const parsed = webTriggerRequest.safeParse(raw);
    if (!parsed.success) throw new AppError('INVALID_INPUT', 'Malformed web trigger request');
    const key = await authenticate(parsed.data);
    return await route(parsed.data, key);
  } catch (error) {
    const known = asAppError(error);
    if (known) return errorResponse(known);
    console.error('REST API request failed', error);
    throw error;
  }
}

async function authenticate(request: WebTriggerRequest): Promise<ApiKeyRecord> {
  const token = /^Bearer\s+(\S+)$/i.exec(header(request, 'authorization') ?? '')?.[1];
  const key = token ? await verifyApiKey(token) : undefined;
  if (!key)
    throw new AppError(
      'UNAUTHORIZED',
      'A valid API key is required: Authorization: Bearer <key> (Jira admins create keys on the Projectrak admin page)',
    );
  return key;
}

function route(request: WebTriggerRequest, key: ApiKeyRecord): Promise<WebTriggerResponse> {
  if (request.method === 'GET') return getValues(request);
  if (request.method !== 'POST')
    throw new AppError(
      'METHOD_NOT_ALLOWED',
      'Use GET ?project=KEY to read values, or POST { "updates": [ { "project": "KEY", "values": { "Field": value } } ] }',
    );
  const body = request.body ?? '';
  if (Buffer.byteLength(body, 'utf8') > MAX_BODY_BYTES)
    throw new AppError('PAYLOAD_TOO_LARGE', `The body is over ${MAX_BODY_BYTES / 1024} KiB; send fewer updates per call`);
  // Writes through the API are made in the name of the admin who created the key.
  return setValues(body, key.createdBy);
}
