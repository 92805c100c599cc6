import { randomUUID } from 'node:crypto';
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { changeEvent } from '../core/changes/change-event';
import type { ChangeEvent } from '../core/changes/change-event';
import { KEYS } from './keys';
import { queryAll } from './query-all';

/**
 * Change events, written in the same transaction as the values they describe (an outbox): `handledAt` is
 * null until the consumer has handled the event; after that it is kept for a week (for redelivery), then expires.
 */
export const storedEvent = z.object({ event: changeEvent, handledAt: z.number().nullable() });
export type StoredEvent = z.infer<typeof storedEvent>;

export const HANDLED_EVENT_TTL = { value: 7, unit: 'DAYS' } as const;

/** Event ids sort by time (base-36 milliseconds, fixed width), so a prefix query reads oldest first. */
export function newEventId(at: number): string {
  return `${at.toString(36).padStart(9, '0')}-${randomUUID()}`;
}

export async function readEvent(eventId: string): Promise<StoredEvent | undefined> {
  const stored: unknown = await kvs.get(KEYS.event(eventId));
  return stored === undefined ? undefined : storedEvent.parse(stored);
}

export async function markHandled(stored: StoredEvent, at: number): Promise<void> {
  await kvs.set(KEYS.event(stored.event.id), { ...stored, handledAt: at }, { ttl: HANDLED_EVENT_TTL });
}

/** Events written but not yet handled by the consumer, oldest first. */
export async function unhandledEvents(): Promise<ChangeEvent[]> {
  return (await queryAll(KEYS.eventPrefix))
    .map((entry) => storedEvent.parse(entry.value))
    .filter((stored) => stored.handledAt === null)
    .map((stored) => stored.event);
}
