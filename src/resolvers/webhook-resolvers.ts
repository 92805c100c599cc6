import type Resolver from '@forge/resolver';
import {
  createWebhook,
  deleteWebhook,
  disableWebhook,
  enableWebhook,
  MAX_WEBHOOKS,
  rotateSecret,
  updateWebhook,
} from '../services/webhooks/manage-webhooks';
import { sendTestEvent } from '../services/webhooks/operations';
import { listSummaries, summaryFor } from '../services/webhooks/summaries';
import { define } from './define';
import { requireJiraAdmin } from './guards';

/** The webhooks of the admin page: Jira admins only, asked of Jira as the caller on every call. */
export function defineWebhookResolvers(resolver: Resolver): void {
  define(resolver, 'webhooks/list', async () => {
    await requireJiraAdmin();
    return { webhooks: await listSummaries(), maxWebhooks: MAX_WEBHOOKS };
  });
  define(resolver, 'webhooks/create', async (input, caller) => {
    await requireJiraAdmin();
    const { webhook, secret } = await createWebhook(input, caller.accountId);
    return { webhook: await summaryFor(webhook), secret };
  });
  define(resolver, 'webhooks/update', async ({ id, ...input }, caller) => {
    await requireJiraAdmin();
    return { webhook: await summaryFor(await updateWebhook(id, input, caller.accountId)) };
  });
  define(resolver, 'webhooks/delete', async ({ id }) => {
    await requireJiraAdmin();
    await deleteWebhook(id);
    return { deleted: true as const };
  });
  define(resolver, 'webhooks/enable', async ({ id }, caller) => {
    await requireJiraAdmin();
    return { webhook: await summaryFor(await enableWebhook(id, caller.accountId)) };
  });
  define(resolver, 'webhooks/disable', async ({ id }, caller) => {
    await requireJiraAdmin();
    return { webhook: await summaryFor(await disableWebhook(id, caller.accountId)) };
  });
  define(resolver, 'webhooks/rotate-secret', async ({ id }, caller) => {
    await requireJiraAdmin();
    const { webhook, secret } = await rotateSecret(id, caller.accountId);
    return { webhook: await summaryFor(webhook), secret };
  });
  define(resolver, 'webhooks/test', async ({ id }, caller) => {
    await requireJiraAdmin();
    return sendTestEvent(id, caller.accountId);
  });
}
