import Button from '@atlaskit/button/new';
import { Box, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import type { FieldDefinition, FieldError } from '../../../src/contract/fields';
import type { ApiError } from '../../shared/api-error';
import { focusField } from './field-ids';
import { SUMMARY_ID } from './use-field-editor';

export interface ErrorSummaryProps {
  /** In page order. */
  fields: readonly FieldDefinition[];
  errors: Record<string, string>;
  failure: ApiError | null;
  unmatched: readonly FieldError[];
}

/**
 * What kept the last save from happening, by the Save button: each refused field as a button that takes focus to it,
 * then what names no field. Focus lands here when no field is to blame.
 */
export function ErrorSummary({ fields, errors, failure, unmatched }: ErrorSummaryProps) {
  const refused = fields.filter((field) => errors[String(field.id)] !== undefined);
  if (refused.length === 0 && !failure) return null;
  const title =
    refused.length === 0
      ? 'Could not save'
      : `Could not save: ${refused.length === 1 ? 'one field needs' : `${refused.length} fields need`} attention`;
  return (
    <Box id={SUMMARY_ID} tabIndex={-1} testId="error-summary">
      <SectionMessage appearance="error" title={title}>
        <Stack space="space.050">
          {refused.length === 0 && failure ? (
            <Text as="p" testId="error-summary-message">
              {failure.message}
            </Text>
          ) : null}
          {refused.map((field) => (
            <Box key={field.id}>
              <Button appearance="subtle" spacing="compact" onClick={() => focusField(String(field.id))} testId={`error-summary-${field.id}`}>
                {field.name}
              </Button>
              <Text> {errors[String(field.id)]}</Text>
            </Box>
          ))}
          {unmatched.map((entry) => (
            <Text as="p" key={`${entry.field}-${entry.code}`}>
              {entry.message}
            </Text>
          ))}
        </Stack>
      </SectionMessage>
    </Box>
  );
}
