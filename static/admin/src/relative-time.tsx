import { Text } from '@atlaskit/primitives';
import Tooltip from '@atlaskit/tooltip';
import { exactTime, relativeTime } from './format-time';

/** A time as "5 minutes ago", the exact time on hover and focus (and for screen readers, in `dateTime`). */
export function RelativeTime({ iso, empty = 'Never', testId }: { iso: string | null; empty?: string; testId?: string }) {
  if (iso === null)
    return (
      <Text color="color.text.subtlest" {...(testId ? { testId } : {})}>
        {empty}
      </Text>
    );
  return (
    <Tooltip content={exactTime(iso)}>
      {(props) => (
        <time {...props} dateTime={iso} tabIndex={0} data-testid={testId}>
          {relativeTime(iso, Date.now())}
        </time>
      )}
    </Tooltip>
  );
}
