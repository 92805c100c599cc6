import { rawValue } from '../contract/fields';
import type { RawValue } from '../contract/fields';
import type { ChangeEvent } from '../core/changes/change-event';
import { outboxEntry } from './event-store';
import type { Counter, Guard } from './guarded-write';
import { readCountersOf, writeIfUnchanged } from './guarded-write';
import { ENTITIES, HEADS, KEYS } from './keys';
import { queryAll } from './query-all';

export { ConcurrentWriteError } from './guarded-write';

/**
 * A project's head: the version its values were read at, its last change event's sequence number and time, and
 * (from its outbox cursor) the last sequence handled — so a write knows whether events were already waiting.
 */
export interface ProjectHead {
  version: number;
  sequence: number;
  lastAt: number;
  handled: number;
}

export interface StoredValues {
  head: ProjectHead;
  values: Map<number, RawValue>;
}

const cursorOf = (projectId: string, handled: number): Counter => ({
  entity: ENTITIES.outboxCursor,
  key: projectId,
  attribute: 'handled',
  expected: handled,
});

export async function readValues(projectId: string): Promise<StoredValues> {
  // The head first, then the values: a write landing in between moves the version, so the conditional write of
  // whatever is derived from these values fails and is redone, rather than diffing stale values.
  const [counters = {}, cursor = {}] = await readCountersOf([
    { entity: ENTITIES.head, key: HEADS.projectValues(projectId) },
    { entity: ENTITIES.outboxCursor, key: projectId },
  ]);
  const head = { version: counters.version ?? 0, sequence: counters.sequence ?? 0, lastAt: counters.lastAt ?? 0, handled: cursor.handled ?? 0 };
  const prefix = KEYS.valuePrefix(projectId);
  const values = new Map<number, RawValue>();
  for (const { key, value } of await queryAll(prefix)) values.set(Number(key.slice(prefix.length)), rawValue.parse(value));
  return { head, values };
}

/**
 * Stores an event's changes and (when announced) the event in the project's outbox in one KVS transaction, on
 * condition that nobody wrote this project since its head was read, nor handled one of its events; otherwise throws
 * ConcurrentWriteError and nothing is written. An announced event takes the next sequence number; a silent write
 * (a first snapshot) none.
 */
export async function writeChanges(event: ChangeEvent, head: ProjectHead, options: { announce: boolean }): Promise<void> {
  const projectId = event.project.id;
  const { version, sequence, lastAt } = head;
  const next = options.announce ? { version: version + 1, sequence: event.sequence, lastAt: event.at } : { version: version + 1, sequence, lastAt };
  const guard: Guard = { entity: ENTITIES.head, key: HEADS.projectValues(projectId), attribute: 'version', expected: version, next };
  const build = (tx: Parameters<Parameters<typeof writeIfUnchanged>[1]>[0]) => {
    for (const change of event.changes) {
      if (change.current === null) tx.delete(KEYS.value(projectId, change.field.id));
      else tx.set(KEYS.value(projectId, change.field.id), change.current);
    }
    if (options.announce) tx.set(KEYS.outbox(projectId, event.sequence), outboxEntry(event));
  };
  await writeIfUnchanged(guard, build, [cursorOf(projectId, head.handled)]);
}
