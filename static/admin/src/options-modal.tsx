import Button from '@atlaskit/button/new';
import { ErrorMessage } from '@atlaskit/form';
import { Box, Inline, Text, xcss } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import { useEffect, useState, type FormEvent } from 'react';
import type { FieldDefinition } from '../../../src/contract/fields';
import { call } from '../../shared/api';
import { toApiError } from '../../shared/api-error';
import { FormModal } from './form-modal';
import { adminMessage } from './admin-text';
import { OptionRow } from './option-row';
import { addOption, checkOptions, draftOptions, moveOption, optionsInput, removeNewOption, type OptionDraft } from './options-draft';

const grow = xcss({ flexGrow: 1 });

/**
 * A list field's options: rename, disable, reorder, add. Saved options are never removed, only disabled: projects
 * that hold one keep it, and it is no longer offered.
 */
export function OptionsModal({
  field,
  onSaved,
  onClose,
}: {
  field: FieldDefinition;
  onSaved: (field: FieldDefinition) => void;
  onClose: () => void;
}) {
  const [options, setOptions] = useState<OptionDraft[]>(() => draftOptions(field.options ?? []));
  const [newName, setNewName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [focus, setFocus] = useState<string | null>(null);
  useEffect(() => {
    if (focus === null) return;
    document.getElementById(focus)?.focus();
    setFocus(null);
  }, [focus]);

  const change = (key: string, patch: Partial<OptionDraft>) => setOptions((list) => list.map((o) => (o.key === key ? { ...o, ...patch } : o)));
  const move = (index: number, by: -1 | 1, key: string) => {
    setOptions((list) => moveOption(list, index, by));
    // Focus stays on the button pressed; at an end, on the other one.
    const end = index + by === 0 || index + by === options.length - 1;
    setFocus(`option-${end ? (by < 0 ? 'down' : 'up') : by < 0 ? 'up' : 'down'}-${key}`);
  };
  const add = () => {
    if (newName.trim() === '') return setErrors({ new: 'Type the new option’s name first.' });
    setOptions((list) => addOption(list, newName));
    setNewName('');
    setErrors({});
    setFocus('option-new-name');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkOptions(options);
    setErrors(found);
    setFailure(null);
    const first = options.find((o) => found[o.key]);
    if (first) return setFocus(`option-name-${first.key}`);
    setBusy(true);
    try {
      const answer = await call('fields/update', { id: field.id, options: optionsInput(options) });
      onSaved(answer.field);
    } catch (thrown) {
      setFailure(adminMessage(toApiError(thrown)));
      setBusy(false);
    }
  };

  return (
    <FormModal
      title={`Options of “${field.name}”`}
      label={`Options of ${field.name}`}
      submitLabel={'Save options'}
      busy={busy}
      failure={failure}
      failureTitle={'Could not save the options'}
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
      width="large"
      testId="options-form"
    >
      <Text as="p" color="color.text.subtle">
        {field.type === 'priority' ? 'The order is the rank: most important first. ' : 'Options are offered in this order. '}A disabled option stays
        on the projects that have it, but can no longer be chosen. Renaming an option changes it on every project; receivers get the new name with the
        next change.
      </Text>
      {options.map((option, index) => (
        <OptionRow
          key={option.key}
          option={option}
          index={index}
          last={index === options.length - 1}
          error={errors[option.key]}
          onChange={(patch) => change(option.key, patch)}
          onMove={(by) => move(index, by, option.key)}
          onRemove={() => {
            setOptions((list) => removeNewOption(list, option.key));
            setFocus('option-new-name');
          }}
        />
      ))}
      <Inline space="space.100" alignBlock="center">
        <Box xcss={grow}>
          <Textfield
            id="option-new-name"
            aria-label="New option name"
            placeholder="New option"
            value={newName}
            onChange={(e) => setNewName(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
            testId="option-new-name"
          />
        </Box>
        <Button onClick={add} testId="option-add">
          Add option
        </Button>
      </Inline>
      {errors.new ? <ErrorMessage>{errors.new}</ErrorMessage> : null}
    </FormModal>
  );
}
