import type { FieldDefinition, RawValue } from '../../../src/contract/fields';
import type { Lookups } from './lookups';

/** One entry of a select: the value the input holds (always a string) and what the user reads. */
export interface Choice {
  value: string;
  label: string;
}

/**
 * What a select offers for a field: its enabled options (a disabled one only while it is the current
 * value, marked as such), or the users / projects from the lookups. A current value the lists do not
 * know is kept, shown by its id, so opening and saving the page never drops it.
 */
export function choicesFor(field: FieldDefinition, lookups: Lookups, current: RawValue | null | undefined): Choice[] {
  const currentIds = (Array.isArray(current) ? current : current === null || current === undefined ? [] : [current]).map(String);
  let known: Choice[];
  switch (field.type) {
    case 'priority':
    case 'status':
    case 'list':
    case 'multilist':
      known = (field.options ?? [])
        .filter((option) => !option.disabled || currentIds.includes(String(option.id)))
        .map((option) => ({ value: String(option.id), label: option.disabled ? `${option.name} (disabled)` : option.name }));
      break;
    case 'user':
    case 'multiuser':
      known = lookups.users.map((user) => ({ value: user.accountId, label: user.displayName }));
      break;
    case 'project':
    case 'multiproject':
      known = lookups.projects.map((project) => ({ value: project.id, label: `${project.name} (${project.key})` }));
      break;
    default:
      return [];
  }
  const unknown = currentIds.filter((id) => !known.some((choice) => choice.value === id)).map((id) => ({ value: id, label: `Unknown (${id})` }));
  return [...known, ...unknown];
}
