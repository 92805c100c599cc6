import { Stack, Text } from '@atlaskit/primitives';
import Spinner from '@atlaskit/spinner';
import { Suspense, type RefObject } from 'react';
import type { WebhookSummary } from '../../../src/contract/webhooks';
import { call } from '../../shared/api';
import { approvalText } from './approval-message';
import { ConfirmModal, ReplayModal, SecretModal, WebhookFormModal } from './lazy-panels';
import { useNotify } from './notify';
import type { SavedWebhook } from './webhook-form-modal';

export type WebhookDialog =
  | { kind: 'create' }
  | { kind: 'edit'; webhook: WebhookSummary }
  | { kind: 'delete'; webhook: WebhookSummary }
  | { kind: 'rotate'; webhook: WebhookSummary }
  | { kind: 'replay'; webhook: WebhookSummary }
  | { kind: 'discard'; webhook: WebhookSummary }
  | { kind: 'secret'; webhook: WebhookSummary; secret: string; rotated: boolean };

export interface WebhookDialogsProps {
  dialog: WebhookDialog | null;
  setDialog: (dialog: WebhookDialog | null) => void;
  /** After any change: refresh what is shown. */
  onChanged: () => void;
  onDeleted?: (webhook: WebhookSummary) => void;
  /** Where focus goes after a deletion, the row (or page) it was on being gone. */
  afterDelete: RefObject<HTMLElement | null>;
}

/** While a dialog's code loads: a spinner where the dialog will be. */
export const Opening = () => <Spinner label="Opening…" size="medium" />;

/** The dialogs of the webhook pages, with what follows each: flags, the secret shown once, the domain's approval. */
export function WebhookDialogs({ dialog, setDialog, onChanged, onDeleted, afterDelete }: WebhookDialogsProps) {
  const notify = useNotify();
  const close = () => setDialog(null);
  if (!dialog) return null;

  const saved = ({ webhook, secret, approval }: SavedWebhook) => {
    onChanged();
    if (approval.kind === 'approved') notify.success(`Approved ${approval.domain}`, 'Projectrak may now send to it.');
    const problem = approvalText(approval);
    if (problem) notify.warning(`Deliveries to ${webhook.name} are blocked for now`, problem);
    if (secret !== null) return setDialog({ kind: 'secret', webhook, secret, rotated: false });
    notify.success(`Saved ${webhook.name}`);
    return close();
  };

  return (
    <Suspense fallback={<Opening />}>
      {dialog.kind === 'create' ? <WebhookFormModal onSaved={saved} onClose={close} /> : null}
      {dialog.kind === 'edit' ? <WebhookFormModal webhook={dialog.webhook} onSaved={saved} onClose={close} /> : null}
      {dialog.kind === 'secret' ? (
        <SecretModal
          title={dialog.rotated ? `New signing secret of “${dialog.webhook.name}”` : `“${dialog.webhook.name}” is created: copy its signing secret`}
          what="the secret"
          secret={dialog.secret}
          onClose={() => {
            close();
            if (!dialog.rotated) notify.success(`Created ${dialog.webhook.name}`, 'It gets the next change of project fields.');
          }}
          testId="webhook-secret"
        >
          <Text as="p">
            {dialog.rotated
              ? 'Deliveries are signed with both the old and the new secret for the next 24 hours, so you can update the receiver without losing any.'
              : 'Give it to the receiver: every delivery is signed with it (Standard Webhooks: the webhook-signature header), so the receiver can check that the request comes from Projectrak.'}
          </Text>
        </SecretModal>
      ) : null}
      {dialog.kind === 'delete' ? (
        <ConfirmModal
          title={`Delete “${dialog.webhook.name}”?`}
          appearance="danger"
          confirmLabel="Delete"
          testId="webhook-delete-dialog"
          returnFocusTo={afterDelete}
          onClose={close}
          onConfirm={async () => {
            await call('webhooks/delete', { id: dialog.webhook.id });
            notify.success(`Deleted ${dialog.webhook.name}`);
            onDeleted?.(dialog.webhook);
            onChanged();
          }}
        >
          <Stack space="space.100">
            <Text as="p">{`${dialog.webhook.url} gets no more changes. Deliveries waiting for it are dropped, and its secret is gone.`}</Text>
            <Text as="p">Its delivery log can no longer be opened; what it kept expires within 7 days.</Text>
          </Stack>
        </ConfirmModal>
      ) : null}
      {dialog.kind === 'rotate' ? (
        <ConfirmModal
          title={`Rotate the secret of “${dialog.webhook.name}”?`}
          appearance="warning"
          confirmLabel="Rotate"
          testId="webhook-rotate-dialog"
          closeOnSuccess={false}
          onClose={close}
          onConfirm={async () => {
            const answer = await call('webhooks/rotate-secret', { id: dialog.webhook.id });
            onChanged();
            setDialog({ kind: 'secret', webhook: answer.webhook, secret: answer.secret, rotated: true });
          }}
        >
          <Text as="p">A new secret is made and shown once. For 24 hours deliveries carry signatures of both, then only of the new one.</Text>
        </ConfirmModal>
      ) : null}
      {dialog.kind === 'discard' ? (
        <ConfirmModal
          title={`Discard the held deliveries of “${dialog.webhook.name}”?`}
          appearance="danger"
          confirmLabel="Discard"
          testId="webhook-discard-dialog"
          onClose={close}
          onConfirm={async () => {
            const { discarded } = await call('deliveries/held', { webhookId: dialog.webhook.id, action: 'discard' });
            notify.success(`Discarded ${discarded} held ${discarded === 1 ? 'delivery' : 'deliveries'}`);
            onChanged();
          }}
        >
          <Text as="p">
            {`${dialog.webhook.counts.held} changes waiting for ${dialog.webhook.url} are dropped and never sent. The webhook stays off until you turn it on.`}
          </Text>
        </ConfirmModal>
      ) : null}
      {dialog.kind === 'replay' ? <ReplayModal webhook={dialog.webhook} onClose={close} onQueued={onChanged} /> : null}
    </Suspense>
  );
}
