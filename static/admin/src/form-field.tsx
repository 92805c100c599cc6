import { ErrorMessage, HelperMessage, Label, RequiredAsterisk } from '@atlaskit/form';
import { Box, Stack } from '@atlaskit/primitives';
import type { ReactNode } from 'react';

export interface FormFieldProps {
  /** The control's id: the label points at it, and its help and error get ids from it. */
  id: string;
  label: string;
  isRequired?: boolean;
  help?: ReactNode;
  error?: string | undefined;
  /** Renders the control, given what its `aria-describedby` should be. */
  children: (describedBy: string | undefined) => ReactNode;
}

/** A labelled control with its help under it and, after a refusal, the reason (once, where the admin is looking). */
export function FormField({ id, label, isRequired = false, help, error, children }: FormFieldProps) {
  const describedBy = [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <Stack space="space.050">
      <Label htmlFor={id}>
        {label}
        {isRequired ? <RequiredAsterisk /> : null}
      </Label>
      {children(describedBy)}
      {help ? (
        <Box id={`${id}-help`}>
          <HelperMessage>{help}</HelperMessage>
        </Box>
      ) : null}
      {error ? (
        <Box id={`${id}-error`}>
          <ErrorMessage testId={`${id}-error`}>{error}</ErrorMessage>
        </Box>
      ) : null}
    </Stack>
  );
}
