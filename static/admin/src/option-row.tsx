import { IconButton } from '@atlaskit/button/new';
import { Checkbox } from '@atlaskit/checkbox';
import { ErrorMessage } from '@atlaskit/form';
import ArrowDownIcon from '@atlaskit/icon/core/arrow-down';
import ArrowUpIcon from '@atlaskit/icon/core/arrow-up';
import DeleteIcon from '@atlaskit/icon/core/delete';
import { Box, Inline, Stack, xcss } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import type { OptionDraft } from './options-draft';

const grow = xcss({ flexGrow: 1 });

export interface OptionRowProps {
  option: OptionDraft;
  index: number;
  last: boolean;
  error: string | undefined;
  onChange: (patch: Partial<OptionDraft>) => void;
  onMove: (by: -1 | 1) => void;
  /** Only for a new option: a saved one is disabled, never removed. */
  onRemove: () => void;
}

/** One option: its name, whether it is disabled, up and down, and Remove while it is new. */
export function OptionRow({ option, index, last, error, onChange, onMove, onRemove }: OptionRowProps) {
  return (
    <Stack space="space.050" testId={`option-row-${index}`}>
      <Inline space="space.100" alignBlock="center">
        <Box xcss={grow}>
          <Textfield
            id={`option-name-${option.key}`}
            aria-label={`Option ${index + 1} name`}
            value={option.name}
            isInvalid={error !== undefined}
            onChange={(e) => onChange({ name: e.currentTarget.value })}
            testId={`option-name-${index}`}
          />
        </Box>
        <Checkbox
          label="Disabled"
          isChecked={option.disabled}
          onChange={(e) => onChange({ disabled: e.currentTarget.checked })}
          testId={`option-disabled-${index}`}
        />
        <IconButton
          id={`option-up-${option.key}`}
          icon={ArrowUpIcon}
          label={`Move ${option.name || 'option'} up`}
          appearance="subtle"
          isDisabled={index === 0}
          onClick={() => onMove(-1)}
          testId={`option-up-${index}`}
        />
        <IconButton
          id={`option-down-${option.key}`}
          icon={ArrowDownIcon}
          label={`Move ${option.name || 'option'} down`}
          appearance="subtle"
          isDisabled={last}
          onClick={() => onMove(1)}
          testId={`option-down-${index}`}
        />
        {option.id === undefined ? (
          <IconButton
            icon={DeleteIcon}
            label={`Remove ${option.name || 'new option'}`}
            appearance="subtle"
            onClick={onRemove}
            testId={`option-remove-${index}`}
          />
        ) : null}
      </Inline>
      {error ? <ErrorMessage>{error}</ErrorMessage> : null}
    </Stack>
  );
}
