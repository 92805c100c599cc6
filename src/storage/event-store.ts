import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { changeEvent } from '../core/changes/change-event';
import type { ChangeEvent } from '../core/changes/change-event';
import { kvs } from '@forge/kvs';
import type { Counter, Guard } from './guarded-write';
import { asItem, counterOf, writeChecked, writeIfUnchanged } from './guarded-write';
import { readItems, refId } from './read-items';
import type { ItemRef } from './read-items';
import { ENTITIES, KEYS } from './keys';
import { queryAll } from './query-all';

/**
 * Change events. A committed event waits in its project's outbox (`outbox:<project>:<sequence>`, written in the
 * same transaction as the values it describes). Handling it moves it, in one transaction guarded by the project's
 * outbox cursor, to `event:<id>`, kept 30 days (for redelivery), then expired. Only waiting events are ever listed,
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

/** Where a project's cursor and its waiting events are read by key (queries are only eventually consistent). */
export const cursorRef = (projectId: string): ItemRef => ({ key: projectId, entityName: ENTITIES.outboxCursor });
export const outboxRef = (projectId: string, sequence: number): ItemRef => ({ key: KEYS.outbox(projectId, sequence) });

/** A cursor as read (absent: nothing handled yet). */
export function cursorFrom(value: unknown): OutboxCursor {
  const item = asItem(value);
  return { handled: counterOf(item, 'handled'), lastTo: lastTo.catch({}).parse(item.lastTo ?? {}) };
}

/** A waiting event as read from the outbox. */
export const outboxEvent = (value: unknown): ChangeEvent => storedEvent.parse(value).event;

export async function readCursors(projectIds: readonly string[]): Promise<Map<string, OutboxCursor>> {
  const found = await readItems(projectIds.map(cursorRef));
  return new Map(projectIds.map((id) => [id, cursorFrom(found.get(refId(cursorRef(id))))]));
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

/** One project's part of a handling transaction: consecutive events, its cursor as read, and where it moves to. */
export interface HandledPart {
  events: readonly ChangeEvent[];
  cursor: OutboxCursor;
  next: OutboxCursor;
}

/**
 * Marks consecutive events of one or more projects handled: out of the outbox, into the handled events, each project's
 * cursor moved to its last (with `lastTo`, for each webhook the last of them handed to it), with whatever else handling
 * them writes (`also`: their deliveries) — one transaction, on condition that each cursor is still where its part says;
 * otherwise ConcurrentWriteError (another consumer got there first; it names the cursors that moved) and nothing changes.
 */
export async function markHandled(
  parts: readonly HandledPart[],
  at: number,
  also: (tx: TransactionBuilder) => void = () => undefined,
): Promise<void> {
  const guards: Guard[] = parts.flatMap(({ events, cursor, next }) => {
    const first = events[0];
    return first ? [{ ...cursorOf(first, cursor.handled), next: { handled: next.handled, lastTo: next.lastTo } }] : [];
  });
  if (guards.length === 0) return;
  await writeIfUnchanged(guards, (tx) => {
    also(tx);
    for (const { events } of parts)
      for (const event of events) {
        tx.delete(KEYS.outbox(event.project.id, event.sequence));
        tx.set(KEYS.event(event.id), { event, handledAt: at } satisfies StoredEvent, undefined, { ttl: HANDLED_EVENT_TTL });
      }
  });
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
