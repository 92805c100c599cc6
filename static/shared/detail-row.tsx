import { Box, Inline, Text, xcss } from '@atlaskit/primitives';
import type { ReactNode } from 'react';

const labelStyles = xcss({ minWidth: '10rem' });

export interface DetailRowProps {
  label: string;
  children: ReactNode;
}

/** One "label: value" line inside a panel. The value keeps its own test id. */
export function DetailRow({ label, children }: DetailRowProps) {
  return (
    <Inline space="space.200" alignBlock="center">
      <Box xcss={labelStyles}>
        <Text weight="medium" color="color.text.subtle">
          {label}
        </Text>
      </Box>
      {children}
    </Inline>
  );
}
