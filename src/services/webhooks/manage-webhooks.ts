import { randomBytes } from 'node:crypto';
import type { WebhookInput } from '../../contract/webhooks';
import { reenabled } from '../../core/webhooks/delivery-state';
import { newSigningSecret, rotated } from '../../core/webhooks/secrets';
import { checkWebhookInput } from '../../core/webhooks/webhook-rules';
import type { CheckedWebhook } from '../../core/webhooks/webhook-rules';
import { AppError, invalidFields, notFound } from '../../errors';
import { readCatalogue } from '../../storage/catalogue-store';
import { allEntries, deleteEntries } from '../../storage/mailbox-store';
import { deleteWebhookSecrets, readWebhookSecrets, saveWebhookSecrets } from '../../storage/webhook-secrets';
import { deleteWakeMark } from '../../storage/wake-marks';
import { deleteWebhookState, readWebhookState, saveWebhookState } from '../../storage/webhook-state-store';
import { changeWebhooks, deleteWebhookRecord, readWebhook, updateWebhookRecord } from '../../storage/webhook-store';
import type { WebhookRecord } from '../../storage/webhook-store';
import { JIRA_ATTRIBUTES } from '../../core/fields/jira-attributes';
import { searchProjects } from '../../jira/projects';
import { wakeWebhooks } from './wake';

/** Enough for any site; each one costs a worker and a mailbox. */
export const MAX_WEBHOOKS = 100;

async function requireWebhook(id: string): Promise<WebhookRecord> {
  const found = await readWebhook(id);
  if (!found) throw notFound(`There is no webhook ${id}`);
  return found;
}

/** Filters must name fields of the catalogue (or Jira's attributes) and projects that exist. */
async function checkFilters(webhook: CheckedWebhook): Promise<void> {
  const errors = [];
  if (webhook.filters.fields) {
    const known = new Set([...(await readCatalogue()).fields.map((f) => f.id), ...Object.values(JIRA_ATTRIBUTES).map((f) => f.id)]);
    const unknown = webhook.filters.fields.filter((id) => !known.has(id));
    if (unknown.length > 0)
      errors.push({ field: 'filters.fields', code: 'UNKNOWN_FIELD', message: `filters.fields: there is no field ${unknown.join(', ')}` });
  }
  if (webhook.filters.projects) {
    const found = new Set<string>();
    for (let i = 0; i < webhook.filters.projects.length; i += 50)
      for (const p of (await searchProjects('app', { ids: webhook.filters.projects.slice(i, i + 50) })).values) found.add(p.id);
    const unknown = webhook.filters.projects.filter((id) => !found.has(id));
    if (unknown.length > 0)
      errors.push({ field: 'filters.projects', code: 'UNKNOWN_PROJECT', message: `filters.projects: there is no project ${unknown.join(', ')}` });
  }
  if (errors.length > 0) throw invalidFields(errors);
}

const headerValues = (webhook: CheckedWebhook, saved: Record<string, string>): Record<string, string> =>
  Object.fromEntries(
    webhook.headers.map((h) => [h.name, h.value ?? Object.entries(saved).find(([n]) => n.toLowerCase() === h.name.toLowerCase())?.[1] ?? '']),
  );

/** Creates a webhook; its signing secret is returned this once. */
export async function createWebhook(input: WebhookInput, by: string, now = new Date()): Promise<{ webhook: WebhookRecord; secret: string }> {
  const verdict = checkWebhookInput(input);
  if (!verdict.ok) throw invalidFields(verdict.errors);
  await checkFilters(verdict.webhook);
  const { headers, ...rest } = verdict.webhook;
  const at = now.toISOString();
  const webhook: WebhookRecord = {
    id: randomBytes(8).toString('hex'),
    ...rest,
    headerNames: headers.map((h) => h.name),
    createdBy: by,
    createdAt: at,
    updatedBy: by,
    updatedAt: at,
    secretRotatedAt: null,
  };
  const secret = newSigningSecret();
  // The secrets first: a webhook is never listed without them.
  await saveWebhookSecrets(webhook.id, { signing: secret, previous: null, headers: headerValues(verdict.webhook, {}) });
  await changeWebhooks((webhooks) => {
    if (webhooks.length >= MAX_WEBHOOKS) throw new AppError('TOO_LARGE', `A site can have at most ${MAX_WEBHOOKS} webhooks; delete one first`);
    return { webhooks: [...webhooks, webhook], result: undefined };
  }).catch(async (error: unknown) => {
    await deleteWebhookSecrets(webhook.id);
    throw error;
  });
  return { webhook, secret };
}

/** Changes a webhook; a header given without a value keeps its saved one. */
export async function updateWebhook(id: string, input: WebhookInput, by: string, now = new Date()): Promise<WebhookRecord> {
  const current = await requireWebhook(id);
  const verdict = checkWebhookInput(input, { savedHeaderNames: current.headerNames });
  if (!verdict.ok) throw invalidFields(verdict.errors);
  await checkFilters(verdict.webhook);
  const secrets = await readWebhookSecrets(id);
  if (!secrets) throw new AppError('CONFLICT', `Webhook ${id} has no secrets; delete and create it again`);
  const { headers, ...rest } = verdict.webhook;
  await saveWebhookSecrets(id, { ...secrets, headers: headerValues(verdict.webhook, secrets.headers) });
  const webhook = await updateWebhookRecord(id, (w) => ({
    ...w,
    ...rest,
    headerNames: headers.map((h) => h.name),
    updatedBy: by,
    updatedAt: now.toISOString(),
  }));
  if (webhook.enabled && !current.enabled) await enableWebhook(id, by, now);
  return webhook;
}

/** Turns a webhook on (again): what the app recorded against it is cleared, and held deliveries go out in order. */
export async function enableWebhook(id: string, by: string, now = new Date()): Promise<WebhookRecord> {
  const current = await requireWebhook(id);
  const webhook = current.enabled
    ? current
    : await updateWebhookRecord(id, (w) => ({ ...w, enabled: true, updatedBy: by, updatedAt: now.toISOString() }));
  await saveWebhookState(id, reenabled(await readWebhookState(id)));
  await wakeWebhooks([id]);
  return webhook;
}

/** Turns a webhook off: nothing is sent; changes made meanwhile are not kept for it; pending deliveries are held. */
export async function disableWebhook(id: string, by: string, now = new Date()): Promise<WebhookRecord> {
  const current = await requireWebhook(id);
  if (!current.enabled) return current;
  return updateWebhookRecord(id, (w) => ({ ...w, enabled: false, updatedBy: by, updatedAt: now.toISOString() }));
}

/** A new signing secret, returned this once; deliveries are signed with both for the next 24 hours. */
export async function rotateSecret(id: string, by: string, now = new Date()): Promise<{ webhook: WebhookRecord; secret: string }> {
  await requireWebhook(id);
  const secrets = await readWebhookSecrets(id);
  if (!secrets) throw new AppError('CONFLICT', `Webhook ${id} has no secrets; delete and create it again`);
  const secret = newSigningSecret();
  await saveWebhookSecrets(id, rotated(secrets, secret, now.getTime()));
  const webhook = await updateWebhookRecord(id, (w) => ({ ...w, secretRotatedAt: now.toISOString(), updatedBy: by, updatedAt: now.toISOString() }));
  return { webhook, secret };
}

/** Deletes a webhook: its record, secrets, state and pending deliveries (its log expires with its TTL). */
export async function deleteWebhook(id: string): Promise<void> {
  await requireWebhook(id);
  await deleteWebhookRecord(id);
  await deleteWebhookSecrets(id);
  await deleteWebhookState(id);
  await deleteWakeMark(id);
  await deleteEntries((await allEntries(id)).map((c) => c.key));
}
