import type { FieldError } from '../../../src/contract/fields';
import type { ApiError } from '../../shared/api-error';

/**
 * Splits a failure's refused values over a form's inputs: an entry whose `field` is an input's
 * name (or a path under it, like "options.2") goes under that input; the rest stay with the banner.
 */
export function formErrors<Name extends string>(
  error: ApiError | null,
  names: readonly Name[],
): { byName: Partial<Record<Name, string>>; other: FieldError[] } {
  const byName: Partial<Record<Name, string>> = {};
  const other: FieldError[] = [];
  for (const entry of error?.fields ?? []) {
    const name = names.find(
      (candidate) => entry.field === candidate || entry.field.startsWith(`${candidate}.`) || entry.field.startsWith(`${candidate}[`),
    );
    if (name === undefined) other.push(entry);
    else byName[name] = byName[name] ? `${byName[name]} ${entry.message}` : entry.message;
  }
  return { byName, other };
}
