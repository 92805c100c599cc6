import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import Heading from '@atlaskit/heading';
import RefreshIcon from '@atlaskit/icon/core/refresh';
import { Inline, Stack } from '@atlaskit/primitives';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeliveryLogEntry, WebhookSummary } from '../../../src/contract/webhooks';
import { call } from '../../shared/api';
import { toApiError, type ApiError } from '../../shared/api-error';
import { ErrorBanner } from '../../shared/error-banner';
import { Loading } from '../../shared/loading';
import { DeliveryEntry } from './delivery-entry';
import { useNotify } from './notify';

const PAGE = 20;

type LogState =
  { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; entries: DeliveryLogEntry[]; cursor: string | null };

/**
 * A webhook's delivery log, newest first, a page at a time: each attempt with its trigger, status, duration, and on
 * demand the request and the response. Loaded when opened, and again when the webhook's last execution moves.
 */
export function DeliveryLog({ webhook }: { webhook: WebhookSummary }) {
  const notify = useNotify();
  const [state, setState] = useState<LogState>({ status: 'loading' });
  const [more, setMore] = useState(false);
  const [redelivering, setRedelivering] = useState<string | null>(null);
  const latest = useRef(0);

  const loadFirst = useCallback(async () => {
    const mine = ++latest.current;
    try {
      const page = await call('deliveries/list', { webhookId: webhook.id, limit: PAGE });
      if (mine === latest.current) setState({ status: 'ready', entries: page.entries, cursor: page.cursor });
    } catch (thrown) {
      if (mine === latest.current) setState((s) => (s.status === 'ready' ? s : { status: 'error', error: toApiError(thrown) }));
    }
  }, [webhook.id]);

  const lastAttempt = webhook.status.lastAttemptAt;
  useEffect(() => void loadFirst(), [loadFirst, lastAttempt]);

  const loadMore = async () => {
    if (state.status !== 'ready' || state.cursor === null) return;
    setMore(true);
    try {
      const page = await call('deliveries/list', { webhookId: webhook.id, limit: PAGE, cursor: state.cursor });
      setState({ status: 'ready', entries: [...state.entries, ...page.entries], cursor: page.cursor });
    } catch (thrown) {
      notify.failure('Could not load more of the log', thrown);
    } finally {
      setMore(false);
    }
  };

  const redeliver = async (entry: DeliveryLogEntry) => {
    setRedelivering(entry.id);
    try {
      await call('deliveries/redeliver', { webhookId: webhook.id, deliveryId: entry.id });
      notify.success('Redelivery queued', `The same body and webhook-id go to ${webhook.name} again, ahead of new changes.`);
    } catch (thrown) {
      notify.failure('Could not redeliver', thrown);
    } finally {
      setRedelivering(null);
    }
  };

  return (
    <Stack space="space.200" testId="delivery-log">
      <Inline spread="space-between" alignBlock="center">
        <Heading size="small" as="h2">
          Delivery log
        </Heading>
        <Button iconBefore={RefreshIcon} appearance="subtle" onClick={() => void loadFirst()} testId="delivery-log-refresh">
          Refresh
        </Button>
      </Inline>
      {state.status === 'loading' ? <Loading label="Loading the delivery log…" /> : null}
      {state.status === 'error' ? <ErrorBanner error={state.error} title="Could not load the delivery log" onRetry={() => void loadFirst()} /> : null}
      {state.status === 'ready' && state.entries.length === 0 ? (
        <EmptyState
          header="Nothing delivered yet"
          headingLevel={3}
          description="Each attempt to send a change appears here. Change a project field, or send a test event, to see the first one."
          testId="delivery-log-empty"
        />
      ) : null}
      {state.status === 'ready'
        ? state.entries.map((entry) => (
            <DeliveryEntry key={entry.id} entry={entry} redelivering={redelivering === entry.id} onRedeliver={() => void redeliver(entry)} />
          ))
        : null}
      {state.status === 'ready' && state.cursor !== null ? (
        <Inline>
          <Button onClick={() => void loadMore()} isLoading={more} testId="delivery-log-more">
            Show older attempts
          </Button>
        </Inline>
      ) : null}
    </Stack>
  );
}
