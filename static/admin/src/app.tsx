import Heading from '@atlaskit/heading';
import { Page } from '../../shared/page';
import { AppStatusPanel } from './app-status-panel';

/** The Jira admin page of Projectrak. */
export function App() {
  return (
    <Page testId="admin-page">
      <Heading size="large" as="h1" testId="page-title">
        Projectrak — Outgoing webhooks
      </Heading>
      <AppStatusPanel />
    </Page>
  );
}
