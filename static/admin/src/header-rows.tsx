import Button, { IconButton } from '@atlaskit/button/new';
import { ErrorMessage, Fieldset, HelperMessage } from '@atlaskit/form';
import AddIcon from '@atlaskit/icon/core/add';
import DeleteIcon from '@atlaskit/icon/core/delete';
import { Box, Inline, Stack, xcss } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import { useEffect, useRef } from 'react';
import type { HeaderDraft } from './webhook-draft';
import { MAX_HEADERS } from './webhook-draft';

const grow = xcss({ flexGrow: 1 });

export interface HeaderRowsProps {
  headers: HeaderDraft[];
  onChange: (headers: HeaderDraft[]) => void;
  /** Refusals by `headers.<index>`. */
  errors: Record<string, string>;
}

/**
 * Custom headers sent with every delivery, such as a receiver's token. A saved value is never shown again: its field
 * says so, and stays empty unless the admin types a new value to replace it.
 */
export function HeaderRows({ headers, onChange, errors }: HeaderRowsProps) {
  // Focus follows the admin: to a header just added, to "Add a header" after one is removed.
  const focusAfter = useRef<'added' | 'removed' | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusAfter.current === 'added') document.getElementById(`webhook-header-name-${headers.length - 1}`)?.focus();
    if (focusAfter.current === 'removed') addButton.current?.focus();
    focusAfter.current = null;
  }, [headers.length]);
  const change = (index: number, patch: Partial<HeaderDraft>) => onChange(headers.map((h, i) => (i === index ? { ...h, ...patch } : h)));
  return (
    <Fieldset legend="Custom headers">
      <Stack space="space.100">
        <HelperMessage>Sent with every delivery, such as a token your receiver asks for. Saved values are never shown again.</HelperMessage>
        {headers.map((header, i) => (
          <Stack key={i} space="space.050">
            <Inline space="space.100" alignBlock="center">
              <Box xcss={grow}>
                <Textfield
                  id={`webhook-header-name-${i}`}
                  aria-label={`Header ${i + 1} name`}
                  placeholder="Header name, such as Authorization"
                  value={header.name}
                  isDisabled={header.saved}
                  isInvalid={errors[`headers.${i}`] !== undefined}
                  aria-describedby={errors[`headers.${i}`] ? `webhook-header-${i}-error` : undefined}
                  onChange={(event) => change(i, { name: event.currentTarget.value })}
                  testId={`webhook-header-name-${i}`}
                />
              </Box>
              <Box xcss={grow}>
                <Textfield
                  id={`webhook-header-value-${i}`}
                  aria-label={`Header ${i + 1} value`}
                  placeholder={header.saved ? '•••••••• saved: type to replace' : 'Value'}
                  value={header.value}
                  autoComplete="off"
                  onChange={(event) => change(i, { value: event.currentTarget.value })}
                  testId={`webhook-header-value-${i}`}
                />
              </Box>
              <IconButton
                icon={DeleteIcon}
                label={`Remove header ${header.name || i + 1}`}
                appearance="subtle"
                onClick={() => {
                  focusAfter.current = 'removed';
                  onChange(headers.filter((_, other) => other !== i));
                }}
                testId={`webhook-header-remove-${i}`}
              />
            </Inline>
            {errors[`headers.${i}`] ? (
              <Box id={`webhook-header-${i}-error`}>
                <ErrorMessage>{errors[`headers.${i}`]}</ErrorMessage>
              </Box>
            ) : null}
          </Stack>
        ))}
        {errors.headers ? <ErrorMessage>{errors.headers}</ErrorMessage> : null}
        <Inline>
          <Button
            ref={addButton}
            iconBefore={AddIcon}
            onClick={() => {
              focusAfter.current = 'added';
              onChange([...headers, { name: '', value: '', saved: false }]);
            }}
            isDisabled={headers.length >= MAX_HEADERS}
            testId="webhook-header-add"
          >
            {headers.length >= MAX_HEADERS ? `At most ${MAX_HEADERS} headers` : 'Add a header'}
          </Button>
        </Inline>
      </Stack>
    </Fieldset>
  );
}
