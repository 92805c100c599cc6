import { Box, Stack } from '@atlaskit/primitives';
import type { ReactNode } from 'react';

/** The padded outer column every Custom UI page renders into. */
export function Page({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <Box as="main" padding="space.300" testId={testId}>
      <Stack space="space.300">{children}</Stack>
    </Box>
  );
}
