import { kvs, Sort, WhereConditions } from '@forge/kvs';
import { z } from 'zod';
import { TRIGGERS } from '../contract/webhooks';
import { ENTITIES } from './keys';
import { readItems, refId } from './read-items';

/**
 * Pending deliveries: each webhook's mailbox, in commit order. Forge documents no order for a key-prefix query, so
 * order comes from a custom entity index (docs/forge-platform.md, "KVS and custom entities"): `by-webhook`
 * (partition = webhook, range = order key) for a webhook's oldest first; `by-webhook-due` (partition = webhook, range =
 * due time) for its soonest due, so that retries waiting at the head never hide what is due behind them; `by-due` (one
 * partition, range = due time) for the scheduled trigger to find retries that are due.
 */
export const mailboxEntry = z.object({
  webhook: z.string(),
  /** Commit order: the change's time, project and sequence, zero-padded so that text order is commit order. */
  order: z.string(),
  pool: z.literal('all'),
  dueAt: z.number(),
  /** The attempt the next send will be (1 for the first). */
  attempt: z.number().int().positive(),
  trigger: z.enum(TRIGGERS),
  messageId: z.string(),
  eventId: z.string(),
  projectId: z.string(),
  sequence: z.number().int().nonnegative(),
  /**
   * The sequence of the same project's previous change handed to this webhook (0: none). A worker sends a change only
   * once that one was attempted: a query may lag, the order of a project's changes must not.
   */
  previous: z.number().int().nonnegative(),
  createdAt: z.number(),
  /**
   * The body to send as it is: made when the change is handed over (with the webhook's filters then), or a test's, a
   * redelivery's. A large change is not copied into each delivery: `fieldIds` then says which of its fields to send.
   */
  body: z.string().optional(),
  fieldIds: z.array(z.number().int()).optional(),
  projectKey: z.string().optional(),
  lastErrorClass: z.string().optional(),
});
export type MailboxEntry = z.infer<typeof mailboxEntry>;
export type StoredEntry = { key: string; entry: MailboxEntry };

const PAGE = 25;
const mailbox = () => kvs.entity<MailboxEntry>(ENTITIES.mailbox);
export const mailboxKey = (webhookId: string, suffix: string): string => `${webhookId}.${suffix}`;
/** A change's delivery to a webhook: found again by key from its successor, and written again harmlessly. */
export const changeDeliveryKey = (webhookId: string, projectId: string, sequence: number): string =>
  mailboxKey(webhookId, `${projectId}.${String(sequence).padStart(10, '0')}`);

/** Deliveries by key, read strictly consistently (batch get; absent keys are left out). */
export async function readEntries(keys: readonly string[]): Promise<Map<string, MailboxEntry>> {
  const refs = keys.map((key) => ({ key, entityName: ENTITIES.mailbox }));
  const items = await readItems(refs);
  const found = new Map<string, MailboxEntry>();
  for (const ref of refs) {
    const value = items.get(refId(ref));
    if (value !== undefined) found.set(ref.key, mailboxEntry.parse(value));
  }
  return found;
}

/** A page of a webhook's pending deliveries, from the index's start or from a cursor. */
export type MailboxPage = { entries: StoredEntry[]; nextCursor: string | undefined };

/**
 * A webhook's pending deliveries a page at a time: `by-order`, oldest first; `by-due`, due soonest first (those due
 * now, then the next to come due).
 */
export async function mailboxPage(webhookId: string, by: 'by-order' | 'by-due', limit = PAGE, cursor?: string): Promise<MailboxPage> {
  const query = mailbox()
    .query()
    .index(by === 'by-order' ? 'by-webhook' : 'by-webhook-due', { partition: [webhookId] })
    .sort(Sort.ASC)
    .limit(limit);
  const page = await (cursor ? query.cursor(cursor) : query).getMany();
  return { entries: page.results.map((r) => ({ key: r.key, entry: mailboxEntry.parse(r.value) })), nextCursor: page.nextCursor };
}

/** Every pending delivery of a webhook, oldest first, page by page (for counts, discarding, deleting). */
export async function allEntries(webhookId: string): Promise<StoredEntry[]> {
  const found: StoredEntry[] = [];
  let cursor: string | undefined;
  do {
    const query = mailbox()
      .query()
      .index('by-webhook', { partition: [webhookId] })
      .sort(Sort.ASC)
      .limit(100);
    const page = await (cursor ? query.cursor(cursor) : query).getMany();
    found.push(...page.results.map((r) => ({ key: r.key, entry: mailboxEntry.parse(r.value) })));
    cursor = page.nextCursor;
  } while (cursor);
  return found;
}

/** Pending deliveries of every webhook due by `now` (retries waiting for their time), soonest first. */
export async function dueEntries(now: number, limit = 100): Promise<StoredEntry[]> {
  const page = await mailbox()
    .query()
    .index('by-due', { partition: ['all'] })
    .where(WhereConditions.lessThanEqualTo(now))
    .sort(Sort.ASC)
    .limit(limit)
    .getMany();
  return page.results.map((r) => ({ key: r.key, entry: mailboxEntry.parse(r.value) }));
}

/** Every pending delivery of every webhook, page by page: normally a handful, so the admin page counts them in one go. */
export async function everyEntry(): Promise<StoredEntry[]> {
  const found: StoredEntry[] = [];
  let cursor: string | undefined;
  do {
    const query = mailbox()
      .query()
      .index('by-due', { partition: ['all'] })
      .sort(Sort.ASC)
      .limit(100);
    const page = await (cursor ? query.cursor(cursor) : query).getMany();
    found.push(...page.results.map((r) => ({ key: r.key, entry: mailboxEntry.parse(r.value) })));
    cursor = page.nextCursor;
  } while (cursor);
  return found;
}

export async function putEntries(entries: StoredEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += PAGE) {
    const { failedKeys } = await kvs.batchSet(
      entries.slice(i, i + PAGE).map(({ key, entry }) => ({ key, value: entry, entityName: ENTITIES.mailbox })),
    );
    if (failedKeys.length > 0) throw new Error(`could not store ${failedKeys.length} pending deliveries: ${failedKeys[0]?.error.message ?? ''}`);
  }
}

export async function deleteEntries(keys: string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += PAGE) await kvs.batchDelete(keys.slice(i, i + PAGE).map((key) => ({ key, entityName: ENTITIES.mailbox })));
}
