import { rawValue } from '../contract/fields';
import type { RawValue } from '../contract/fields';
import type { ChangeEvent } from '../core/changes/change-event';
import type { StoredEvent } from './event-store';
import { ENTITIES, HEADS, KEYS } from './keys';
import { queryAll } from './query-all';
import { readVersion, writeIfUnchanged } from './versioned-write';

export { ConcurrentWriteError } from './versioned-write';

/** A project's stored values and the version they were read at. */
export interface StoredValues {
  version: number;
  values: Map<number, RawValue>;
}

export async function readValues(projectId: string): Promise<StoredValues> {
  // The version first, then the values: a write landing in between bumps the version, so the conditional
  // write of whatever is derived from these values fails and is redone, rather than diffing stale values.
  const version = await readVersion(ENTITIES.head, HEADS.projectValues(projectId));
  const stored = await queryAll(KEYS.valuePrefix(projectId));
  const values = new Map<number, RawValue>();
  for (const { key, value } of stored) values.set(Number(key.slice(KEYS.valuePrefix(projectId).length)), rawValue.parse(value));
  return { version, values };
}

/**
 * Stores an event's changes and (when announced) the event in one KVS transaction, on condition that nobody wrote
 * this project since `version` was read; otherwise throws ConcurrentWriteError and nothing is written.
 */
export async function writeChanges(event: ChangeEvent, version: number, options: { announce: boolean }): Promise<void> {
  const projectId = event.project.id;
  await writeIfUnchanged(ENTITIES.head, HEADS.projectValues(projectId), version, (tx) => {
    for (const change of event.changes) {
      if (change.current === null) tx.delete(KEYS.value(projectId, change.field.id));
      else tx.set(KEYS.value(projectId, change.field.id), change.current);
    }
    if (options.announce) tx.set(KEYS.event(event.id), { event, handledAt: null } satisfies StoredEvent);
  });
}
