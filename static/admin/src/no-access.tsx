import EmptyState from '@atlaskit/empty-state';
import { Box, Text } from '@atlaskit/primitives';
import type { ApiError } from '../../shared/api-error';
import { asSentence } from './admin-text';

/** For someone who is not a Jira admin: what they cannot do, and whom to ask. */
export function NoAccess({ error }: { error: ApiError }) {
  return (
    <Box as="main" padding="space.300" testId="no-access">
      <EmptyState
        header="You cannot manage Projectrak"
        headingLevel={1}
        description={
          <>
            <Text as="p" testId="error-message">
              {asSentence(error.message)}
            </Text>
            <Text as="p">
              Ask a Jira admin of this site for access, or for the change you need. Project fields are edited on each project&apos;s page.
            </Text>
          </>
        }
        testId="error-banner"
      />
    </Box>
  );
}
