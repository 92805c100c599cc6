import type { FieldDefinition } from '../../../../src/contract/fields';
import type { Draft } from '../field-draft';

/** What every editor gets: its field, the id its label points at, what it holds, and how it is described. */
export interface EditorProps {
  field: FieldDefinition;
  inputId: string;
  draft: Draft;
  onChange: (draft: Draft) => void;
  /** Ids of the texts describing the field (description, hint, counter, error), for assistive technology. */
  describedBy: string | undefined;
  invalid: boolean;
}

export const textOf = (draft: Draft): string => (Array.isArray(draft) ? (draft[0] ?? '') : draft);
export const listOf = (draft: Draft): string[] => (Array.isArray(draft) ? draft : draft === '' ? [] : [draft]);
export const editorTestId = (field: FieldDefinition): string => `field-input-${field.id}`;
