import { ErrorBanner } from '../../shared/error-banner';
import { Loading } from '../../shared/loading';
import { Page } from '../../shared/page';
import { useAsync } from '../../shared/use-async';
import { loadProjectSummary } from './load-project-summary';
import { ProjectHeader } from './project-header';

/** The Jira project page of Projectrak. */
export function App() {
  const summary = useAsync(loadProjectSummary, []);

  return (
    <Page testId="project-page">
      {summary.status === 'loading' ? <Loading label="Loading project…" /> : null}
      {summary.status === 'error' ? <ErrorBanner error={summary.error} title="Could not load this project" onRetry={summary.reload} /> : null}
      {summary.status === 'ready' ? <ProjectHeader summary={summary.data} /> : null}
    </Page>
  );
}
