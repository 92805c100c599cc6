import type Resolver from '@forge/resolver';
import { notFound } from '../errors';
import { enableWebhook } from '../services/webhooks/manage-webhooks';
import { discardHeld, redeliver, replayFailed } from '../services/webhooks/operations';
import { readLog } from '../storage/delivery-log';
import { readWebhook } from '../storage/webhook-store';
import { define } from './define';
import { requireJiraAdmin } from './guards';

/** A webhook's delivery log and what an admin can do with it: Jira admins only, checked on every call. */
export function defineDeliveryResolvers(resolver: Resolver): void {
  define(resolver, 'deliveries/list', async ({ webhookId, cursor, limit }) => {
    await requireJiraAdmin();
    if (!(await readWebhook(webhookId))) throw notFound(`There is no webhook ${webhookId}`);
    return readLog(webhookId, { cursor, limit: limit ?? 50 });
  });
  define(resolver, 'deliveries/redeliver', async ({ webhookId, deliveryId }) => {
    await requireJiraAdmin();
    return redeliver(webhookId, deliveryId);
  });
  define(resolver, 'deliveries/replay', async ({ webhookId, since }) => {
    await requireJiraAdmin();
    return replayFailed(webhookId, Date.parse(since));
  });
  define(resolver, 'deliveries/held', async ({ webhookId, action }, caller) => {
    await requireJiraAdmin();
    if (action === 'discard') return { sent: false, ...(await discardHeld(webhookId)) };
    await enableWebhook(webhookId, caller.accountId);
    return { sent: true, discarded: 0 };
  });
}
