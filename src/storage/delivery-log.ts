import { kvs, Sort, WhereConditions } from '@forge/kvs';
import { z } from 'zod';
import { deliveryLogEntry } from '../contract/webhooks';
import type { DeliveryLogEntry } from '../contract/webhooks';
import { ENTITIES } from './keys';

/**
 * The delivery log: one custom entity per attempt, read per webhook newest first through the `by-webhook` index
 * (partition = webhook, range = time). Kept 7 days (a TTL), and at most the newest 200 per webhook (pruned by the
 * scheduled maintenance).
 */
export const LOG_TTL = { value: 7, unit: 'DAYS' } as const;
export const LOG_KEEP_PER_WEBHOOK = 200;

const logItem = z.object({ webhook: z.string(), at: z.number(), status: z.enum(['OK', 'ERROR']), entry: deliveryLogEntry });
type LogItem = z.infer<typeof logItem>;
const log = () => kvs.entity<LogItem>(ENTITIES.delivery);

export const logKey = (entry: Pick<DeliveryLogEntry, 'webhookId' | 'id'>): string => `${entry.webhookId}.${entry.id}`;

/** What to put in an attempt's transaction to log it. */
export function logWrite(entry: DeliveryLogEntry): { key: string; value: LogItem; entityName: string; ttl: typeof LOG_TTL } {
  return {
    key: logKey(entry),
    value: { webhook: entry.webhookId, at: Date.parse(entry.at), status: entry.status, entry },
    entityName: ENTITIES.delivery,
    ttl: LOG_TTL,
  };
}

export interface LogPage {
  entries: DeliveryLogEntry[];
  cursor: string | null;
}

/** A webhook's log, newest first, a page at a time; `since` keeps only attempts at or after that time. */
export async function readLog(webhookId: string, options: { limit?: number; cursor?: string | undefined; since?: number } = {}): Promise<LogPage> {
  let query = log()
    .query()
    .index('by-webhook', { partition: [webhookId] });
  if (options.since !== undefined) query = query.where(WhereConditions.greaterThanEqualTo(options.since));
  query = query.sort(Sort.DESC).limit(options.limit ?? 50);
  const page = await (options.cursor ? query.cursor(options.cursor) : query).getMany();
  return { entries: page.results.map((r) => logItem.parse(r.value).entry), cursor: page.nextCursor ?? null };
}

export async function readLogEntry(webhookId: string, id: string): Promise<DeliveryLogEntry | undefined> {
  const value: unknown = await log().get(logKey({ webhookId, id }));
  return value === undefined ? undefined : logItem.parse(value).entry;
}

/** Keys of a webhook's log entries beyond the newest `keep`, to prune. */
export async function logKeysBeyond(webhookId: string, keep = LOG_KEEP_PER_WEBHOOK): Promise<string[]> {
  const keys: string[] = [];
  let seen = 0;
  let cursor: string | undefined;
  do {
    const query = log()
      .query()
      .index('by-webhook', { partition: [webhookId] })
      .sort(Sort.DESC)
      .limit(100);
    const page = await (cursor ? query.cursor(cursor) : query).getMany();
    for (const result of page.results) if (++seen > keep) keys.push(result.key);
    cursor = page.nextCursor;
  } while (cursor);
  return keys;
}

export async function deleteLogEntries(keys: string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += 25) await kvs.batchDelete(keys.slice(i, i + 25).map((key) => ({ key, entityName: ENTITIES.delivery })));
}
