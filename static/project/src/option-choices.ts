import type { FieldDefinition, RawValue } from '../../../src/contract/fields';

/** One option as a select offers it: `value` is the option id as text, as drafts hold it. */
export interface OptionChoice {
  value: string;
  label: string;
  optionId: number;
}

const idsOf = (current: RawValue | null | undefined): string[] =>
  (Array.isArray(current) ? current : current === null || current === undefined ? [] : [current]).map(String);

/**
 * What a status, priority or list select offers: the enabled options, and a disabled one only while the project
 * holds it (marked so, as it cannot be chosen again). A stored id the field no longer knows is kept, by its id, so
 * opening and saving the page never drops it.
 */
export function optionChoices(field: FieldDefinition, current: RawValue | null | undefined): OptionChoice[] {
  const held = idsOf(current);
  const known = (field.options ?? [])
    .filter((option) => !option.disabled || held.includes(String(option.id)))
    .map((option) => ({ value: String(option.id), label: option.disabled ? `${option.name} (disabled)` : option.name, optionId: option.id }));
  const unknown = held
    .filter((id) => !known.some((choice) => choice.value === id))
    .map((id) => ({ value: id, label: `Unknown option (${id})`, optionId: Number(id) }));
  return [...known, ...unknown];
}

/** The choices of these ids, in the order given. */
export function chosen(choices: readonly OptionChoice[], ids: readonly string[]): OptionChoice[] {
  return ids.flatMap((id) => choices.filter((choice) => choice.value === id));
}
