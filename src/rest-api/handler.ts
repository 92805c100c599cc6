import { verifyApiKey } from '../services/api-keys/api-keys';
import { errorResponse, header, webTriggerRequest } from './http';
import type { WebTriggerResponse } from './http';
import { getValues } from './get-values';
import { setValues } from './set-values';

/**
 * The inbound REST API for automation and imports. Forge does not authenticate web triggers: every request
 * must carry `Authorization: Bearer <API key>`, checked here before anything else.
 */
export async function restApi(raw: unknown): Promise<WebTriggerResponse> {
  const parsed = webTriggerRequest.safeParse(raw);
  if (!parsed.success) return errorResponse(400, 'INVALID_REQUEST', 'Malformed request');
  const request = parsed.data;
  const token = /^Bearer\s+(\S+)$/i.exec(header(request, 'authorization') ?? '')?.[1];
  const key = token ? await verifyApiKey(token) : undefined;
  if (!key)
    return errorResponse(
      401,
      'UNAUTHORIZED',
      'A valid API key is required: Authorization: Bearer <key> (Jira admins create keys on the Projectrak admin page)',
    );
  if (request.method === 'GET') return getValues(request.queryParameters.project?.[0]);
  if (request.method !== 'POST')
    return errorResponse(
      405,
      'METHOD_NOT_ALLOWED',
      'Use GET ?project=KEY to read values, or POST { "updates": [ { "project": "KEY", "values": { "Field": value } } ] }',
    );
  // Writes through the API are made in the name of the admin who created the key.
  return setValues(request.body, key.createdBy);
}
