import Button from '@atlaskit/button/new';
import AddIcon from '@atlaskit/icon/core/add';
import { Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { Suspense, useRef, useState } from 'react';
import type { FieldDefinition } from '../../../src/contract/fields';
import { call } from '../../shared/api';
import { ErrorBanner } from '../../shared/error-banner';
import { Loading } from '../../shared/loading';
import { useAsync } from '../../shared/use-async';
import type { FieldAction } from './fields-table';
import { FieldsTable } from './fields-table';
import { ConfirmModal, FieldFormModal, OptionsModal } from './lazy-panels';
import { useNotify } from './notify';
import { Subpage } from './subpage';
import { Opening } from './webhook-dialogs';

type Dialog = { kind: 'create' } | { kind: FieldAction; field: FieldDefinition };

const load = () =>
  Promise.all([
    call('fields/list', {}),
    call('webhooks/list', {}).then(
      (a) => a.webhooks,
      () => null,
    ),
  ]);

/** The Fields subpage: the catalogue every project gets, and Jira's attributes beside it, read only. */
export function FieldsPage() {
  const notify = useNotify();
  const data = useAsync(load, []);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const createButton = useRef<HTMLButtonElement>(null);
  const close = () => setDialog(null);

  const act = async (field: FieldDefinition, action: FieldAction) => {
    if (action !== 'restore') return setDialog({ kind: action, field });
    try {
      await call('fields/archive', { id: field.id, archived: false });
      notify.success(`Restored ${field.name}`, 'It is back on project pages, with the values projects had.');
      data.reload();
    } catch (thrown) {
      notify.failure(`Could not restore ${field.name}`, thrown);
    }
  };
  const saved = (message: string) => {
    notify.success(message);
    data.reload();
    close();
  };
  const usedBy = (field: FieldDefinition) =>
    data.status === 'ready' ? (data.data[1] ?? []).filter((w) => w.filters.fields?.includes(field.id)).map((w) => `“${w.name}”`) : [];

  return (
    <Subpage
      title="Fields"
      testId="fields-page"
      actions={
        <Button ref={createButton} appearance="primary" iconBefore={AddIcon} onClick={() => setDialog({ kind: 'create' })} testId="field-create">
          Create field
        </Button>
      }
      description={
        <Text as="p" color="color.text.subtle">
          The fields every project gets on its Projectrak page. Receivers get each change with the field&apos;s id, name and type; Jira&apos;s own
          project attributes come along as system fields.
        </Text>
      }
    >
      {data.status === 'loading' ? <Loading label="Loading fields…" /> : null}
      {data.status === 'error' ? <ErrorBanner error={data.error} title="Could not load the fields" onRetry={data.reload} /> : null}
      {data.status === 'ready' ? (
        <FieldsTable fields={data.data[0].fields} systemFields={data.data[0].systemFields} onAction={(field, action) => void act(field, action)} />
      ) : null}
      <Suspense fallback={<Opening />}>
        {dialog?.kind === 'create' ? <FieldFormModal onClose={close} onSaved={(f) => saved(`Created ${f.name}`)} /> : null}
        {dialog?.kind === 'edit' ? <FieldFormModal field={dialog.field} onClose={close} onSaved={(f) => saved(`Saved ${f.name}`)} /> : null}
        {dialog?.kind === 'options' ? (
          <OptionsModal field={dialog.field} onClose={close} onSaved={(f) => saved(`Saved the options of ${f.name}`)} />
        ) : null}
        {dialog?.kind === 'archive' ? (
          <ConfirmModal
            title={`Archive “${dialog.field.name}”?`}
            appearance="warning"
            confirmLabel="Archive"
            testId="field-archive-dialog"
            onClose={close}
            onConfirm={async () => {
              await call('fields/archive', { id: dialog.field.id, archived: true });
              notify.success(`Archived ${dialog.field.name}`, 'Restore it from this list whenever you want it back.');
              data.reload();
            }}
          >
            <Stack space="space.100">
              <Text as="p">
                It leaves project pages and the REST API. Every project keeps its value, and restoring the field brings it back as it was.
              </Text>
              <Text as="p">
                While it is archived no one can change it, so receivers get no more changes of it. Webhook filters that name it keep it.
              </Text>
            </Stack>
          </ConfirmModal>
        ) : null}
        {dialog?.kind === 'delete' ? (
          <ConfirmModal
            title={`Delete “${dialog.field.name}” for good?`}
            appearance="danger"
            confirmLabel="Delete"
            testId="field-delete-dialog"
            returnFocusTo={createButton}
            onClose={close}
            onConfirm={async () => {
              await call('fields/delete', { id: dialog.field.id });
              notify.success(`Deleted ${dialog.field.name}`);
              data.reload();
            }}
          >
            <Stack space="space.100">
              <Text as="p">The field leaves every project page and the REST API, and its name can be used again. This cannot be undone.</Text>
              <Text as="p">
                The values projects have are never shown or sent again. Receivers keep what they already got; from now on the field is not in any
                payload. To keep the values, archive the field instead.
              </Text>
              {usedBy(dialog.field).length > 0 ? (
                <SectionMessage appearance="warning" title="Webhooks filter on this field" testId="field-delete-in-use">
                  {`${usedBy(dialog.field).join(', ')} send only chosen fields, this one among them. Remove it from their filters first, or archive the field.`}
                </SectionMessage>
              ) : null}
            </Stack>
          </ConfirmModal>
        ) : null}
      </Suspense>
    </Subpage>
  );
}
