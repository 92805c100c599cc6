import Lozenge from '@atlaskit/lozenge';
import { Stack, Text } from '@atlaskit/primitives';
import type { AppStatus } from '../../../src/contract/resolvers';
import { DetailRow } from '../../shared/detail-row';
import { formatInstalledAt } from './format-installed-at';

/** The resolved app status as label/value rows. */
export function AppStatusDetails({ status }: { status: AppStatus }) {
  return (
    <Stack space="space.150">
      <DetailRow label="Installed since">
        <Text testId="installed-at">
          {status.installedAt === null ? formatInstalledAt(null) : <time dateTime={status.installedAt}>{formatInstalledAt(status.installedAt)}</time>}
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
