import { CharacterCounter } from '@atlaskit/form';
import { Stack } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import { TEXT_MAX_CHARS } from '../../../../src/contract/fields';
import { editorTestId, textOf, type EditorProps } from './editor-props';

/** A single line, with Atlaskit's character counter: over the limit it turns red and saving is refused, never cut. */
export function TextEditor({ field, inputId, draft, onChange, describedBy, invalid }: EditorProps) {
  const text = textOf(draft);
  const counterId = `${inputId}-character-counter`;
  return (
    <Stack space="space.050">
      <Textfield
        id={inputId}
        testId={editorTestId(field)}
        value={text}
        onChange={(event) => onChange(event.currentTarget.value)}
        isInvalid={invalid || text.length > TEXT_MAX_CHARS}
        aria-describedby={[describedBy, counterId].filter(Boolean).join(' ')}
      />
      <CharacterCounter maxCharacters={TEXT_MAX_CHARS} currentValue={text} inputId={inputId} testId={`field-counter-${field.id}`} />
    </Stack>
  );
}
