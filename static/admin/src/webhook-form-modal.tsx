import { Checkbox } from '@atlaskit/checkbox';
import { HelperMessage } from '@atlaskit/form';
import { Stack } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import { useState } from 'react';
import type { WebhookSummary } from '../../../src/contract/webhooks';
import { call } from '../../shared/api';
import { ErrorBanner } from '../../shared/error-banner';
import { Loading } from '../../shared/loading';
import { useAsync } from '../../shared/use-async';
import { APPROVAL_NOTICE } from './approval-message';
import { FormModal } from './form-modal';
import { approveDomainOf, type ApprovalOutcome } from './egress';
import { egressDomainOf } from './egress-plan';
import { FieldsFilter } from './fields-filter';
import { ProjectsFilter } from './projects-filter';
import { FormField } from './form-field';
import { HeaderRows } from './header-rows';
import { useFormSubmit } from './use-form-submit';
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

/** The inputs in the form's order, as Projectrak names them in refusals, and their controls. */
const KEYS = ['name', 'url', 'filters.projects', 'filters.fields', 'headers'];
const controlOf = (key: string) =>
  key.startsWith('headers.') ? `webhook-header-value-${key.slice('headers.'.length)}` : `webhook-${key.replace('filters.', '')}`;

const lookups = () => Promise.all([call('lookup/projects', {}), call('fields/list', {})]);

/** Creates or edits a webhook, checked here and then by Projectrak; a new domain then goes to the admin to approve. */
export function WebhookFormModal({ webhook, onSaved, onClose }: WebhookFormModalProps) {
  const [draft, setDraft] = useState<WebhookDraft>(() => draftOf(webhook));
  const { errors, failure, busy, submit } = useFormSubmit(KEYS, controlOf);
  const data = useAsync(lookups, []);
  const set = (patch: Partial<WebhookDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const save = async () => {
    const input = inputOf(draft);
    const answer = webhook
      ? { ...(await call('webhooks/update', { ...input, id: webhook.id })), secret: null }
      : await call('webhooks/create', input);
    // Asked only for a domain the webhook did not use before; Projectrak accepted the URL first.
    const moved = !webhook || egressDomainOf(webhook.url) !== egressDomainOf(input.url);
    const approval: ApprovalOutcome = moved ? await approveDomainOf(input.url) : { kind: 'already' };
    onSaved({ webhook: answer.webhook, secret: answer.secret, approval });
  };

  return (
    <FormModal
      title={webhook ? `Edit “${webhook.name}”` : 'Create a webhook'}
      label={webhook ? `Edit ${webhook.name}` : 'Create a webhook'}
      submitLabel={webhook ? 'Save' : 'Create'}
      busy={busy}
      failure={failure}
      failureTitle={webhook ? 'Could not save the webhook' : 'Could not create the webhook'}
      onSubmit={(event) => void submit(event, () => checkDraft(draft), save)}
      onClose={onClose}
      width="large"
      testId="webhook-form"
    >
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
          Each project&apos;s changes always arrive in order. With strict order, a delivery waiting for its retry also holds back the ones after it,
          so the receiver never gets a later change first; without it, a failing delivery does not delay the rest.
        </HelperMessage>
      </Stack>
    </FormModal>
  );
}
