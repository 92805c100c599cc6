import { z } from 'zod';
import { applyUpdate, prepareUpdates } from '../services/changes/update-values';
import { AppError, issuesAsFieldErrors } from '../errors';
import type { WebTriggerResponse } from './http';
import { errorResponse, jsonResponse } from './http';

// Each project is one KVS transaction and a few Jira reads; 20 keeps a call well inside the 55 s limit.
export const MAX_PROJECTS_PER_CALL = 20;

const setValuesBody = z.object({
  updates: z
    .array(
      z.object({
        project: z.union([z.string().min(1), z.number().int().positive().transform(String)]),
        values: z.record(z.string(), z.unknown()).refine((v) => Object.keys(v).length > 0, 'must name at least one field'),
      }),
    )
    .min(1)
    .max(MAX_PROJECTS_PER_CALL),
});

function parseBody(body: string | undefined): { ok: true; data: z.infer<typeof setValuesBody> } | { ok: false; response: WebTriggerResponse } {
  let json: unknown;
  try {
    json = JSON.parse(body ?? '');
  } catch {
    return {
      ok: false,
      response: errorResponse(400, 'INVALID_JSON', 'The body must be JSON: { "updates": [ { "project": "KEY", "values": { "Field": value } } ] }'),
    };
  }
  const parsed = setValuesBody.safeParse(json);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fields = issuesAsFieldErrors(parsed.error, 'body');
  return { ok: false, response: errorResponse(400, 'INVALID_INPUT', fields[0]?.message ?? 'Invalid body', { fields }) };
}

/**
 * POST: sets field values (by field id or name) on one or more projects (by key or id). Everything is
 * checked first; if anything is refused, nothing is written and every refusal is listed.
 */
export async function setValues(body: string | undefined, user: string): Promise<WebTriggerResponse> {
  const parsed = parseBody(body);
  if (!parsed.ok) return parsed.response;
  const updates = parsed.data.updates.map((u) => ({ projectIdOrKey: u.project, input: u.values }));
  const { fields, prepared, errors } = await prepareUpdates(updates);
  if (errors.length > 0) {
    return errorResponse(
      400,
      'INVALID_INPUT',
      errors.length === 1 ? (errors[0]?.message ?? '') : `${errors.length} values were refused; nothing was changed`,
      { fields: errors },
    );
  }
  const seen = new Set<string>();
  for (const update of prepared) {
    if (seen.has(update.project.id)) return errorResponse(400, 'DUPLICATE_PROJECT', `project: ${update.project.key} is given more than once`);
    seen.add(update.project.id);
  }
  const results = [];
  for (const update of prepared) {
    try {
      const { event } = await applyUpdate(update, fields, { user, source: 'rest-api' });
      results.push({
        project: { id: update.project.id, key: update.project.key },
        changed: event?.changes.map((c) => ({ id: c.field.id, name: c.field.name })) ?? [],
      });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ project: { id: update.project.id, key: update.project.key }, error: { code: error.code, message: error.message } });
    }
  }
  const failed = results.some((r) => 'error' in r);
  return jsonResponse(failed ? 207 : 200, { results });
}
