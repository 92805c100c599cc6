import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import AddIcon from '@atlaskit/icon/core/add';
import { Stack, Text } from '@atlaskit/primitives';
import { useRef, useState } from 'react';
import type { WebhookSummary } from '../../../src/contract/webhooks';
import { call } from '../../shared/api';
import { ErrorBanner } from '../../shared/error-banner';
import { Loading } from '../../shared/loading';
import { useAsync } from '../../shared/use-async';
import { readApprovals } from './egress';
import { ApprovedDomains, UnapprovedDomains } from './egress-panels';
import { useNavigation } from './navigation';
import { useNotify } from './notify';
import { StaleNotice } from './stale-notice';
import { Subpage } from './subpage';
import { usePolled } from './use-polled';
import { WebhookDialogs, type WebhookDialog } from './webhook-dialogs';
import { WebhooksTable } from './webhooks-table';

/** How often the list is asked again while the page is open (and visible), so statuses move on their own. */
export const REFRESH_MS = 5000;

/** Egress approvals, read with the bridge; none when they cannot be read (the page still works, without the hints). */
const approvalsOrNone = () => readApprovals().catch(() => []);

/** The Webhooks subpage: every webhook with its status, refreshed while open; create, edit, switch, delete. */
export function WebhooksPage() {
  const notify = useNotify();
  const { go } = useNavigation();
  const list = usePolled(() => call('webhooks/list', {}), REFRESH_MS);
  const [approvalsRun, setApprovalsRun] = useState(0);
  const approvals = useAsync(approvalsOrNone, [approvalsRun]);
  const [dialog, setDialog] = useState<WebhookDialog | null>(null);
  const [switching, setSwitching] = useState<ReadonlySet<string>>(new Set());
  const createButton = useRef<HTMLButtonElement>(null);
  const refresh = () => {
    void list.reload();
    setApprovalsRun((n) => n + 1);
  };

  const toggle = async (webhook: WebhookSummary, on: boolean) => {
    setSwitching((ids) => new Set(ids).add(webhook.id));
    try {
      await call(on ? 'webhooks/enable' : 'webhooks/disable', { id: webhook.id });
      const held = webhook.counts.held;
      if (on) notify.success(`${webhook.name} is on`, held > 0 ? `Its ${held} held deliveries go out now, in order.` : 'It gets the next change.');
      else notify.success(`${webhook.name} is off`, 'Changes made while it is off are not sent to it.');
      await list.reload();
    } catch (thrown) {
      notify.failure(`Could not turn ${webhook.name} ${on ? 'on' : 'off'}`, thrown);
    } finally {
      setSwitching((ids) => new Set([...ids].filter((id) => id !== webhook.id)));
    }
  };

  const full = list.status === 'ready' && list.data.webhooks.length >= list.data.maxWebhooks;
  const create = (
    <Button
      ref={createButton}
      appearance="primary"
      iconBefore={AddIcon}
      onClick={() => setDialog({ kind: 'create' })}
      isDisabled={full}
      testId="webhook-create"
    >
      Create webhook
    </Button>
  );
  const groups = approvals.status === 'ready' ? approvals.data : [];

  return (
    <Subpage
      title="Webhooks"
      testId="webhooks-page"
      actions={create}
      description={
        <Text as="p" color="color.text.subtle">
          Projectrak sends every change of project fields to these URLs as it happens, signed so receivers can trust it. The list refreshes while this
          page is open.
        </Text>
      }
    >
      {list.status === 'loading' ? <Loading label="Loading webhooks…" /> : null}
      {list.status === 'error' ? <ErrorBanner error={list.error} title="Could not load the webhooks" onRetry={() => void list.reload()} /> : null}
      {list.status === 'ready' ? (
        <Stack space="space.300">
          <StaleNotice stale={list.stale} />
          {full ? <Text as="p">{`A site can have ${list.data.maxWebhooks} webhooks: delete one to create another.`}</Text> : null}
          <UnapprovedDomains webhooks={list.data.webhooks} groups={groups} onApproved={refresh} />
          {list.data.webhooks.length === 0 ? (
            <EmptyState
              header="No webhooks yet"
              headingLevel={2}
              description="A webhook sends each change of project fields to a URL you choose: a CRM, a data warehouse, a chat bot. Create one, then change a field on a project page to see the first delivery."
              primaryAction={
                <Button appearance="primary" onClick={() => setDialog({ kind: 'create' })} testId="webhook-create-empty">
                  Create your first webhook
                </Button>
              }
              testId="webhooks-empty"
            />
          ) : (
            <WebhooksTable
              webhooks={list.data.webhooks}
              switching={switching}
              onOpen={(w) => go(`/webhooks/${w.id}`)}
              onEdit={(webhook) => setDialog({ kind: 'edit', webhook })}
              onDelete={(webhook) => setDialog({ kind: 'delete', webhook })}
              onToggle={(webhook, on) => void toggle(webhook, on)}
            />
          )}
          {approvals.status === 'ready' ? <ApprovedDomains webhooks={list.data.webhooks} groups={groups} onChanged={refresh} /> : null}
        </Stack>
      ) : null}
      <WebhookDialogs dialog={dialog} setDialog={setDialog} onChanged={refresh} afterDelete={createButton} />
    </Subpage>
  );
}
