import type { FieldDefinition } from '../../../src/contract/fields';

/** The id of a field's control: its label points at it and focus moves to it when its value is refused. */
export const inputId = (field: FieldDefinition): string => `field-${field.id}-input`;
export const helpId = (field: FieldDefinition): string => `field-${field.id}-help`;
export const hintId = (field: FieldDefinition): string => `field-${field.id}-hint`;
export const errorId = (field: FieldDefinition): string => `field-${field.id}-error`;

/** Moves focus to a field's control; false when it is not on the page. */
export function focusField(fieldId: string): boolean {
  const control = document.getElementById(`field-${fieldId}-input`);
  if (!control) return false;
  control.focus();
  control.scrollIntoView({ block: 'center' });
  return true;
}
