import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { changeEvent } from '../core/changes/change-event';
import type { ChangeEvent } from '../core/changes/change-event';
import { kvs } from '@forge/kvs';
import type { Counter, Guard } from './guarded-write';
import { counterOf, readEntity, writeChecked, writeIfUnchanged } from './guarded-write';
import { ENTITIES, KEYS } from './keys';
import { queryAll } from './query-all';

/**
 * Change events. A committed event waits in its project's outbox (`outbox:<project>:<sequence>`, written in the
 * same transaction as the values it describes). Handling it moves it, in one transaction guarded by the project's
 * outbox cursor, to `event:<id>`, kept a week (for redelivery), then expired. Only waiting events are ever listed,
 * so what the sweep reads does not grow with history.
 */
export const storedEvent = z.object({ event: changeEvent, handledAt: z.number().nullable() });
export type StoredEvent = z.infer<typeof storedEvent>;

/** Handled events are kept a month: deliveries waiting for a retry or held behind a disabled webhook are made from them. */
export const HANDLED_EVENT_TTL = { value: 30, unit: 'DAYS' } as const;

/** Event ids sort by time (base-36 milliseconds, fixed width), then are unique. */
export function newEventId(at: number): string {
  return `${at.toString(36).padStart(9, '0')}-${randomUUID()}`;
}

export const outboxEntry = (event: ChangeEvent): StoredEvent => ({ event, handledAt: null });

const WINDOW = 25;

/**
 * A project's outbox cursor, read strictly consistently: the sequence number of its last handled event (0 before the
 * first), and for each webhook the sequence of the last of its changes handed to that webhook (its deliveries then
 * name their predecessor, so a worker never sends a project's changes out of order, whatever a query shows it).
 */
export interface OutboxCursor {
  handled: number;
  lastTo: Record<string, number>;
}

const lastTo = z.record(z.string(), z.number().int());

export async function readCursor(projectId: string): Promise<OutboxCursor> {
  const item = await readEntity(ENTITIES.outboxCursor, projectId);
  return { handled: counterOf(item, 'handled'), lastTo: lastTo.catch({}).parse(item.lastTo ?? {}) };
}

/**
 * A project's waiting events after `handled`, in sequence order, read by key (queries are only eventually
 * consistent, docs/forge-platform.md, "KVS and custom entities"): the run of consecutive sequence numbers present.
 * `expected`, when known (a notice names the event it announced), is read in one request with the one after it (where
 * the run usually ends); beyond it, windows twice as large each time (up to 25), so one waiting event costs one small
 * read and a backlog few large ones.
 */
export async function waitingEvents(projectId: string, handled: number, expected = handled + 1): Promise<ChangeEvent[]> {
  const found: ChangeEvent[] = [];
  for (let from = handled + 1, size = Math.min(WINDOW, Math.max(1, expected - handled) + 1); ; from += size, size = Math.min(WINDOW, size * 2)) {
    const keys = Array.from({ length: size }, (_, i) => KEYS.outbox(projectId, from + i));
    const { successfulKeys } = await kvs.batchGet<unknown>(keys.map((key) => ({ key })));
    const byKey = new Map(successfulKeys.map((s) => [s.key, storedEvent.parse(s.value).event]));
    for (const key of keys) {
      const event = byKey.get(key);
      if (!event) return found;
      found.push(event);
    }
  }
}

/** Every project's waiting events, each project's in sequence order (a query: it may lag a little; the sweep allows it). */
export async function allWaitingEvents(): Promise<ChangeEvent[]> {
  return sortBySequence(await queryAll(KEYS.outboxPrefix));
}

function sortBySequence(entries: { value: unknown }[]): ChangeEvent[] {
  return entries
    .map((entry) => storedEvent.parse(entry.value).event)
    .sort((a, b) => a.project.id.localeCompare(b.project.id) || a.sequence - b.sequence);
}

type TransactionBuilder = Parameters<Parameters<typeof writeChecked>[1]>[0];

const cursorOf = (event: ChangeEvent, handled: number): Counter => ({
  entity: ENTITIES.outboxCursor,
  key: event.project.id,
  attribute: 'handled',
  expected: handled,
});

/**
 * Marks consecutive events of one project handled: out of the outbox, into the handled events, the cursor moved to
 * the last (with `lastTo`, for each webhook the last of them handed to it), with whatever else handling them writes
 * (`also`: their deliveries) — one transaction, on condition that the cursor is still where `cursor` says; otherwise
 * ConcurrentWriteError (another consumer got there first) and nothing changes. Returns the cursor as it now is.
 */
export async function markHandled(
  events: readonly ChangeEvent[],
  cursor: OutboxCursor,
  next: OutboxCursor,
  at: number,
  also: (tx: TransactionBuilder) => void = () => undefined,
): Promise<OutboxCursor> {
  const first = events[0];
  if (!first) return cursor;
  const guard: Guard = { ...cursorOf(first, cursor.handled), next: { handled: next.handled, lastTo: next.lastTo } };
  await writeIfUnchanged(guard, (tx) => {
    also(tx);
    for (const event of events) {
      tx.delete(KEYS.outbox(event.project.id, event.sequence));
      tx.set(KEYS.event(event.id), { event, handledAt: at } satisfies StoredEvent, undefined, { ttl: HANDLED_EVENT_TTL });
    }
  });
  return next;
}

/** What handling an event writes beyond one transaction: written only while the event is still waiting. */
export async function writeWhileWaiting(event: ChangeEvent, cursor: OutboxCursor, build: (tx: TransactionBuilder) => void): Promise<void> {
  await writeChecked([cursorOf(event, cursor.handled)], build);
}

/** A handled event, for deliveries made later (retries, held deliveries, replays). */
export async function readHandledEvent(eventId: string): Promise<StoredEvent | undefined> {
  const value: unknown = await kvs.get(KEYS.event(eventId));
  return value === undefined ? undefined : storedEvent.parse(value);
}
