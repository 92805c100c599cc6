import Heading from '@atlaskit/heading';
import { ErrorBanner } from '../../shared/error-banner';
import { Loading } from '../../shared/loading';
import { Panel } from '../../shared/panel';
import { useResolver } from '../../shared/use-resolver';
import { CreateFieldForm } from './create-field-form';
import { FieldsTable } from './fields-table';

/** The "Fields" panel: the fields every project gets, and a form to add one. */
export function FieldsPanel() {
  const list = useResolver('fields/list', {});

  return (
    <Panel title="Fields" testId="fields-panel">
      {list.status === 'loading' ? <Loading label="Loading fields…" /> : null}
      {list.status === 'error' ? <ErrorBanner error={list.error} title="Could not load the fields" onRetry={list.reload} /> : null}
      {list.status === 'ready' ? <FieldsTable fields={list.data.fields} /> : null}
      <Heading size="xsmall" as="h3">
        Create a field
      </Heading>
      <CreateFieldForm onCreated={list.reload} />
    </Panel>
  );
}
