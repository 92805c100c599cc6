import { snapshotOf } from '../core/changes/diff';
import { AppError } from '../errors';
import { getProject } from '../jira/projects';
import { formatValue } from '../core/payload/format-payload';
import { readCatalogue } from '../storage/catalogue-store';
import { readValues } from '../storage/value-store';
import type { WebTriggerResponse } from './http';
import { errorResponse, jsonResponse } from './http';

/**
 * GET ?project=KEY|ID: every field of the project with its value, in the same formats as the webhook payload
 * (strings, option names, [] for empty lists), so a receiver can read the current state it gets changes of.
 */
export async function getValues(projectRef: string | undefined): Promise<WebTriggerResponse> {
  if (!projectRef)
    return errorResponse(400, 'INVALID_INPUT', 'project: add ?project=<key or id>', {
      fields: [{ field: 'project', code: 'INVALID_INPUT', message: 'project: is required' }],
    });
  try {
    const project = await getProject(projectRef, 'app');
    const [{ fields }, stored] = await Promise.all([readCatalogue(), readValues(project.id)]);
    return jsonResponse(200, {
      project: { id: Number(project.id), key: project.key, name: project.name },
      fields: fields.map((field) => {
        const value = stored.values.get(field.id) ?? null;
        return { id: field.id, name: field.name, type: field.type, value: formatValue(snapshotOf(field, [value]), value) };
      }),
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND')
      return errorResponse(404, 'UNKNOWN_PROJECT', `project: there is no project ${projectRef}`);
    throw error;
  }
}
