import { rawValue } from '../contract/fields';
import type { RawValue } from '../contract/fields';
import type { ChangeEvent } from '../core/changes/change-event';
import { outboxEntry } from './event-store';
import type { Guard } from './guarded-write';
import { readCounters, writeIfUnchanged } from './guarded-write';
import { ENTITIES, HEADS, KEYS } from './keys';
import { queryAll } from './query-all';

export { ConcurrentWriteError } from './guarded-write';

/** A project's head: the version its values were read at, its last change event's sequence number and time. */
export interface ProjectHead {
  version: number;
  sequence: number;
  lastAt: number;
}

export interface StoredValues {
  head: ProjectHead;
  values: Map<number, RawValue>;
}

export async function readValues(projectId: string): Promise<StoredValues> {
  // The head first, then the values: a write landing in between moves the version, so the conditional write of
  // whatever is derived from these values fails and is redone, rather than diffing stale values.
  const counters = await readCounters(ENTITIES.head, HEADS.projectValues(projectId));
  const head = { version: counters.version ?? 0, sequence: counters.sequence ?? 0, lastAt: counters.lastAt ?? 0 };
  const prefix = KEYS.valuePrefix(projectId);
  const values = new Map<number, RawValue>();
  for (const { key, value } of await queryAll(prefix)) values.set(Number(key.slice(prefix.length)), rawValue.parse(value));
  return { head, values };
}

/**
 * Stores an event's changes and (when announced) the event in the project's outbox in one KVS transaction, on
 * condition that nobody wrote this project since its head was read; otherwise throws ConcurrentWriteError and
 * nothing is written. An announced event takes the next sequence number; a silent write (a first snapshot) none.
 */
export async function writeChanges(event: ChangeEvent, head: ProjectHead, options: { announce: boolean }): Promise<void> {
  const projectId = event.project.id;
  const next = options.announce ? { version: head.version + 1, sequence: event.sequence, lastAt: event.at } : { ...head, version: head.version + 1 };
  const guard: Guard = { entity: ENTITIES.head, key: HEADS.projectValues(projectId), attribute: 'version', expected: head.version, next };
  await writeIfUnchanged(guard, (tx) => {
    for (const change of event.changes) {
      if (change.current === null) tx.delete(KEYS.value(projectId, change.field.id));
      else tx.set(KEYS.value(projectId, change.field.id), change.current);
    }
    if (options.announce) tx.set(KEYS.outbox(projectId, event.sequence), outboxEntry(event));
  });
}
