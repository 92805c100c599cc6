import Button, { IconButton } from '@atlaskit/button/new';
import { Checkbox } from '@atlaskit/checkbox';
import { ErrorMessage } from '@atlaskit/form';
import ArrowDownIcon from '@atlaskit/icon/core/arrow-down';
import ArrowUpIcon from '@atlaskit/icon/core/arrow-up';
import DeleteIcon from '@atlaskit/icon/core/delete';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Textfield from '@atlaskit/textfield';
import { useEffect, useState, type FormEvent } from 'react';
import type { FieldDefinition } from '../../../src/contract/fields';
import { call } from '../../shared/api';
import { toApiError } from '../../shared/api-error';
import { adminMessage } from './admin-text';
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
    <Modal onClose={() => (busy ? undefined : onClose())} width="large" testId="options-form" shouldScrollInViewport>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={`Options of ${field.name}`}>
        <ModalHeader hasCloseButton>
          <ModalTitle>{`Options of “${field.name}”`}</ModalTitle>
        </ModalHeader>
        <ModalBody>
          <Stack space="space.150">
            <Text as="p" color="color.text.subtle">
              {field.type === 'priority' ? 'The order is the rank: most important first. ' : 'Options are offered in this order. '}A disabled option
              stays on the projects that have it, but can no longer be chosen. Renaming an option changes it on every project; receivers get the new
              name with the next change.
            </Text>
            {options.map((option, index) => (
              <Stack key={option.key} space="space.050" testId={`option-row-${index}`}>
                <Inline space="space.100" alignBlock="center">
                  <Box xcss={grow}>
                    <Textfield
                      id={`option-name-${option.key}`}
                      aria-label={`Option ${index + 1} name`}
                      value={option.name}
                      isInvalid={errors[option.key] !== undefined}
                      onChange={(e) => change(option.key, { name: e.currentTarget.value })}
                      testId={`option-name-${index}`}
                    />
                  </Box>
                  <Checkbox
                    label="Disabled"
                    isChecked={option.disabled}
                    onChange={(e) => change(option.key, { disabled: e.currentTarget.checked })}
                    testId={`option-disabled-${index}`}
                  />
                  <IconButton
                    id={`option-up-${option.key}`}
                    icon={ArrowUpIcon}
                    label={`Move ${option.name || 'option'} up`}
                    appearance="subtle"
                    isDisabled={index === 0}
                    onClick={() => move(index, -1, option.key)}
                    testId={`option-up-${index}`}
                  />
                  <IconButton
                    id={`option-down-${option.key}`}
                    icon={ArrowDownIcon}
                    label={`Move ${option.name || 'option'} down`}
                    appearance="subtle"
                    isDisabled={index === options.length - 1}
                    onClick={() => move(index, 1, option.key)}
                    testId={`option-down-${index}`}
                  />
                  {option.id === undefined ? (
                    <IconButton
                      icon={DeleteIcon}
                      label={`Remove ${option.name || 'new option'}`}
                      appearance="subtle"
                      onClick={() => {
                        setOptions((list) => removeNewOption(list, option.key));
                        setFocus('option-new-name');
                      }}
                      testId={`option-remove-${index}`}
                    />
                  ) : null}
                </Inline>
                {errors[option.key] ? <ErrorMessage>{errors[option.key]}</ErrorMessage> : null}
              </Stack>
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
            {failure ? (
              <SectionMessage appearance="error" title="Could not save the options" testId="options-form-failure">
                {failure}
              </SectionMessage>
            ) : null}
          </Stack>
        </ModalBody>
        <ModalFooter>
          <Button appearance="subtle" onClick={onClose} isDisabled={busy} testId="options-form-cancel">
            Cancel
          </Button>
          <Button type="submit" appearance="primary" isLoading={busy} testId="options-form-save">
            Save options
          </Button>
        </ModalFooter>
      </form>
    </Modal>
  );
}
