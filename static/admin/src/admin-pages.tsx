import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import { Suspense, useMemo, useRef } from 'react';
import { Loading } from '../../shared/loading';
import { ApiKeysPage, FieldsPage, WebhookPage } from './lazy-panels';
import { NavigationContext, type Navigation } from './navigation';
import { routeOf } from './routes';
import { useAppHistory } from './use-app-history';
import { WebhooksPage } from './webhooks-page';

/**
 * The admin page's subpages (manifest.yml `pages`), routed by the location Jira's URL holds after the admin page's
 * own: Jira's sidebar, back and forward, and the page's own links all move it.
 */
export function AdminPages() {
  const history = useAppHistory();
  // Where the admin last moved inside the page: the page shown there takes focus (once), and only that page.
  const movedTo = useRef<string | null>(null);
  const push = history?.push;
  const pathname = history?.pathname;
  const navigation = useMemo<Navigation>(
    () => ({
      go: (to: string) => {
        movedTo.current = to;
        push?.(to);
      },
      takeFocus: () => {
        const mine = movedTo.current !== null && movedTo.current === pathname;
        if (mine) movedTo.current = null;
        return mine;
      },
    }),
    [push, pathname],
  );

  if (!history) return <Loading label="Loading Projectrak…" />;
  const route = routeOf(history.pathname);
  return (
    <NavigationContext.Provider value={navigation}>
      <Suspense fallback={<Loading label="Loading…" />}>
        {route.page === 'webhooks' && route.webhookId === undefined ? <WebhooksPage key="webhooks" /> : null}
        {route.page === 'webhooks' && route.webhookId !== undefined ? <WebhookPage key={route.webhookId} webhookId={route.webhookId} /> : null}
        {route.page === 'fields' ? <FieldsPage /> : null}
        {route.page === 'api-keys' ? <ApiKeysPage /> : null}
        {route.page === 'not-found' ? (
          <EmptyState
            header="There is no such page"
            headingLevel={1}
            description={`Projectrak has no page at ${route.path}. Its pages are Webhooks, Fields and API keys, in the sidebar.`}
            primaryAction={<Button onClick={() => navigation.go('/webhooks')}>Go to Webhooks</Button>}
            testId="not-found"
          />
        ) : null}
      </Suspense>
    </NavigationContext.Provider>
  );
}
