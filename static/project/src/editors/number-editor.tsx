import Textfield from '@atlaskit/textfield';
import { editorTestId, textOf, type EditorProps } from './editor-props';

/**
 * A number, typed as text: a native number input would turn "12,5" into an empty value without a word, and the
 * page would rather say why it cannot read it.
 */
export function NumberEditor({ field, inputId, draft, onChange, describedBy, invalid }: EditorProps) {
  return (
    <Textfield
      id={inputId}
      testId={editorTestId(field)}
      inputMode="decimal"
      autoComplete="off"
      width="medium"
      value={textOf(draft)}
      onChange={(event) => onChange(event.currentTarget.value)}
      isInvalid={invalid}
      aria-describedby={describedBy}
    />
  );
}
