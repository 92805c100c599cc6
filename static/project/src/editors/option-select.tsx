import { Box } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import type { RawValue } from '../../../../src/contract/fields';
import { isMulti } from '../field-draft';
import { OptionLozenge } from '../option-lozenge';
import { chosen, optionChoices, type OptionChoice } from '../option-choices';
import { editorTestId, listOf, textOf, type EditorProps } from './editor-props';

export interface OptionSelectProps extends EditorProps {
  /** The stored value, so a held disabled option stays offered. */
  stored: RawValue | null | undefined;
}

/**
 * Atlaskit's select for status, priority and list fields: the options as lozenges for status and priority; a
 * multi-list holds removable tags (Backspace removes the last, ← → move between them). Escape closes the menu.
 */
export function OptionSelect({ field, inputId, draft, onChange, describedBy, invalid, stored }: OptionSelectProps) {
  const choices = optionChoices(field, stored);
  const label = (choice: OptionChoice, context: 'menu' | 'value') =>
    field.type === 'list' || field.type === 'multilist' || (context === 'value' && isMulti(field)) ? (
      choice.label
    ) : (
      <OptionLozenge field={field} optionId={choice.optionId} label={choice.label} />
    );
  const common = {
    inputId,
    options: choices,
    isInvalid: invalid,
    'aria-describedby': describedBy,
    placeholder: isMulti(field) ? 'Choose any' : 'None',
    menuPlacement: 'auto' as const,
    formatOptionLabel: (choice: OptionChoice, meta: { context: 'menu' | 'value' }) => label(choice, meta.context),
    noOptionsMessage: () => 'No options: a Jira administrator can add them on the Projectrak admin page.',
  };
  return (
    <Box testId={editorTestId(field)}>
      {isMulti(field) ? (
        <Select<OptionChoice, true>
          {...common}
          isMulti
          value={chosen(choices, listOf(draft))}
          onChange={(picked) => onChange(picked.map((choice) => choice.value))}
        />
      ) : (
        <Select<OptionChoice, false>
          {...common}
          isClearable
          value={chosen(choices, [textOf(draft)])[0] ?? null}
          onChange={(picked) => onChange(picked?.value ?? '')}
        />
      )}
    </Box>
  );
}
