import { Stack, Text } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import { formatDuration, parseDuration } from '../duration';
import { editorTestId, textOf, type EditorProps } from './editor-props';

/**
 * A duration typed as Jira's time tracking takes it ("2w 3d 4h"), with how it reads once saved when that differs
 * (working time: "5d" is a week, so "2w 5d" reads "3w").
 */
export function DurationEditor({ field, inputId, draft, onChange, describedBy, invalid }: EditorProps) {
  const text = textOf(draft);
  const parsed = text.trim() === '' ? null : parseDuration(text);
  const reads = parsed?.ok ? formatDuration(parsed.ms) : null;
  const readsId = `${inputId}-reads`;
  const showReads = reads !== null && reads !== text.trim().toLowerCase().replace(/\s+/g, ' ');
  return (
    <Stack space="space.050">
      <Textfield
        id={inputId}
        testId={editorTestId(field)}
        width="medium"
        autoComplete="off"
        placeholder="e.g. 2w 3d 4h"
        value={text}
        onChange={(event) => onChange(event.currentTarget.value)}
        isInvalid={invalid}
        aria-describedby={[describedBy, showReads ? readsId : ''].filter(Boolean).join(' ') || undefined}
      />
      {showReads ? (
        <Text size="small" color="color.text.subtle" id={readsId} testId={`field-reads-${field.id}`}>
          Reads as {reads}
        </Text>
      ) : null}
    </Stack>
  );
}
