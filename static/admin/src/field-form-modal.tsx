import { Text } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { useState } from 'react';
import { FIELD_TYPES, OPTION_TYPES, type FieldDefinition, type FieldType } from '../../../src/contract/fields';
import { call } from '../../shared/api';
import { FIELD_TYPE_HELP, FIELD_TYPE_LABELS } from './field-type-labels';
import { FormField } from './form-field';
import { FormModal } from './form-modal';
import { useFormSubmit } from './use-form-submit';

export interface FieldFormModalProps {
  /** The field to edit (its name and description; a type never changes); none to create one. */
  field?: FieldDefinition;
  onSaved: (field: FieldDefinition, created: boolean) => void;
  onClose: () => void;
}

const typeOptions = FIELD_TYPES.map((type) => ({ label: FIELD_TYPE_LABELS[type], value: type }));
const KEYS = ['name', 'type', 'description', 'options'];
const controlOf = (key: string) => `field-${key}`;

/** Creates a field (its type explained as it is chosen), or renames one and changes its description. */
export function FieldFormModal({ field, onSaved, onClose }: FieldFormModalProps) {
  const [name, setName] = useState(field?.name ?? '');
  const [type, setType] = useState<FieldType>(field?.type ?? 'text');
  const [description, setDescription] = useState(field?.description ?? '');
  const [options, setOptions] = useState('');
  const { errors, failure, busy, submit } = useFormSubmit(KEYS, controlOf);
  const hasOptions = OPTION_TYPES.includes(type);
  const optionNames = () =>
    options
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');

  const check = () => {
    const found: Record<string, string> = {};
    if (name.trim() === '') found.name = 'Give the field a name, as project admins will see it.';
    if (!field && hasOptions && optionNames().length === 0) found.options = 'Add at least one option, one per line.';
    return found;
  };
  const save = async () => {
    const answer = field
      ? await call('fields/update', { id: field.id, name: name.trim(), description: description.trim() })
      : await call('fields/create', {
          name: name.trim(),
          type,
          ...(description.trim() ? { description: description.trim() } : {}),
          ...(hasOptions ? { options: optionNames() } : {}),
        });
    onSaved(answer.field, !field);
  };

  return (
    <FormModal
      title={field ? `Edit “${field.name}”` : 'Create a field'}
      label={field ? `Edit ${field.name}` : 'Create a field'}
      submitLabel={field ? 'Save' : 'Create'}
      busy={busy}
      failure={failure}
      failureTitle={field ? 'Could not save the field' : 'Could not create the field'}
      onSubmit={(event) => void submit(event, check, save)}
      onClose={onClose}
      width="medium"
      testId="field-form"
    >
      <FormField id="field-name" label="Name" isRequired error={errors.name} help="Unique among fields; receivers and the REST API can use it too.">
        {(describedBy) => (
          <Textfield
            id="field-name"
            value={name}
            maxLength={255}
            isInvalid={errors.name !== undefined}
            aria-describedby={describedBy}
            onChange={(e) => setName(e.currentTarget.value)}
            testId="field-name"
          />
        )}
      </FormField>
      {field ? (
        <Text as="p">{`Type: ${FIELD_TYPE_LABELS[field.type]}. A field keeps its type, so that stored values and past changes keep their meaning.`}</Text>
      ) : (
        <FormField id="field-type" label="Type" isRequired error={errors.type} help={FIELD_TYPE_HELP[type]}>
          {(describedBy) => (
            <Select
              inputId="field-type"
              options={typeOptions}
              value={typeOptions.find((o) => o.value === type) ?? null}
              onChange={(option) => option && setType(option.value)}
              aria-describedby={describedBy}
              testId="field-type"
            />
          )}
        </FormField>
      )}
      <FormField
        id="field-description"
        label="Description"
        error={errors.description}
        help="Shown under the field's name on the project page; at most 1000 characters."
      >
        {(describedBy) => (
          <TextArea
            id="field-description"
            value={description}
            maxLength={1000}
            isInvalid={errors.description !== undefined}
            aria-describedby={describedBy}
            onChange={(e) => setDescription(e.currentTarget.value)}
            testId="field-description"
          />
        )}
      </FormField>
      {!field && hasOptions ? (
        <FormField
          id="field-options"
          label="Options"
          isRequired
          error={errors.options}
          help="One option per line, in the order they are offered. You can rename, disable and reorder them later."
        >
          {(describedBy) => (
            <TextArea
              id="field-options"
              value={options}
              minimumRows={4}
              isInvalid={errors.options !== undefined}
              aria-describedby={describedBy}
              onChange={(e) => setOptions(e.currentTarget.value)}
              testId="field-options"
            />
          )}
        </FormField>
      ) : null}
    </FormModal>
  );
}
