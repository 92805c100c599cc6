import { describe, expect, it } from 'vitest';
import { pathOf, routeOf } from './routes';

describe('routeOf', () => {
  it('opens on the Webhooks subpage, and reads each subpage and a webhook’s page', () => {
    expect(routeOf('/')).toEqual({ page: 'webhooks' });
    expect(routeOf('/webhooks/')).toEqual({ page: 'webhooks' });
    expect(routeOf('/webhooks/0123456789abcdef')).toEqual({ page: 'webhooks', webhookId: '0123456789abcdef' });
    expect(routeOf('/fields')).toEqual({ page: 'fields' });
    expect(routeOf('/api-keys')).toEqual({ page: 'api-keys' });
  });

  it('says not found for anything else, keeping the path', () => {
    expect(routeOf('/webhooks/nope')).toEqual({ page: 'not-found', path: '/webhooks/nope' });
    expect(routeOf('/fields/1001')).toEqual({ page: 'not-found', path: '/fields/1001' });
    expect(routeOf('/settings')).toEqual({ page: 'not-found', path: '/settings' });
  });

  it('is undone by pathOf', () => {
    for (const path of ['/webhooks', '/webhooks/0123456789abcdef', '/fields', '/api-keys']) expect(pathOf(routeOf(path))).toBe(path);
  });
});
