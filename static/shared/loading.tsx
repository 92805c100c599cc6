import { Box, Inline, Text, xcss } from '@atlaskit/primitives';
import Spinner from '@atlaskit/spinner';

const loadingStyles = xcss({ paddingBlock: 'space.300' });

/** A centred spinner with a visible label, shown while a resolver answers. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <Box xcss={loadingStyles} testId="loading" role="status">
      <Inline space="space.100" alignBlock="center" alignInline="center">
        <Spinner size="medium" label={label} />
        <Text color="color.text.subtle">{label}</Text>
      </Inline>
    </Box>
  );
}
