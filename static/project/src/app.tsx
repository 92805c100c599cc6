import { Box, media, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import EmptyState from '@atlaskit/empty-state';
import { ErrorBanner } from '../../shared/error-banner';
import { Loading } from '../../shared/loading';
import { Page } from '../../shared/page';
import { useAsync } from '../../shared/use-async';
import { EditForm } from './edit-form';
import { JiraAttributesPanel } from './jira-attributes';
import { loadEditor, type EditorData } from './load-editor';
import { ProjectHeader } from './project-header';
import { ReadOnlyFields } from './read-only-fields';
import { ReadOnlyNotice } from './read-only-notice';

/** The Jira project page of Projectrak: the project's own fields, editable by its administrators. */
export function App() {
  const editor = useAsync(loadEditor, []);
  return (
    <Page testId="project-page">
      {editor.status === 'loading' ? <Loading label="Loading project…" /> : null}
      {editor.status === 'error' ? <ErrorBanner error={editor.error} title="Could not load this project" onRetry={editor.reload} /> : null}
      {editor.status === 'ready' ? <ProjectFields data={editor.data} /> : null}
    </Page>
  );
}

/** Fields in the main column, Jira's attributes beside them on wide screens (below them on narrow ones). */
const layoutStyles = xcss({
  display: 'grid',
  gap: 'space.400',
  gridTemplateColumns: 'minmax(0, 1fr)',
  alignItems: 'start',
  [media.above.md]: { gridTemplateColumns: 'minmax(0, 2fr) minmax(18rem, 1fr)' },
});

function ProjectFields({ data }: { data: EditorData }) {
  const { page, names, projectId } = data;
  return (
    <>
      <ProjectHeader summary={page} />
      {page.canEdit ? null : <ReadOnlyNotice projectName={page.project.name} lead={page.jira.lead} />}
      {names.problem ? (
        <SectionMessage appearance="warning" title="Some names could not be loaded" testId="lookup-warning">
          <Text as="p">{names.problem.message} Those people and projects are shown by their id.</Text>
        </SectionMessage>
      ) : null}
      <Box xcss={layoutStyles}>
        <Stack space="space.300">
          {page.fields.length === 0 ? (
            <EmptyState
              header="No fields yet"
              headingLevel={2}
              description="A Jira administrator adds Projectrak fields on the app's admin page (Jira settings → Apps); they then show here for every project."
              testId="no-fields"
            />
          ) : page.canEdit ? (
            <EditForm projectId={projectId} fields={page.fields} values={page.values} names={names} />
          ) : (
            <ReadOnlyFields fields={page.fields} values={page.values} names={names} />
          )}
        </Stack>
        <JiraAttributesPanel project={page.project} jira={page.jira} />
      </Box>
    </>
  );
}
