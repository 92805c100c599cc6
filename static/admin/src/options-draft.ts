import type { FieldOption } from '../../../src/contract/fields';

/** An option being edited: a saved one keeps its id (values name it by id), a new one has none yet. */
export interface OptionDraft {
  key: string;
  id?: number;
  name: string;
  disabled: boolean;
}

let nextKey = 0;
export const draftOptions = (options: readonly FieldOption[]): OptionDraft[] =>
  options.map((o) => ({ key: `saved-${o.id}`, id: o.id, name: o.name, disabled: o.disabled }));

export const addOption = (options: OptionDraft[], name: string): OptionDraft[] => [
  ...options,
  { key: `new-${++nextKey}`, name: name.trim(), disabled: false },
];

/** Moves an option up (-1) or down (+1); at either end, nothing moves. */
export function moveOption(options: OptionDraft[], index: number, by: -1 | 1): OptionDraft[] {
  const to = index + by;
  if (index < 0 || index >= options.length || to < 0 || to >= options.length) return options;
  const next = [...options];
  const [moved] = next.splice(index, 1);
  if (moved) next.splice(to, 0, moved);
  return next;
}

/** A new option that is removed before saving just goes; a saved one can only be disabled (values may hold it). */
export const removeNewOption = (options: OptionDraft[], key: string): OptionDraft[] => options.filter((o) => o.key !== key || o.id !== undefined);

/** What `fields/update` takes. */
export const optionsInput = (options: OptionDraft[]) =>
  options.map((o) => ({ ...(o.id === undefined ? {} : { id: o.id }), name: o.name.trim(), disabled: o.disabled }));

/** Problems the form can tell before saving, by option key. */
export function checkOptions(options: OptionDraft[]): Record<string, string> {
  const errors: Record<string, string> = {};
  const seen = new Map<string, string>();
  for (const option of options) {
    const name = option.name.trim();
    if (name === '') errors[option.key] = 'Give the option a name.';
    else if (name.length > 255) errors[option.key] = 'Keep the name to 255 characters.';
    else if (seen.has(name.toLowerCase())) errors[option.key] = `“${name}” is there already.`;
    seen.set(name.toLowerCase(), option.key);
  }
  return errors;
}
