import { z } from 'zod';
import { webhookFilters } from '../contract/webhooks';
import { AppError } from '../errors';
import { asItem, counterOf, readEntity, writeIfUnchanged } from './guarded-write';
import { refId } from './read-items';
import type { ItemRef } from './read-items';
import { ENTITIES } from './keys';
import { retryOnConflict } from './retry-on-conflict';

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

/**
 * Every webhook in one custom entity item, read with `entity().get`: strictly consistent, so a change committed
 * right after a webhook was saved is handed to it (a query may lag, docs/forge-platform.md, "KVS and custom
 * entities"). Admins change webhooks rarely; two at once are kept apart by the item's version.
 */
const INDEX_KEY = 'all';
const records = z.array(webhookRecord);

async function readIndex(): Promise<{ version: number; webhooks: WebhookRecord[] }> {
  const item = await readEntity(ENTITIES.webhookIndex, INDEX_KEY);
  return { version: counterOf(item, 'version'), webhooks: records.parse(item.webhooks ?? []) };
}

/** Where the webhooks are read by key, for a reader that reads them with other items (see readItems). */
export const webhookIndexRef: ItemRef = { key: INDEX_KEY, entityName: ENTITIES.webhookIndex };

/** The webhooks, from items read with `webhookIndexRef`. */
export const webhooksFrom = (found: ReadonlyMap<string, unknown>): WebhookRecord[] =>
  records.parse(asItem(found.get(refId(webhookIndexRef))).webhooks ?? []);

export async function listWebhooks(): Promise<WebhookRecord[]> {
  return (await readIndex()).webhooks;
}

export async function readWebhook(id: string): Promise<WebhookRecord | undefined> {
  return (await listWebhooks()).find((w) => w.id === id);
}

/** Applies a change to the list of webhooks, redone on the latest list if another admin saved in between. */
export async function changeWebhooks<T>(change: (webhooks: WebhookRecord[]) => { webhooks: WebhookRecord[]; result: T }): Promise<T> {
  return retryOnConflict(
    async () => {
      const { version, webhooks } = await readIndex();
      const { webhooks: next, result } = change(webhooks);
      const guard = {
        entity: ENTITIES.webhookIndex,
        key: INDEX_KEY,
        attribute: 'version',
        expected: version,
        next: { version: version + 1, webhooks: records.parse(next) },
      };
      await writeIfUnchanged(guard, () => undefined);
      return result;
    },
    { exhausted: () => new AppError('CONFLICT', 'The webhooks kept changing while being saved; try again') },
  );
}

/** Changes one webhook on the latest list; NOT_FOUND when it is gone. */
export async function updateWebhookRecord(id: string, change: (current: WebhookRecord) => WebhookRecord): Promise<WebhookRecord> {
  return changeWebhooks((webhooks) => {
    const current = webhooks.find((w) => w.id === id);
    if (!current) throw new AppError('NOT_FOUND', `There is no webhook ${id}`);
    const next = change(current);
    return { webhooks: webhooks.map((w) => (w.id === id ? next : w)), result: next };
  });
}

export async function deleteWebhookRecord(id: string): Promise<void> {
  await changeWebhooks((webhooks) => ({ webhooks: webhooks.filter((w) => w.id !== id), result: undefined }));
}
