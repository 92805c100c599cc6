import Heading from '@atlaskit/heading';
import { ErrorBanner } from '../../shared/error-banner';
import { Page } from '../../shared/page';
import { useResolver } from '../../shared/use-resolver';
import { ApiKeysPanel } from './api-keys-panel';
import { AppStatusPanel } from './app-status-panel';
import { FieldsPanel } from './fields-panel';

/**
 * The Jira admin page of Projectrak. `app/status` answers only for Jira admins: a refusal
 * (FORBIDDEN) shows just the banner; the Fields and API keys panels appear once it answers.
 */
export function App() {
  const status = useResolver('app/status', {});
  const forbidden = status.status === 'error' && status.error.code === 'FORBIDDEN';

  return (
    <Page testId="admin-page">
      <Heading size="large" as="h1" testId="page-title">
        Projectrak — Outgoing webhooks
      </Heading>
      {forbidden ? <ErrorBanner error={status.error} title="You cannot manage Projectrak" /> : <AppStatusPanel status={status} />}
      {status.status === 'ready' ? (
        <>
          <FieldsPanel />
          <ApiKeysPanel />
        </>
      ) : null}
    </Page>
  );
}
