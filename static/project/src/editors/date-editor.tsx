import { Box, xcss } from '@atlaskit/primitives';
import DatePicker from '@atlaskit/datetime-picker/date-picker';
import { editorTestId, textOf, type EditorProps } from './editor-props';

const width = xcss({ maxWidth: '16rem' });

/**
 * Atlaskit's date picker: typed or chosen from its calendar (arrow keys move, Enter picks, Escape closes). Shown and
 * typed as yyyy-mm-dd, which reads the same in every locale; it hands back that stored form, or '' when cleared.
 */
export function DateEditor({ field, inputId, draft, onChange, describedBy, invalid }: EditorProps) {
  return (
    <Box xcss={width}>
      <DatePicker
        id={inputId}
        testId={editorTestId(field)}
        value={textOf(draft)}
        onChange={(value) => onChange(value)}
        isInvalid={invalid}
        dateFormat="YYYY-MM-DD"
        placeholder="yyyy-mm-dd"
        clearControlLabel={`Clear ${field.name}`}
        {...(describedBy ? { 'aria-describedby': describedBy } : {})}
      />
    </Box>
  );
}
