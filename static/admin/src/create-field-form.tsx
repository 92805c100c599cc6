import '../../shared/controls.css';
import Button from '@atlaskit/button/new';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { useState, type FormEvent } from 'react';
import { FIELD_TYPES, OPTION_TYPES, type FieldDefinition, type FieldType } from '../../../src/contract/fields';
import { call } from '../../shared/api';
import { describedBy, FormRow } from '../../shared/form-row';
import { useSubmit } from '../../shared/use-submit';
import { FormFailure } from './form-failure';
import { FIELD_TYPE_LABELS } from './field-type-labels';
import { formErrors } from './form-errors';

const INPUTS = ['name', 'type', 'description', 'options'] as const;

/** The form that adds a field; option types take their options one per line. */
export function CreateFieldForm({ onCreated }: { onCreated: (field: FieldDefinition) => void }) {
  const [name, setName] = useState('');
  const [type, setType] = useState<FieldType>('text');
  const [description, setDescription] = useState('');
  const [options, setOptions] = useState('');
  const { busy, failure, run } = useSubmit();
  const [created, setCreated] = useState<string | null>(null);
  const hasOptions = OPTION_TYPES.includes(type);
  const errors = formErrors(failure, INPUTS);

  const submit = (event: FormEvent) => {
    setCreated(null);
    return run(event, async () => {
      const optionNames = options
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '');
      const { field } = await call('fields/create', {
        name: name.trim(),
        type,
        ...(description.trim() ? { description: description.trim() } : {}),
        ...(hasOptions ? { options: optionNames } : {}),
      });
      setName('');
      setDescription('');
      setOptions('');
      setCreated(field.name);
      onCreated(field);
    });
  };

  return (
    <form onSubmit={(event) => void submit(event)} aria-label="Create a field">
      <Stack space="space.150">
        <FormRow htmlFor="create-field-name" label="Name" error={errors.byName.name} errorTestId="create-field-error-name">
          <input
            id="create-field-name"
            aria-describedby={describedBy('create-field-name', { error: errors.byName.name })}
            aria-invalid={errors.byName.name !== undefined}
            className="pr-control"
            data-testid="create-field-name"
            maxLength={255}
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </FormRow>
        <FormRow htmlFor="create-field-type" label="Type" error={errors.byName.type} errorTestId="create-field-error-type">
          <select
            id="create-field-type"
            aria-describedby={describedBy('create-field-type', { error: errors.byName.type })}
            aria-invalid={errors.byName.type !== undefined}
            className="pr-control"
            data-testid="create-field-type"
            value={type}
            onChange={(e) => setType(e.target.value as FieldType)}
          >
            {FIELD_TYPES.map((value) => (
              <option key={value} value={value}>
                {FIELD_TYPE_LABELS[value]}
              </option>
            ))}
          </select>
        </FormRow>
        <FormRow
          htmlFor="create-field-description"
          label="Description (optional)"
          error={errors.byName.description}
          errorTestId="create-field-error-description"
        >
          <input
            id="create-field-description"
            aria-describedby={describedBy('create-field-description', { error: errors.byName.description })}
            aria-invalid={errors.byName.description !== undefined}
            className="pr-control"
            data-testid="create-field-description"
            maxLength={1000}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </FormRow>
        {hasOptions ? (
          <FormRow
            htmlFor="create-field-options"
            label="Options"
            help="One option per line, in the order they should be offered."
            error={errors.byName.options}
            errorTestId="create-field-error-options"
          >
            <textarea
              id="create-field-options"
              aria-describedby={describedBy('create-field-options', { help: 'yes', error: errors.byName.options })}
              aria-invalid={errors.byName.options !== undefined}
              className="pr-control"
              data-testid="create-field-options"
              rows={5}
              value={options}
              onChange={(e) => setOptions(e.target.value)}
            />
          </FormRow>
        ) : null}
        <FormFailure failure={failure} title="Could not create the field" other={errors.other} />
        <Inline space="space.200" alignBlock="center">
          <Button type="submit" appearance="primary" isLoading={busy} testId="create-field-submit">
            Create field
          </Button>
          {created ? (
            <Text color="color.text.success" testId="create-field-result" role="status">
              Created “{created}”
            </Text>
          ) : null}
        </Inline>
      </Stack>
    </form>
  );
}
