import { FlagsProvider } from '@atlaskit/flag';
import { view } from '@forge/bridge';
import { ErrorBanner } from '../../shared/error-banner';
import { Loading } from '../../shared/loading';
import { Page } from '../../shared/page';
import { useAsync } from '../../shared/use-async';
import { useResolver } from '../../shared/use-resolver';
import { AdminPages } from './admin-pages';
import { GetStartedPage } from './get-started-page';
import { GET_STARTED_MODULE } from './modules';
import { NoAccess } from './no-access';

/** Which of the app's admin pages this is: the build is the same, the module (in the context) says which. */
const moduleKey = () =>
  view.getContext().then(
    (context) => context.moduleKey,
    () => null,
  );

/**
 * Projectrak's admin pages. Every resolver answers only Jira admins; `app/status` says first whether the user is
 * one, so a refusal shows once, as a page that says so, and nothing else is asked.
 */
export function App() {
  const status = useResolver('app/status', {});
  const module = useAsync(moduleKey, []);
  return (
    <FlagsProvider>
      {status.status === 'loading' || module.status === 'loading' ? <Loading label="Loading Projectrak…" /> : null}
      {status.status === 'error' && status.error.code === 'FORBIDDEN' ? <NoAccess error={status.error} /> : null}
      {status.status === 'error' && status.error.code !== 'FORBIDDEN' ? (
        <Page testId="admin-page">
          <ErrorBanner error={status.error} title="Projectrak could not be reached" onRetry={status.reload} />
        </Page>
      ) : null}
      {status.status === 'ready' && module.status === 'ready' ? (
        module.data === GET_STARTED_MODULE ? (
          <GetStartedPage status={status.data} />
        ) : (
          <AdminPages />
        )
      ) : null}
    </FlagsProvider>
  );
}
