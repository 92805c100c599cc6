import type Resolver from '@forge/resolver';
import { createApiKey, listApiKeys, revokeApiKey } from '../services/api-keys/api-keys';
import { define } from './define';
import { requireJiraAdmin } from './guards';

/** API keys for the inbound REST API: Jira admins only; a secret is shown once, when created. */
export function defineApiKeyResolvers(resolver: Resolver): void {
  define(resolver, 'apikeys/list', async () => {
    await requireJiraAdmin();
    return { keys: await listApiKeys() };
  });
  define(resolver, 'apikeys/create', async ({ name }, caller) => {
    await requireJiraAdmin();
    return createApiKey(name, caller.accountId);
  });
  define(resolver, 'apikeys/revoke', async ({ id }) => {
    await requireJiraAdmin();
    await revokeApiKey(id);
    return { revoked: true as const };
  });
}
