import type { FieldDefinition, FieldError, RawValue } from '../contract/fields';
import { invalidFields } from '../errors';
import { AppError } from '../errors';
import { referencedIds, validateUpdate } from '../fields/validate-update';
import { lookUpReferences } from '../jira/lookups';
import { getProject } from '../jira/projects';
import { readCatalogue } from '../storage/catalogue-store';
import type { ChangeEvent } from './change-event';
import { commitChanges } from './commit-changes';
import { diffValues } from './diff';
import { exceedsWriteLimits } from './write-limits';
import { readValues } from '../storage/value-store';
import type { CommitRequest } from './commit-changes';

export interface UpdateInput {
  projectIdOrKey: string;
  input: Record<string, unknown>;
}

export interface PreparedUpdate {
  project: ChangeEvent['project'];
  values: Map<number, RawValue | null>;
}

export type ProjectFieldError = FieldError & { project: string };

/**
 * Checks updates of one or more projects before anything is written: every value against its field, every
 * project against Jira. All refusals come back together, each naming its project, field and reason.
 */
export async function prepareUpdates(
  updates: UpdateInput[],
): Promise<{ fields: FieldDefinition[]; prepared: PreparedUpdate[]; errors: ProjectFieldError[] }> {
  const { fields } = await readCatalogue();
  const byId = new Map(fields.map((f) => [f.id, f]));
  const ids = updates.map((u) => referencedIds(fields, u.input));
  const refs = await lookUpReferences({ accountIds: ids.flatMap((i) => i.accountIds), projectIds: ids.flatMap((i) => i.projectIds) });
  const prepared: PreparedUpdate[] = [];
  const errors: ProjectFieldError[] = [];
  for (const update of updates) {
    const verdict = validateUpdate(fields, update.input, refs);
    let project: ChangeEvent['project'] | undefined;
    try {
      const found = await getProject(update.projectIdOrKey, 'app');
      project = { id: found.id, key: found.key, name: found.name };
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'NOT_FOUND') throw error;
      errors.push({
        project: update.projectIdOrKey,
        field: 'project',
        code: 'UNKNOWN_PROJECT',
        message: `project: there is no project ${update.projectIdOrKey}`,
      });
    }
    if (!verdict.ok) errors.push(...verdict.errors.map((e) => ({ ...e, project: update.projectIdOrKey })));
    else if (project) {
      // With several projects, limits are checked before any is written, so the call is refused whole rather than
      // half written; a single project's write checks them itself, atomically.
      const tooLarge = updates.length > 1 ? exceedsWriteLimits(diffValues(byId, (await readValues(project.id)).values, verdict.values)) : undefined;
      if (tooLarge) errors.push({ project: update.projectIdOrKey, field: 'values', code: 'TOO_LARGE', message: `values: ${tooLarge}` });
      else prepared.push({ project, values: verdict.values });
    }
  }
  return { fields, prepared, errors };
}

export async function applyUpdate(update: PreparedUpdate, fields: FieldDefinition[], who: Pick<CommitRequest, 'user' | 'source'>, now = Date.now()) {
  return commitChanges({ project: update.project, fields: new Map(fields.map((f) => [f.id, f])), next: update.values, ...who, now });
}

/** Sets values of the app's fields on one project, through the one write path. */
export async function updateValues(
  update: UpdateInput,
  who: Pick<CommitRequest, 'user' | 'source'>,
): Promise<{ event: ChangeEvent | null; values: Map<number, RawValue> }> {
  const { fields, prepared, errors } = await prepareUpdates([update]);
  if (errors.length > 0 || !prepared[0]) throw invalidFields(errors.map(({ project: _project, ...e }) => e));
  return applyUpdate(prepared[0], fields, who);
}
