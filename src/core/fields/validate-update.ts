import type { FieldDefinition, FieldError, RawValue } from '../../contract/fields';
import { isReservedName, MULTI_TYPES } from '../../contract/fields';
import { JIRA_ATTRIBUTES } from './jira-attributes';
import type { References } from './value-rules';
import { checkValue } from './value-rules';

export type UpdateVerdict = { ok: true; values: Map<number, RawValue | null> } | { ok: false; errors: FieldError[] };

/** A field named by its id ("1004" or 1004) or by its name, ignoring case. */
export function findField(catalogue: readonly FieldDefinition[], ref: string): FieldDefinition | undefined {
  const trimmed = ref.trim();
  if (/^\d+$/.test(trimmed)) {
    const byId = catalogue.find((f) => f.id === Number(trimmed));
    if (byId) return byId;
  }
  return catalogue.find((f) => f.name.toLowerCase() === trimmed.toLowerCase());
}

/**
 * Checks every value of one update against its field before anything is written; all refusals are reported
 * together, each naming its field. The accepted values come back normalised to what is stored.
 */
export function validateUpdate(catalogue: readonly FieldDefinition[], input: Record<string, unknown>, refs: References): UpdateVerdict {
  const errors: FieldError[] = [];
  const values = new Map<number, RawValue | null>();
  for (const [ref, value] of Object.entries(input)) {
    if (isReservedName(ref)) {
      errors.push({ field: ref, code: 'RESERVED_NAME', message: `${ref}: is a reserved name, not a field` });
      continue;
    }
    const field = findField(catalogue, ref);
    const attribute = field ? undefined : findField(Object.values(JIRA_ATTRIBUTES), ref);
    if (attribute) {
      errors.push({ field: ref, code: 'READ_ONLY_FIELD', message: `${attribute.name}: is a Jira project attribute; change it in Jira` });
      continue;
    }
    if (!field) {
      errors.push({ field: ref, code: 'UNKNOWN_FIELD', message: `${ref}: there is no such field` });
      continue;
    }
    if (field.archived) {
      // docs/fields.md, "Archiving and deleting": an archived field keeps its values and takes no new ones.
      errors.push({
        field: ref,
        code: 'ARCHIVED_FIELD',
        message: `${field.name}: is archived; a Jira admin can restore it on Projectrak's admin page`,
      });
      continue;
    }
    if (values.has(field.id)) {
      errors.push({ field: ref, code: 'DUPLICATE_FIELD', message: `${field.name}: is given more than once` });
      continue;
    }
    const verdict = checkValue(field, value, refs);
    if (verdict.ok) values.set(field.id, verdict.value);
    else errors.push({ field: ref, code: verdict.code, message: verdict.message });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, values };
}

/** Account ids and project ids an input mentions, so the edge can look them up before validating. */
export function referencedIds(catalogue: readonly FieldDefinition[], input: Record<string, unknown>): { accountIds: string[]; projectIds: string[] } {
  const accountIds = new Set<string>();
  const projectIds = new Set<string>();
  for (const [ref, value] of Object.entries(input)) {
    const field = findField(catalogue, ref);
    if (!field) continue;
    const items = MULTI_TYPES.includes(field.type) && Array.isArray(value) ? (value as unknown[]) : [value];
    for (const item of items) {
      if (typeof item !== 'string' && typeof item !== 'number') continue;
      if (field.type === 'user' || field.type === 'multiuser') accountIds.add(String(item));
      if (field.type === 'project' || field.type === 'multiproject') projectIds.add(String(item));
    }
  }
  return { accountIds: [...accountIds], projectIds: [...projectIds] };
}
