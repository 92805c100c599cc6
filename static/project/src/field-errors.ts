import type { FieldDefinition, FieldError } from '../../../src/contract/fields';

export interface MatchedFieldErrors {
  /** Message per field id (as a string), for the inline error under that field. */
  byId: Record<string, string>;
  /** Entries naming no field on the page; shown in the summary instead. */
  unmatched: FieldError[];
}

/**
 * Places each refused value under its field: `field` is the field's id (as a string) or its name. The app starts
 * its messages with the field's name ("Status: option … is disabled"); under the field that name is dropped.
 */
export function matchFieldErrors(fields: readonly FieldDefinition[], errors: readonly FieldError[]): MatchedFieldErrors {
  const byId: Record<string, string> = {};
  const unmatched: FieldError[] = [];
  for (const error of errors) {
    const name = error.field.trim().toLowerCase();
    const field = fields.find((f) => String(f.id) === error.field) ?? fields.find((f) => f.name.trim().toLowerCase() === name);
    if (!field) {
      unmatched.push(error);
      continue;
    }
    const id = String(field.id);
    const prefix = `${field.name}: `;
    const message = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
    const sentence = message.charAt(0).toUpperCase() + message.slice(1);
    byId[id] = byId[id] ? `${byId[id]} ${sentence}` : sentence;
  }
  return { byId, unmatched };
}
