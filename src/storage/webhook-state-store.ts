import { kvs } from '@forge/kvs';
import { freshState, webhookState } from '../core/webhooks/delivery-state';
import type { WebhookState } from '../core/webhooks/delivery-state';
import { KEYS } from './keys';
import { readItems, refId } from './read-items';

/**
 * A webhook's delivery state, on its own key: only its worker writes it (one at a time: the worker's concurrency key
 * is the webhook), in the same transaction as the attempt's log entry.
 */
export async function readWebhookState(id: string): Promise<WebhookState> {
  const value: unknown = await kvs.get(KEYS.webhookState(id));
  return value === undefined ? freshState() : webhookState.parse(value);
}

/** The states of these webhooks, read by key (strictly consistent, unlike a query), 25 to a request. */
export async function readWebhookStates(ids: readonly string[]): Promise<Map<string, WebhookState>> {
  const found = await readItems(ids.map((id) => ({ key: KEYS.webhookState(id) })));
  const states = new Map<string, WebhookState>();
  for (const id of ids) {
    const value = found.get(refId({ key: KEYS.webhookState(id) }));
    if (value !== undefined) states.set(id, webhookState.parse(value));
  }
  return states;
}

export async function saveWebhookState(id: string, state: WebhookState): Promise<void> {
  await kvs.set(KEYS.webhookState(id), webhookState.parse(state));
}

export async function deleteWebhookState(id: string): Promise<void> {
  await kvs.delete(KEYS.webhookState(id));
}
