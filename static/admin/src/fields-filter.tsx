import { Stack } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import type { FieldDefinition } from '../../../src/contract/fields';
import { AllOrChosen, type ChoiceProps, type Option } from './all-or-chosen';
import { FormField } from './form-field';

const fieldOption = (f: FieldDefinition): Option<number> => ({ label: f.archived ? `${f.name} (archived)` : f.name, value: f.id });

/** Which fields a change is sent with: all, or only those chosen (a change of none of them is not sent). */
export function FieldsFilter({
  all,
  chosen,
  onChange,
  error,
  fields,
  systemFields,
}: ChoiceProps<number> & { fields: FieldDefinition[]; systemFields: FieldDefinition[] }) {
  const every = [...fields, ...systemFields];
  const groups = [
    { label: 'Projectrak fields', options: fields.map(fieldOption) },
    { label: "Jira's project attributes", options: systemFields.map(fieldOption) },
  ];
  const value = chosen.map((id) => {
    const field = every.find((f) => f.id === id);
    return field ? fieldOption(field) : { label: `Field ${id} (deleted)`, value: id };
  });
  return (
    <Stack space="space.100">
      <AllOrChosen
        id="webhook-fields-mode"
        legend="Fields"
        allLabel="Every field"
        chosenLabel="Only these fields"
        all={all}
        onAll={(a) => onChange(a, chosen)}
      />
      {all ? null : (
        <FormField
          id="webhook-fields"
          label="Fields to send"
          error={error}
          help="A change is sent with only these fields, and not at all when it has none of them."
        >
          {(describedBy) => (
            <Select<Option<number>, true>
              inputId="webhook-fields"
              isMulti
              options={groups}
              value={value}
              onChange={(options) =>
                onChange(
                  false,
                  options.map((o) => o.value),
                )
              }
              isInvalid={error !== undefined}
              aria-describedby={describedBy}
              placeholder="Choose fields"
              testId="webhook-fields"
            />
          )}
        </FormField>
      )}
    </Stack>
  );
}
