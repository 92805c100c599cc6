import { randomBytes } from 'node:crypto';
import type { Host } from '../host';

/** The platform's view of the store (the host is the platform): a call as Forge's KVS would answer it, metered to no one. */
async function inspect<T>(host: Host, path: string, body: unknown): Promise<T> {
  const { response } = host.kvs.inspect(path, body);
  if (!response.ok && response.status !== 204) throw new Error(`KVS ${path} answered ${response.status}: ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

interface WebhookIndex {
  version: number;
  webhooks: Record<string, unknown>[];
}

/**
 * Makes the site's one configured webhook `count` webhooks, all alike but for id, name and path, written straight
 * into the webhook index. This reaches past the app's cap of 100 per site on purpose: it measures how listing and
 * fanning out grow. The copies have no signing secret, so their workers send nothing.
 */
export async function cloneWebhooks(host: Host, count: number): Promise<string[]> {
  const { value } = await inspect<{ value: WebhookIndex }>(host, '/api/v1/entity/get', { entityName: 'webhook-index', key: 'all' });
  const model = value.webhooks[0];
  if (!model) throw new Error('cloneWebhooks: the site has no webhook to copy');
  const copies = Array.from({ length: count - 1 }, (_, i) => ({
    ...model,
    id: randomBytes(8).toString('hex'),
    name: `Copy ${i + 1}`,
    url: `${String(model.url)}/copy/${i + 1}`,
  }));
  const webhooks = [model, ...copies];
  await inspect(host, '/api/v1/entity/set', { entityName: 'webhook-index', key: 'all', value: { version: value.version + 1, webhooks } });
  return webhooks.map((w) => String(w.id));
}

/** `count` copies of the site's handled change events and of its delivery log entries: a history, older than what is there. */
export async function seedHistory(host: Host, count: number): Promise<void> {
  const events = await inspect<{ data: { key: string; value: { event: Record<string, unknown>; handledAt: number } }[] }>(host, '/api/v1/query', {
    limit: 1,
    where: [{ property: 'key', condition: 'BEGINS_WITH', values: ['event:'] }],
  });
  const logs = await inspect<{ data: { key: string; value: { webhook: string; at: number; entry: Record<string, unknown> } }[] }>(
    host,
    '/api/v1/entity/query',
    { entityName: 'delivery', indexName: 'by-key', limit: 1 },
  );
  const event = events.data[0];
  const log = logs.data[0];
  if (!event || !log) throw new Error('seedHistory: the site has handled no change yet');
  for (let i = 1; i <= count; i++) {
    const id = `${String((Date.now() - i * 1000).toString(36)).padStart(9, '0')}-history-${i}`;
    await inspect(host, '/api/v1/set', { key: `event:${id}`, value: { ...event.value, event: { ...event.value.event, id } } });
    const at = log.value.at - i * 1000;
    const entryId = `${at.toString(36).padStart(9, '0')}-h${i}`;
    await inspect(host, '/api/v1/entity/set', {
      entityName: 'delivery',
      key: `${log.value.webhook}.${entryId}`,
      value: { ...log.value, at, entry: { ...log.value.entry, id: entryId, at: new Date(at).toISOString() } },
    });
  }
}

/** Says the delivery logs were last pruned long ago, so the next maintenance run prunes them (hourly otherwise). */
export async function makePruneDue(host: Host): Promise<void> {
  const { value } = await inspect<{ value: { doneAt: number; logsPrunedAt: number } }>(host, '/api/v1/get', { key: 'app:setup-done' });
  await inspect(host, '/api/v1/set', { key: 'app:setup-done', value: { ...value, logsPrunedAt: 0 } });
}
