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
  // Set when the admin moves inside the page, read by the next page shown (so its title takes focus).
  const movedInside = useRef(false);
  const go = history?.push;
  const pathname = history?.pathname;
  const navigation = useMemo<Navigation>(() => {
    const focusTitle = movedInside.current;
    movedInside.current = false;
    return {
      focusTitle,
      go: (to: string) => {
        movedInside.current = true;
        go?.(to);
      },
    };
  }, [go, pathname]);

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
