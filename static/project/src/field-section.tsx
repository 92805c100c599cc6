import Heading from '@atlaskit/heading';
import { Box, Stack } from '@atlaskit/primitives';
import type { ReactNode } from 'react';
import type { FieldGroup } from './field-groups';

/** One section of fields under its heading (see field-groups.ts for which fields go where). */
export function FieldSection({ group, children }: { group: FieldGroup; children: ReactNode }) {
  const headingId = `section-${group.key}-heading`;
  return (
    <Box as="section" aria-labelledby={headingId} testId={`section-${group.key}`}>
      <Stack space="space.200">
        <Heading size="small" as="h2" id={headingId}>
          {group.title}
        </Heading>
        {children}
      </Stack>
    </Box>
  );
}
