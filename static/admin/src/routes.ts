/**
 * The admin page's subpages, as manifest.yml lists them (`pages`: Webhooks first), and the locations inside them.
 * Jira puts a subpage's route after the admin page's URL; `view.createHistory()` answers it as the location's path.
 */
export const SUBPAGES = [
  { route: 'webhooks', title: 'Webhooks' },
  { route: 'fields', title: 'Fields' },
  { route: 'api-keys', title: 'API keys' },
] as const;
export type Subpage = (typeof SUBPAGES)[number]['route'];

export type AppRoute = { page: 'webhooks'; webhookId?: string } | { page: 'fields' } | { page: 'api-keys' } | { page: 'not-found'; path: string };

/** `/` is the first subpage (what the admin page opens on before a subpage is chosen). */
export function routeOf(pathname: string): AppRoute {
  const parts = pathname.split('/').filter((part) => part !== '');
  const [first, second, ...rest] = parts;
  if (first === undefined || (first === 'webhooks' && second === undefined)) return { page: 'webhooks' };
  if (first === 'webhooks' && second !== undefined && rest.length === 0 && /^[a-f0-9]{16}$/.test(second))
    return { page: 'webhooks', webhookId: second };
  if ((first === 'fields' || first === 'api-keys') && second === undefined) return { page: first };
  return { page: 'not-found', path: pathname };
}

export const pathOf = (route: AppRoute): string => {
  if (route.page === 'not-found') return route.path;
  if (route.page === 'webhooks' && route.webhookId) return `/webhooks/${route.webhookId}`;
  return `/${route.page}`;
};
