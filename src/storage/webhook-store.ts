import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { webhookFilters } from '../contract/webhooks';
import { KEYS } from './keys';
import { queryAll } from './query-all';

/** A webhook as an admin configured it (no secrets: they live in the secret store, see webhook-secrets). */
export const webhookRecord = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  /** The admin's switch. The app disabling a failing webhook is recorded in its state instead (see webhook-state). */
  enabled: z.boolean(),
  filters: webhookFilters,
  headerNames: z.array(z.string()),
  strictOrder: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedBy: z.string(),
  updatedAt: z.string(),
  secretRotatedAt: z.string().nullable(),
});
export type WebhookRecord = z.infer<typeof webhookRecord>;

export async function readWebhook(id: string): Promise<WebhookRecord | undefined> {
  const value: unknown = await kvs.get(KEYS.webhook(id));
  return value === undefined ? undefined : webhookRecord.parse(value);
}

export async function listWebhooks(): Promise<WebhookRecord[]> {
  return (await queryAll(KEYS.webhookPrefix))
    .map((entry) => webhookRecord.parse(entry.value))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

export async function saveWebhook(record: WebhookRecord): Promise<void> {
  await kvs.set(KEYS.webhook(record.id), webhookRecord.parse(record));
}

export async function deleteWebhookRecord(id: string): Promise<void> {
  await kvs.delete(KEYS.webhook(id));
}
