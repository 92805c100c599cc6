import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import type { FieldDefinition, RawValue } from '../../../src/contract/fields';
import { displayValue } from './display-value';
import { choicesFor } from './field-choices';
import { isMulti, type Draft } from './field-draft';
import { FieldInput, inputId } from './field-input';
import type { Lookups } from './lookups';

const rowStyles = xcss({
  paddingBlock: 'space.150',
  borderBlockEndColor: 'color.border',
  borderBlockEndStyle: 'solid',
  borderBlockEndWidth: 'border.width',
});
const valueStyles = xcss({ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' });

export interface FieldRowProps {
  field: FieldDefinition;
  value: RawValue | null | undefined;
  lookups: Lookups;
  /** Null for read-only users: the value is shown as text. */
  edit: { draft: Draft; onChange: (draft: Draft) => void; disabled: boolean } | null;
  error: string | undefined;
}

/** One field: its name, its description as helper text, then its input (or read-only value) and any error. */
export function FieldRow({ field, value, lookups, edit, error }: FieldRowProps) {
  const helpId = `field-${field.id}-help`;
  const errorId = `field-${field.id}-error`;
  const hintId = `field-${field.id}-hint`;
  const shown = edit ? null : displayValue(field, value, lookups);
  const hint = edit ? hintFor(field) : null;
  const describedBy = [field.description ? helpId : '', hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');

  return (
    <Box xcss={rowStyles} testId={`field-${field.id}`}>
      <Stack space="space.075">
        <Text as="strong" weight="semibold">
          {edit ? <label htmlFor={inputId(field)}>{field.name}</label> : field.name}
        </Text>
        {field.description ? (
          <Text as="p" size="small" color="color.text.subtle" id={helpId}>
            {field.description}
          </Text>
        ) : null}
        {edit ? (
          <FieldInput
            field={field}
            draft={edit.draft}
            choices={choicesFor(field, lookups, value)}
            onChange={edit.onChange}
            describedBy={describedBy || undefined}
            invalid={error !== undefined}
            disabled={edit.disabled}
          />
        ) : (
          <Box xcss={valueStyles} testId={`read-only-value-${field.id}`}>
            {shown === null ? <Text color="color.text.subtlest">Not set</Text> : <Text>{shown}</Text>}
          </Box>
        )}
        {hint ? (
          <Text size="small" color="color.text.subtlest" id={hintId}>
            {hint}
          </Text>
        ) : null}
        {error ? (
          <Text as="p" size="small" color="color.text.danger" id={errorId} testId={`field-error-${field.id}`}>
            {error}
          </Text>
        ) : null}
      </Stack>
    </Box>
  );
}

function hintFor(field: FieldDefinition): string | null {
  if (isMulti(field)) return 'Hold Ctrl (⌘ on a Mac) to choose several.';
  if (field.type === 'duration') return 'E.g. 2w 3d 4h 30m, or a number of hours. Working time: 1w = 5d, 1d = 8h.';
  return null;
}
