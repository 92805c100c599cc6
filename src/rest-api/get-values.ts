import { projectRef } from '../contract/fields';
import { snapshotOf } from '../core/changes/diff';
import { formatValue } from '../core/payload/format-payload';
import { AppError } from '../errors';
import { findProject } from '../jira/projects';
import { readCatalogue } from '../storage/catalogue-store';
import { readValues } from '../storage/value-store';
import type { WebTriggerRequest, WebTriggerResponse } from './http';
import { jsonResponse, queryValues } from './http';

const refused = (message: string) =>
  new AppError('INVALID_INPUT', `project: ${message}`, { fields: [{ field: 'project', code: 'INVALID_INPUT', message: `project: ${message}` }] });

/**
 * GET ?project=KEY|ID: every field of the project with its value, in the same formats as the webhook payload
 * (strings, option names, [] for empty lists), so a receiver can read the current state it gets changes of.
 */
export async function getValues(request: WebTriggerRequest): Promise<WebTriggerResponse> {
  const refs = queryValues(request, 'project');
  if (refs.length === 0) throw refused('add ?project=<key or id>');
  if (refs.length > 1) throw refused('name one project');
  const ref = refs[0] ?? '';
  if (!projectRef.safeParse(ref).success) throw refused(`${JSON.stringify(ref)} must be a project key (such as DEMO) or id (such as 10000)`);
  const project = await findProject(ref, 'app');
  if (!project) throw new AppError('UNKNOWN_PROJECT', `project: there is no project ${ref}`);
  const [{ fields }, stored] = await Promise.all([readCatalogue(), readValues(project.id)]);
  return jsonResponse(200, {
    project: { id: Number(project.id), key: project.key, name: project.name },
    // Archived fields are not listed (docs/fields.md, "Archiving and deleting").
    fields: fields
      .filter((field) => !field.archived)
      .map((field) => {
        const value = stored.values.get(field.id) ?? null;
        return { id: field.id, name: field.name, type: field.type, value: formatValue(snapshotOf(field, [value]), value) };
      }),
  });
}
