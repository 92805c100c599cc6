import { kvs } from '@forge/kvs';
import { webhookSecrets } from '../core/webhooks/secrets';
import type { WebhookSecrets } from '../core/webhooks/secrets';
import { KEYS } from './keys';

/** A webhook's secrets live in Forge's encrypted secret store (≤ 128 KiB, never listed), never shown again once saved. */
export async function readWebhookSecrets(id: string): Promise<WebhookSecrets | undefined> {
  const value: unknown = await kvs.getSecret(KEYS.webhookSecrets(id));
  return value === undefined ? undefined : webhookSecrets.parse(value);
}

export async function saveWebhookSecrets(id: string, secrets: WebhookSecrets): Promise<void> {
  await kvs.setSecret(KEYS.webhookSecrets(id), webhookSecrets.parse(secrets));
}

export async function deleteWebhookSecrets(id: string): Promise<void> {
  await kvs.deleteSecret(KEYS.webhookSecrets(id));
}
