import Lozenge from '@atlaskit/lozenge';
import { Stack, Text } from '@atlaskit/primitives';
import type { AppStatus } from '../../../src/contract/resolvers';
import { DetailRow } from '../../shared/detail-row';
import { exactTime } from './format-time';

/** Since when the app is installed, and who is looking. */
export function AppStatusDetails({ status }: { status: AppStatus }) {
  return (
    <Stack space="space.150">
      <DetailRow label="Installed since">
        <Text testId="installed-at">
          {status.installedAt === null ? 'Not yet installed' : <time dateTime={status.installedAt}>{exactTime(status.installedAt)}</time>}
        </Text>
      </DetailRow>
      <DetailRow label="Your account id">
        <Text testId="account-id">{status.accountId}</Text>
      </DetailRow>
      <DetailRow label="Permissions">
        <Lozenge appearance={status.isJiraAdmin ? 'success' : 'moved'} testId="admin-lozenge">
          {status.isJiraAdmin ? 'Jira admin' : 'Not a Jira admin'}
        </Lozenge>
      </DetailRow>
    </Stack>
  );
}
