import Button from '@atlaskit/button/new';
import { Checkbox } from '@atlaskit/checkbox';
import { HelperMessage } from '@atlaskit/form';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import { Stack } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Textfield from '@atlaskit/textfield';
import { useState, type FormEvent } from 'react';
import type { WebhookSummary } from '../../../src/contract/webhooks';
import { call } from '../../shared/api';
import { toApiError } from '../../shared/api-error';
import { ErrorBanner } from '../../shared/error-banner';
import { Loading } from '../../shared/loading';
import { useAsync } from '../../shared/use-async';
import { adminMessage } from './admin-text';
import { APPROVAL_NOTICE } from './approval-message';
import { approveDomainOf, type ApprovalOutcome } from './egress';
import { egressDomainOf } from './egress-plan';
import { FieldsFilter, ProjectsFilter } from './filter-pickers';
import { FormField } from './form-field';
import { HeaderRows } from './header-rows';
import { serverErrors } from './server-errors';
import { checkDraft, draftOf, inputOf, type WebhookDraft } from './webhook-draft';

export interface SavedWebhook {
  webhook: WebhookSummary;
  /** The signing secret, after a creation (shown once). */
  secret: string | null;
  approval: ApprovalOutcome;
}

export interface WebhookFormModalProps {
  /** The webhook to edit; none to create one. */
  webhook?: WebhookSummary;
  onSaved: (saved: SavedWebhook) => void;
  onClose: () => void;
}

/** The ids of the controls, in the form's order: focus goes to the first one refused. */
const CONTROL_OF: [string, string][] = [
  ['name', 'webhook-name'],
  ['url', 'webhook-url'],
  ['filters.projects', 'webhook-projects'],
  ['filters.fields', 'webhook-fields'],
];
const focusFirst = (errors: Record<string, string>) => {
  const header = Object.keys(errors).find((key) => key.startsWith('headers.'));
  const id = CONTROL_OF.find(([key]) => errors[key])?.[1] ?? (header ? `webhook-header-value-${header.slice('headers.'.length)}` : undefined);
  if (id) document.getElementById(id)?.focus();
};

const lookups = () => Promise.all([call('lookup/projects', {}), call('fields/list', {})]);

/** Creates or edits a webhook, checked here and then by Projectrak; a new domain then goes to the admin to approve. */
export function WebhookFormModal({ webhook, onSaved, onClose }: WebhookFormModalProps) {
  const [draft, setDraft] = useState<WebhookDraft>(() => draftOf(webhook));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const data = useAsync(lookups, []);
  const set = (patch: Partial<WebhookDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkDraft(draft);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return focusFirst(found);
    setBusy(true);
    try {
      const input = inputOf(draft);
      const answer = webhook
        ? { ...(await call('webhooks/update', { ...input, id: webhook.id })), secret: null }
        : await call('webhooks/create', input);
      const moved = !webhook || egressDomainOf(webhook.url) !== egressDomainOf(input.url);
      const approval: ApprovalOutcome = moved ? await approveDomainOf(input.url) : { kind: 'already' };
      onSaved({ webhook: answer.webhook, secret: answer.secret, approval });
    } catch (thrown) {
      const error = toApiError(thrown);
      const { byField, rest } = serverErrors(error, ['name', 'url', 'filters.projects', 'filters.fields', 'headers']);
      setErrors(byField);
      setFailure(Object.keys(byField).length > 0 && rest.length === 0 ? null : rest.join(' ') || adminMessage(error));
      setBusy(false);
      focusFirst(byField);
    }
  };

  return (
    <Modal onClose={() => (busy ? undefined : onClose())} width="large" testId="webhook-form" shouldScrollInViewport>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={webhook ? `Edit ${webhook.name}` : 'Create a webhook'}>
        <ModalHeader hasCloseButton>
          <ModalTitle>{webhook ? `Edit “${webhook.name}”` : 'Create a webhook'}</ModalTitle>
        </ModalHeader>
        <ModalBody>
          <Stack space="space.200">
            <FormField id="webhook-name" label="Name" isRequired error={errors.name}>
              {(describedBy) => (
                <Textfield
                  id="webhook-name"
                  value={draft.name}
                  maxLength={100}
                  isInvalid={errors.name !== undefined}
                  aria-describedby={describedBy}
                  onChange={(e) => set({ name: e.currentTarget.value })}
                  testId="webhook-name"
                />
              )}
            </FormField>
            <FormField id="webhook-url" label="URL" isRequired error={errors.url} help={APPROVAL_NOTICE}>
              {(describedBy) => (
                <Textfield
                  id="webhook-url"
                  type="url"
                  value={draft.url}
                  placeholder="https://hooks.example.com/projectrak"
                  isInvalid={errors.url !== undefined}
                  aria-describedby={describedBy}
                  onChange={(e) => set({ url: e.currentTarget.value })}
                  testId="webhook-url"
                />
              )}
            </FormField>
            {data.status === 'loading' ? <Loading label="Loading projects and fields…" /> : null}
            {data.status === 'error' ? <ErrorBanner error={data.error} title="Could not load projects and fields" onRetry={data.reload} /> : null}
            {data.status === 'ready' ? (
              <>
                <ProjectsFilter
                  all={draft.allProjects}
                  chosen={draft.projects}
                  known={data.data[0].projects}
                  error={errors['filters.projects']}
                  onChange={(allProjects, projects) => set({ allProjects, projects })}
                />
                <FieldsFilter
                  all={draft.allFields}
                  chosen={draft.fields}
                  fields={data.data[1].fields}
                  systemFields={data.data[1].systemFields}
                  error={errors['filters.fields']}
                  onChange={(allFields, fields) => set({ allFields, fields })}
                />
              </>
            ) : null}
            <HeaderRows headers={draft.headers} errors={errors} onChange={(headers) => set({ headers })} />
            <Stack space="space.050">
              <Checkbox
                id="webhook-strict-order"
                label="Strict order"
                isChecked={draft.strictOrder}
                onChange={(e) => set({ strictOrder: e.currentTarget.checked })}
                testId="webhook-strict-order"
              />
              <HelperMessage>
                Each project&apos;s changes always arrive in order. With strict order, a delivery waiting for its retry also holds back the ones after
                it, so the receiver never gets a later change first; without it, a failing delivery does not delay the rest.
              </HelperMessage>
            </Stack>
            {failure ? (
              <SectionMessage
                appearance="error"
                title={webhook ? 'Could not save the webhook' : 'Could not create the webhook'}
                testId="webhook-form-failure"
              >
                {failure}
              </SectionMessage>
            ) : null}
          </Stack>
        </ModalBody>
        <ModalFooter>
          <Button appearance="subtle" onClick={onClose} isDisabled={busy} testId="webhook-form-cancel">
            Cancel
          </Button>
          <Button type="submit" appearance="primary" isLoading={busy} testId="webhook-form-save">
            {webhook ? 'Save' : 'Create'}
          </Button>
        </ModalFooter>
      </form>
    </Modal>
  );
}
