import { z } from 'zod';
import { fieldValuesInput, projectRef } from '../contract/fields';
import { parseJson } from '../core/json/parse-json';
import { AppError, invalidFields, parseOrRefuse } from '../errors';
import { applyUpdates, prepareUpdates } from '../services/changes/update-values';
import type { WebTriggerResponse } from './http';
import { jsonResponse } from './http';

// Each project is one KVS transaction and a few Jira reads; 20 keeps a call well inside the 55 s limit.
export const MAX_PROJECTS_PER_CALL = 20;
const SHAPE = '{ "updates": [ { "project": "KEY", "values": { "Field": value } } ] }';

const setValuesBody = z.object({
  updates: z
    .array(
      z.object({
        project: z.union([projectRef, z.number().int().positive().transform(String)]),
        values: fieldValuesInput.refine((v) => Object.keys(v).length > 0, 'must name at least one field'),
      }),
    )
    .min(1)
    .max(MAX_PROJECTS_PER_CALL),
});

function parseBody(body: string): z.infer<typeof setValuesBody> {
  const json = parseJson(body);
  if (!json.ok) {
    if (json.where === 'body') throw new AppError('INVALID_JSON', `The body must be JSON: ${SHAPE}`);
    const message = `${json.where}: ${json.message}`;
    throw new AppError('INVALID_INPUT', message, { fields: [{ field: json.where, code: 'DUPLICATE_KEY', message }] });
  }
  return parseOrRefuse(setValuesBody, json.value, 'body');
}

/**
 * POST: sets field values (by field id or name) on one or more projects (by key or id). Everything is
 * checked first; if anything is refused, nothing is written and every refusal is listed.
 */
export async function setValues(body: string, user: string): Promise<WebTriggerResponse> {
  const updates = parseBody(body).updates.map((u) => ({ projectIdOrKey: u.project, input: u.values }));
  const { fields, prepared, errors } = await prepareUpdates(updates);
  if (errors.length > 0) throw invalidFields(errors, `${errors.length} values were refused; nothing was changed`);
  const seen = new Set<string>();
  for (const update of prepared) {
    if (seen.has(update.project.id)) throw new AppError('DUPLICATE_PROJECT', `project: ${update.project.key} is given more than once`);
    seen.add(update.project.id);
  }
  const outcomes = await applyUpdates(prepared, fields, { user, source: 'rest-api' });
  const results = prepared.map((update, i) => {
    const project = { id: update.project.id, key: update.project.key };
    const outcome = outcomes[i];
    // Only projects that kept changing concurrently, or Forge's storage limits, fail here (everything else was checked
    // before the first write): their results say so, the others stand.
    if (!outcome) throw new Error(`setValues: no outcome for project ${project.key}`);
    if ('error' in outcome) return { project, error: { code: outcome.error.code, message: outcome.error.message } };
    return { project, changed: outcome.event?.changes.map((c) => ({ id: c.field.id, name: c.field.name })) ?? [] };
  });
  return jsonResponse(results.some((r) => 'error' in r) ? 207 : 200, { results });
}
