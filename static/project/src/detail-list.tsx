import { Box, media, Stack, Text, xcss } from '@atlaskit/primitives';
import type { ReactNode } from 'react';

// The items are the list's own children: a <dl> may hold only <div> groups of <dt> and <dd>.
const listStyles = xcss({ margin: 'space.0', padding: 'space.0', display: 'flex', flexDirection: 'column', gap: 'space.150' });
const itemStyles = xcss({
  display: 'grid',
  gap: 'space.050',
  gridTemplateColumns: 'minmax(0, 1fr)',
  [media.above.xs]: { gridTemplateColumns: '10rem minmax(0, 1fr)', gap: 'space.200' },
});
const termStyles = xcss({ margin: 'space.0' });
const valueStyles = xcss({ margin: 'space.0', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' });

/** A read-only list of "name: value" lines, as Jira lays out details: names in a column, values beside them. */
export function DetailList({ children }: { children: ReactNode }) {
  return (
    <Box as="dl" xcss={listStyles}>
      {children}
    </Box>
  );
}

export interface DetailItemProps {
  term: string;
  /** Helper text under the name (a field's description). */
  help?: string | undefined;
  children: ReactNode;
  testId: string;
  valueTestId: string;
}

export function DetailItem({ term, help, children, testId, valueTestId }: DetailItemProps) {
  return (
    <Box xcss={itemStyles} testId={testId}>
      <Box as="dt" xcss={termStyles}>
        <Stack space="space.025">
          <Text weight="medium" color="color.text.subtle">
            {term}
          </Text>
          {help ? (
            <Text size="small" color="color.text.subtlest">
              {help}
            </Text>
          ) : null}
        </Stack>
      </Box>
      <Box as="dd" xcss={valueStyles} testId={valueTestId}>
        {children}
      </Box>
    </Box>
  );
}
