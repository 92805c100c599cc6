import { Text } from '@atlaskit/primitives';
import type { ApiError } from '../../shared/api-error';
import { adminMessage } from './admin-text';

/** When a refresh failed: what is shown is from before, and why it could not be refreshed (said once, here). */
export function StaleNotice({ stale }: { stale: ApiError | null }) {
  if (!stale) return null;
  return (
    <Text as="p" color="color.text.warning" testId="stale-notice" role="status">
      {`Could not refresh: ${adminMessage(stale)} Showing what was last loaded; trying again shortly.`}
    </Text>
  );
}
