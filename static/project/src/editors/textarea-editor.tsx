import { Stack, Text } from '@atlaskit/primitives';
import TextArea from '@atlaskit/textarea';
import { counterText, measureText } from '../text-limits';
import { editorTestId, textOf, type EditorProps } from './editor-props';

/** Several lines, growing with the text, with a count of the bytes it may hold (Atlaskit's counter counts characters). */
export function TextareaEditor({ field, inputId, draft, onChange, describedBy, invalid }: EditorProps) {
  const text = textOf(draft);
  const measure = measureText(field, text);
  const over = measure !== null && measure.used > measure.limit;
  const counterId = `${inputId}-counter`;
  return (
    <Stack space="space.050">
      <TextArea
        id={inputId}
        testId={editorTestId(field)}
        value={text}
        minimumRows={3}
        resize="smart"
        onChange={(event) => onChange(event.currentTarget.value)}
        isInvalid={invalid || over}
        aria-describedby={[describedBy, counterId].filter(Boolean).join(' ')}
      />
      {measure ? (
        <Text size="small" color={over ? 'color.text.danger' : 'color.text.subtlest'} id={counterId} testId={`field-counter-${field.id}`}>
          {counterText(measure)}
        </Text>
      ) : null}
    </Stack>
  );
}
