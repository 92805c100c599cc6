import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import ArrowLeftIcon from '@atlaskit/icon/core/arrow-left';
import { Inline, Stack } from '@atlaskit/primitives';
import { Suspense, useRef, useState } from 'react';
import type { WebhookSummary } from '../../../src/contract/webhooks';
import { call } from '../../shared/api';
import { ErrorBanner } from '../../shared/error-banner';
import { Loading } from '../../shared/loading';
import { HeldDeliveries } from './held-deliveries';
import { DeliveryLog } from './lazy-panels';
import { useNavigation } from './navigation';
import { useNotify } from './notify';
import { StaleNotice } from './stale-notice';
import { Subpage } from './subpage';
import { usePolled } from './use-polled';
import { WebhookDialogs, type WebhookDialog } from './webhook-dialogs';
import { WebhookSummaryPanel } from './webhook-summary-panel';
import { REFRESH_MS } from './webhooks-page';

/** One webhook: its status and settings, what can be done with it, its held deliveries and its delivery log. */
export function WebhookPage({ webhookId }: { webhookId: string }) {
  const notify = useNotify();
  const { go } = useNavigation();
  const list = usePolled(() => call('webhooks/list', {}), REFRESH_MS);
  const [dialog, setDialog] = useState<WebhookDialog | null>(null);
  const [testing, setTesting] = useState(false);
  const back = useRef<HTMLButtonElement>(null);
  const webhook = list.status === 'ready' ? list.data.webhooks.find((w) => w.id === webhookId) : undefined;
  const refresh = () => void list.reload();

  const sendTest = async (w: WebhookSummary) => {
    setTesting(true);
    try {
      await call('webhooks/test', { id: w.id });
      notify.success('Test event queued', `A sample change (data.test: true) goes to ${w.name} ahead of other changes.`);
      refresh();
    } catch (thrown) {
      notify.failure('Could not send a test event', thrown);
    } finally {
      setTesting(false);
    }
  };

  const breadcrumbs = (
    <Inline>
      <Button ref={back} appearance="subtle" iconBefore={ArrowLeftIcon} onClick={() => go('/webhooks')} testId="webhook-back">
        All webhooks
      </Button>
    </Inline>
  );
  const actions = webhook ? (
    <Inline space="space.100" shouldWrap>
      <Button onClick={() => setDialog({ kind: 'edit', webhook })} testId="webhook-page-edit">
        Edit
      </Button>
      <Button onClick={() => void sendTest(webhook)} isLoading={testing} testId="webhook-page-test">
        Send test event
      </Button>
      <Button onClick={() => setDialog({ kind: 'replay', webhook })} testId="webhook-page-replay">
        Replay failed…
      </Button>
      <Button onClick={() => setDialog({ kind: 'rotate', webhook })} testId="webhook-page-rotate">
        Rotate secret
      </Button>
      <Button appearance="danger" onClick={() => setDialog({ kind: 'delete', webhook })} testId="webhook-page-delete">
        Delete
      </Button>
    </Inline>
  ) : undefined;

  return (
    <Subpage title={webhook?.name ?? 'Webhook'} testId="webhook-page" breadcrumbs={breadcrumbs} {...(actions ? { actions } : {})}>
      {list.status === 'loading' ? <Loading label="Loading the webhook…" /> : null}
      {list.status === 'error' ? <ErrorBanner error={list.error} title="Could not load the webhook" onRetry={refresh} /> : null}
      {list.status === 'ready' && !webhook ? (
        <EmptyState
          header="This webhook does not exist"
          headingLevel={2}
          description="It may have been deleted. The list shows every webhook of this site."
          primaryAction={<Button onClick={() => go('/webhooks')}>Go to the webhooks</Button>}
          testId="webhook-missing"
        />
      ) : null}
      {list.status === 'ready' && webhook ? (
        <Stack space="space.300">
          <StaleNotice stale={list.stale} />
          <HeldDeliveries webhook={webhook} onChanged={refresh} onDiscard={() => setDialog({ kind: 'discard', webhook })} />
          <WebhookSummaryPanel webhook={webhook} onChanged={refresh} />
          <Suspense fallback={<Loading label="Loading the delivery log…" />}>
            <DeliveryLog webhook={webhook} />
          </Suspense>
        </Stack>
      ) : null}
      <WebhookDialogs dialog={dialog} setDialog={setDialog} onChanged={refresh} onDeleted={() => go('/webhooks')} afterDelete={back} />
    </Subpage>
  );
}
