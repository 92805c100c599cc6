import type { AppStatus } from '../../../src/contract/resolvers';
import type { AsyncResult } from '../../shared/use-async';
import { ErrorBanner } from '../../shared/error-banner';
import { Loading } from '../../shared/loading';
import { Panel } from '../../shared/panel';
import { AppStatusDetails } from './app-status-details';

/** The "App status" panel: who is looking, and since when the app is installed. */
export function AppStatusPanel({ status }: { status: AsyncResult<AppStatus> }) {
  return (
    <Panel title="App status" testId="app-status">
      {status.status === 'loading' ? <Loading label="Loading app status…" /> : null}
      {status.status === 'error' ? <ErrorBanner error={status.error} title="Could not load the app status" onRetry={status.reload} /> : null}
      {status.status === 'ready' ? <AppStatusDetails status={status.data} /> : null}
    </Panel>
  );
}
