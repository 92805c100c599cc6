import Button from '@atlaskit/button/new';
import { Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import type { ReactNode } from 'react';
import type { ApiError } from './api-error';

export interface ErrorBannerProps {
  error: ApiError;
  title?: string;
  /** When given, a "Try again" button is shown. */
  onRetry?: () => void;
  /** Extra details, shown under the message. */
  children?: ReactNode;
}

/** Shows a resolver or client error as an error SectionMessage, message first, code below. */
export function ErrorBanner({ error, title = 'Something went wrong', onRetry, children }: ErrorBannerProps) {
  return (
    <SectionMessage appearance="error" title={title} testId="error-banner">
      <Stack space="space.100" alignInline="start">
        <Text as="p" testId="error-message">
          {error.message}
        </Text>
        {children}
        <Text as="p" size="small" color="color.text.subtlest" testId="error-code">
          Error code: {error.code}
        </Text>
        {onRetry ? (
          <Button appearance="default" onClick={onRetry} testId="retry-button">
            Try again
          </Button>
        ) : null}
      </Stack>
    </SectionMessage>
  );
}
