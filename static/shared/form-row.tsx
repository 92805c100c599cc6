import './controls.css';
import { Stack, Text } from '@atlaskit/primitives';
import type { ReactNode } from 'react';

export interface FormRowProps {
  /** The id of the control inside, so the label points at it. */
  htmlFor: string;
  label: string;
  /** Helper text under the label. */
  help?: string;
  error: string | undefined;
  errorTestId: string;
  children: ReactNode;
}

/** The ids of a row's help and error texts, for the control's `aria-describedby` (see FormRow). */
export function describedBy(htmlFor: string, parts: { help?: string | undefined; error?: string | undefined }): string | undefined {
  return [parts.help ? `${htmlFor}-help` : '', parts.error ? `${htmlFor}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/** A labelled form control with optional helper text and an inline error under it. */
export function FormRow({ htmlFor, label, help, error, errorTestId, children }: FormRowProps) {
  return (
    <Stack space="space.050">
      <Text as="strong" weight="semibold">
        <label htmlFor={htmlFor}>{label}</label>
      </Text>
      {help ? (
        <Text as="p" size="small" color="color.text.subtle" id={`${htmlFor}-help`}>
          {help}
        </Text>
      ) : null}
      {children}
      {error ? (
        <Text as="p" size="small" color="color.text.danger" testId={errorTestId} id={`${htmlFor}-error`}>
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}
