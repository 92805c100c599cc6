import type { ApiError } from '../../shared/api-error';
import { asSentence } from './admin-text';

/**
 * Splits a refusal over a form's inputs: an entry whose `field` is one of `keys` (or, for a list such as `headers`,
 * an item of it: `headers.2`) goes under that input, in an admin's words; the rest are for the form's own message.
 * Each refusal is shown once, where it belongs.
 */
export function serverErrors(error: ApiError, keys: readonly string[]): { byField: Record<string, string>; rest: string[] } {
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  for (const entry of error.fields) {
    const key = keys.find((k) => entry.field === k || entry.field.startsWith(`${k}.`));
    const item = key === undefined ? undefined : /^\d+/.exec(entry.field.slice(key.length + 1))?.[0];
    const at = key === undefined ? undefined : item !== undefined && entry.field !== key ? `${key}.${item}` : key;
    if (at === undefined) rest.push(asSentence(entry.message));
    else byField[at] = byField[at] ? `${byField[at]} ${asSentence(entry.message)}` : asSentence(entry.message);
  }
  return { byField, rest };
}
