import type { FieldDefinition, FieldError, RawValue } from '../../contract/fields';
import { invalidFields } from '../../errors';
import { referencedIds, validateUpdate } from '../../core/fields/validate-update';
import { lookUpReferences } from '../../jira/lookups';
import { findProject } from '../../jira/projects';
import { readCatalogue } from '../../storage/catalogue-store';
import type { ChangeEvent } from '../../core/changes/change-event';
import { commitAll, commitChanges } from './commit-changes';
import { applyChanges, diffValues } from '../../core/changes/diff';
import { exceedsWriteLimits } from '../../core/changes/write-limits';
import { readValuesOf } from '../../storage/value-store';
import type { StoredValues } from '../../storage/value-store';
import type { CommitOutcome, CommitRequest } from './commit-changes';

export interface UpdateInput {
  projectIdOrKey: string;
  input: Record<string, unknown>;
}

export interface PreparedUpdate {
  project: ChangeEvent['project'];
  values: Map<number, RawValue | null>;
  /** The project's values as read for the checks; the write starts from them (and reads again if they moved). */
  stored: StoredValues;
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
  const found = new Map<string, ChangeEvent['project']>();
  // Each project named is looked up once, all at the same time: a call naming 20 waits for one answer, not 20.
  const named = [...new Set(updates.map((u) => u.projectIdOrKey))];
  const looked = await Promise.all(named.map(async (ref) => ({ ref, project: await findProject(ref, 'app') })));
  for (const { ref, project } of looked) if (project) found.set(ref, { id: project.id, key: project.key, name: project.name });
  // Every project's values in one read: they are needed for the checks, and the write starts from them.
  const reads = await readValuesOf([...new Set([...found.values()].map((p) => p.id))]);
  for (const update of updates) {
    const project = found.get(update.projectIdOrKey);
    if (!project)
      errors.push({
        project: update.projectIdOrKey,
        field: 'project',
        code: 'UNKNOWN_PROJECT',
        message: `project: there is no project ${update.projectIdOrKey}`,
      });
    const read = project ? reads.get(project.id) : undefined;
    const stored = read?.values ?? new Map<number, RawValue>();
    const verdict = validateUpdate(fields, update.input, { ...refs, alreadyStored: (fieldId, item) => holds(stored.get(fieldId), item) });
    if (!verdict.ok) errors.push(...verdict.errors.map((e) => ({ ...e, project: update.projectIdOrKey })));
    else if (project) {
      // Limits are checked before any project is written, so a call naming several is refused whole, not half
      // written; the write checks them again against what is stored then.
      const changes = diffValues(byId, stored, verdict.values);
      const tooLarge = exceedsWriteLimits(changes, applyChanges(stored, changes));
      if (tooLarge) errors.push({ project: update.projectIdOrKey, field: 'values', code: 'TOO_LARGE', message: `values: ${tooLarge}` });
      else if (read) prepared.push({ project, values: verdict.values, stored: read });
    }
  }
  return { fields, prepared, errors };
}

const holds = (value: RawValue | undefined, item: string | number): boolean =>
  value !== undefined && (Array.isArray(value) ? (value as (string | number)[]).includes(item) : value === item);

const commitRequest = (update: PreparedUpdate, fields: FieldDefinition[], who: Pick<CommitRequest, 'user' | 'source'>): CommitRequest => ({
  project: update.project,
  fields: new Map(fields.map((f) => [f.id, f])),
  next: update.values,
  stored: update.stored,
  ...who,
});

export async function applyUpdate(update: PreparedUpdate, fields: FieldDefinition[], who: Pick<CommitRequest, 'user' | 'source'>) {
  return commitChanges(commitRequest(update, fields, who));
}

/** Writes several prepared updates together (see commitAll); each project's outcome, in order. */
export async function applyUpdates(
  updates: readonly PreparedUpdate[],
  fields: FieldDefinition[],
  who: Pick<CommitRequest, 'user' | 'source'>,
): Promise<CommitOutcome[]> {
  return commitAll(updates.map((update) => commitRequest(update, fields, who)));
}

/** Sets values of the app's fields on one project, through the one write path; answers with the catalogue it used. */
export async function updateValues(
  update: UpdateInput,
  who: Pick<CommitRequest, 'user' | 'source'>,
): Promise<{ event: ChangeEvent | null; values: Map<number, RawValue>; fields: FieldDefinition[] }> {
  const { fields, prepared, errors } = await prepareUpdates([update]);
  if (errors.length > 0 || !prepared[0]) throw invalidFields(errors.map(({ project: _project, ...e }) => e));
  return { ...(await applyUpdate(prepared[0], fields, who)), fields };
}
