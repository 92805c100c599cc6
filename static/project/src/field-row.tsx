import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import { Box, Stack, xcss } from '@atlaskit/primitives';
import type { FieldDefinition, RawValue } from '../../../src/contract/fields';
import { EditorForType } from './editors/editor-for-type';
import type { Draft } from './field-draft';
import { errorId, helpId, hintId, inputId } from './field-ids';
import type { Names } from './names';
import type { Pick } from './picks';

const rowStyles = xcss({ maxWidth: '40rem' });

export interface FieldRowProps {
  field: FieldDefinition;
  stored: RawValue | null | undefined;
  draft: Draft;
  names: Names;
  error: string | undefined;
  onChange: (draft: Draft) => void;
  onPicked: (picks: readonly Pick[]) => void;
}

const HINTS: Partial<Record<FieldDefinition['type'], string>> = {
  duration: 'Working time, as Jira counts it: 1w = 5d, 1d = 8h. A bare number is hours.',
  multiuser: 'Type to search; Backspace removes the last person.',
  multiproject: 'Type to search; Backspace removes the last project.',
  multilist: 'Backspace removes the last option.',
};

/** One editable field: label, description, the editor for its type, a hint where typing needs one, and its error. */
export function FieldRow({ field, stored, draft, names, error, onChange, onPicked }: FieldRowProps) {
  const hint = HINTS[field.type];
  const describedBy = [field.description ? helpId(field) : '', hint ? hintId(field) : '', error ? errorId(field) : ''].filter(Boolean).join(' ');
  return (
    <Box xcss={rowStyles} testId={`field-${field.id}`}>
      <Stack space="space.050">
        <Label htmlFor={inputId(field)} testId={`field-label-${field.id}`}>
          {field.name}
        </Label>
        {field.description ? (
          <Box id={helpId(field)}>
            <HelperMessage>{field.description}</HelperMessage>
          </Box>
        ) : null}
        <EditorForType
          field={field}
          inputId={inputId(field)}
          draft={draft}
          onChange={onChange}
          describedBy={describedBy || undefined}
          invalid={error !== undefined}
          stored={stored}
          names={names}
          onPicked={onPicked}
        />
        {hint ? (
          <Box id={hintId(field)}>
            <HelperMessage>{hint}</HelperMessage>
          </Box>
        ) : null}
        {error ? (
          <Box id={errorId(field)}>
            <ErrorMessage testId={`field-error-${field.id}`}>{error}</ErrorMessage>
          </Box>
        ) : null}
      </Stack>
    </Box>
  );
}
