import { kvs } from '@forge/kvs';
import { freshState, webhookState } from '../core/webhooks/delivery-state';
import type { WebhookState } from '../core/webhooks/delivery-state';
import { KEYS } from './keys';
import { queryAll } from './query-all';

/**
 * A webhook's delivery state, on its own key: only its worker writes it (one at a time: the worker's concurrency key
 * is the webhook), in the same transaction as the attempt's log entry.
 */
export async function readWebhookState(id: string): Promise<WebhookState> {
  const value: unknown = await kvs.get(KEYS.webhookState(id));
  return value === undefined ? freshState() : webhookState.parse(value);
}

export async function readAllWebhookStates(): Promise<Map<string, WebhookState>> {
  const entries = await queryAll(KEYS.webhookStatePrefix);
  return new Map(entries.map((e) => [e.key.slice(KEYS.webhookStatePrefix.length), webhookState.parse(e.value)]));
}

export async function saveWebhookState(id: string, state: WebhookState): Promise<void> {
  await kvs.set(KEYS.webhookState(id), webhookState.parse(state));
}

export async function deleteWebhookState(id: string): Promise<void> {
  await kvs.delete(KEYS.webhookState(id));
}
