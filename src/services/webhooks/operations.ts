import { randomBytes } from 'node:crypto';
import type { WebhookCounts } from '../../contract/webhooks';
import { formatPayload } from '../../core/payload/format-payload';
import { orderKey } from '../../core/webhooks/order-key';
import { sampleChange } from '../../core/webhooks/sample-change';
import { AppError, notFound } from '../../errors';
import { searchProjects } from '../../jira/projects';
import { readLog, readLogEntry } from '../../storage/delivery-log';
import { allEntries, deleteEntries, mailboxKey, putEntries } from '../../storage/mailbox-store';
import type { MailboxEntry } from '../../storage/mailbox-store';
import { readWebhook } from '../../storage/webhook-store';
import { wakeWebhooks } from './wake';

/** Admin actions go ahead of the mailbox's changes (the order key sorts first), in the order they were asked for. */
const priorityOrder = (at: number) => `0.${orderKey(at, '0', 0)}`;

function adminEntry(
  webhookId: string,
  trigger: MailboxEntry['trigger'],
  fields: Pick<MailboxEntry, 'messageId' | 'eventId' | 'body'> & Partial<MailboxEntry>,
  now: number,
) {
  return {
    key: mailboxKey(webhookId, `${trigger}.${now.toString(36)}.${randomBytes(4).toString('hex')}`),
    entry: {
      webhook: webhookId,
      order: priorityOrder(now),
      pool: 'all' as const,
      dueAt: now,
      attempt: 1,
      trigger,
      projectId: '0',
      sequence: 0,
      previous: 0,
      createdAt: now,
      ...fields,
    },
  };
}

/**
 * Stores an admin's deliveries and wakes the webhook's worker, naming them: its mailbox query may not show them yet
 * (Forge's queries lag), and a run that finds nothing to send ends without looking again.
 */
async function queueAdminEntries(webhookId: string, entries: ReturnType<typeof adminEntry>[]): Promise<void> {
  if (entries.length === 0) return;
  await putEntries(entries);
  await wakeWebhooks([webhookId], 0, new Map([[webhookId, entries.map((e) => e.key)]]));
}

async function requireWebhook(webhookId: string) {
  const webhook = await readWebhook(webhookId);
  if (!webhook) throw notFound(`There is no webhook ${webhookId}`);
  return webhook;
}

/** Queues a test event (a realistic sample change, `data.test: true`), sent once, ahead of pending changes. */
export async function sendTestEvent(webhookId: string, by: string, now = Date.now()): Promise<{ messageId: string }> {
  await requireWebhook(webhookId);
  const [first] = (await searchProjects('app')).values;
  const project = first ? { id: first.id, key: first.key, name: first.name } : { id: '10000', key: 'SAMPLE', name: 'Sample project' };
  const change = sampleChange(project, by, now);
  const payload = formatPayload(change);
  const body = JSON.stringify({ ...payload, data: { ...payload.data, test: true } });
  const messageId = `msg_test_${randomBytes(8).toString('hex')}`;
  await queueAdminEntries(webhookId, [adminEntry(webhookId, 'test', { messageId, eventId: change.id, body, projectKey: project.key }, now)]);
  return { messageId };
}

/** Sends a logged delivery again: the same body and `webhook-id`, as a new series of attempts. */
export async function redeliver(webhookId: string, logId: string, now = Date.now()): Promise<{ messageId: string }> {
  await requireWebhook(webhookId);
  const logged = await readLogEntry(webhookId, logId);
  if (!logged) throw notFound(`There is no delivery ${logId} in this webhook's log (the log keeps 7 days)`);
  const fields = {
    messageId: logged.messageId,
    eventId: logged.eventId,
    body: logged.request.body,
    sequence: logged.sequence ?? 0,
    ...(logged.projectKey ? { projectKey: logged.projectKey } : {}),
  };
  await queueAdminEntries(webhookId, [adminEntry(webhookId, 'redeliver', fields, now)]);
  return { messageId: logged.messageId };
}

/**
 * Sends again every delivery that failed for good since `since` (Svix's "recover"), oldest first, each once (by
 * `webhook-id`); a delivery that later succeeded is left alone.
 */
export async function replayFailed(webhookId: string, since: number, now = Date.now()): Promise<{ queued: number }> {
  await requireWebhook(webhookId);
  if (!Number.isFinite(since) || since > now) throw new AppError('INVALID_INPUT', 'since: must be a time in the past');
  const failed = new Map<string, { messageId: string; eventId: string; body: string; sequence: number; at: string }>();
  const succeeded = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await readLog(webhookId, { since, limit: 100, cursor });
    for (const entry of page.entries) {
      if (entry.status === 'OK') succeeded.add(entry.messageId);
      else if (entry.final && !failed.has(entry.messageId))
        failed.set(entry.messageId, {
          messageId: entry.messageId,
          eventId: entry.eventId,
          body: entry.request.body,
          sequence: entry.sequence ?? 0,
          at: entry.at,
        });
    }
    cursor = page.cursor ?? undefined;
  } while (cursor);
  const toSend = [...failed.values()].filter((f) => !succeeded.has(f.messageId)).sort((a, b) => a.at.localeCompare(b.at));
  await queueAdminEntries(
    webhookId,
    toSend.map((f, i) =>
      adminEntry(webhookId, 'replay', { messageId: f.messageId, eventId: f.eventId, body: f.body, sequence: f.sequence }, now + i),
    ),
  );
  return { queued: toSend.length };
}

/** Held deliveries (those of a disabled webhook): discarded on an admin's request, each recorded in the app log. */
export async function discardHeld(webhookId: string): Promise<{ discarded: number }> {
  await requireWebhook(webhookId);
  const held = await allEntries(webhookId);
  await deleteEntries(held.map((c) => c.key));
  if (held.length > 0) console.warn(`webhook ${webhookId}: ${held.length} held deliveries discarded by an admin`);
  return { discarded: held.length };
}

/** Pending and held deliveries per webhook, from one listing of every pending delivery (normally a handful). */
export function pendingCounts(
  entries: { entry: MailboxEntry }[],
  isHeld: (webhookId: string) => boolean,
): Map<string, Pick<WebhookCounts, 'pending' | 'held'>> {
  const counts = new Map<string, Pick<WebhookCounts, 'pending' | 'held'>>();
  for (const { entry } of entries) {
    const count = counts.get(entry.webhook) ?? { pending: 0, held: 0 };
    if (isHeld(entry.webhook)) count.held++;
    else count.pending++;
    counts.set(entry.webhook, count);
  }
  return counts;
}
