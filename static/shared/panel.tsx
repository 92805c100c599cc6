import Heading from '@atlaskit/heading';
import { Box, Stack, xcss } from '@atlaskit/primitives';
import type { ReactNode } from 'react';

const panelStyles = xcss({
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
  backgroundColor: 'elevation.surface',
});

export interface PanelProps {
  title: string;
  testId: string;
  children: ReactNode;
}

/** A bordered section of a page with its own small heading. */
export function Panel({ title, testId, children }: PanelProps) {
  return (
    <Box as="section" xcss={panelStyles} padding="space.200" testId={testId}>
      <Stack space="space.200">
        <Heading size="small" as="h2">
          {title}
        </Heading>
        {children}
      </Stack>
    </Box>
  );
}
