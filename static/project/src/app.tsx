import { ErrorBanner } from '../../shared/error-banner';
import { Loading } from '../../shared/loading';
import { Page } from '../../shared/page';
import { useAsync } from '../../shared/use-async';
import { FieldEditor } from './field-editor';
import { loadEditor } from './load-editor';
import { ProjectHeader } from './project-header';

/** The Jira project page of Projectrak: the project's own fields, editable by its administrators. */
export function App() {
  const editor = useAsync(loadEditor, []);

  return (
    <Page testId="project-page">
      {editor.status === 'loading' ? <Loading label="Loading project…" /> : null}
      {editor.status === 'error' ? <ErrorBanner error={editor.error} title="Could not load this project" onRetry={editor.reload} /> : null}
      {editor.status === 'ready' ? (
        <>
          <ProjectHeader summary={editor.data.page} />
          <FieldEditor
            projectId={editor.data.projectId}
            canEdit={editor.data.page.canEdit}
            fields={editor.data.page.fields}
            values={editor.data.page.values}
            lookups={editor.data.lookups}
          />
        </>
      ) : null}
    </Page>
  );
}
