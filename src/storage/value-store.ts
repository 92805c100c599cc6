import { z } from 'zod';
import { rawValue } from '../contract/fields';
import type { RawValue } from '../contract/fields';
import type { ChangeEvent } from '../core/changes/change-event';
import { outboxEntry } from './event-store';
import type { Counter, Guard } from './guarded-write';
import { counterOf, readEntity, writeIfUnchanged } from './guarded-write';
import { ENTITIES, HEADS, KEYS } from './keys';

export { ConcurrentWriteError } from './guarded-write';

/**
 * A project's head: its values, the version they were read at, its last change event's sequence number and time, and
 * (from its outbox cursor) the last sequence handled — so a write knows whether events were already waiting. The
 * values live in the head itself: `entity().get` is strictly consistent while queries are not (docs/forge-platform.md,
 * "KVS and custom entities"), so one read gives current values and the version they go with.
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

const storedValues = z.record(z.string(), rawValue);
const cursorOf = (projectId: string, handled: number): Counter => ({
  entity: ENTITIES.outboxCursor,
  key: projectId,
  attribute: 'handled',
  expected: handled,
});

export async function readValues(projectId: string): Promise<StoredValues> {
  const [item, cursor] = await Promise.all([readEntity(ENTITIES.head, HEADS.projectValues(projectId)), readEntity(ENTITIES.outboxCursor, projectId)]);
  const head = {
    version: counterOf(item, 'version'),
    sequence: counterOf(item, 'sequence'),
    lastAt: counterOf(item, 'lastAt'),
    handled: counterOf(cursor, 'handled'),
  };
  const values = new Map<number, RawValue>(Object.entries(storedValues.parse(item.values ?? {})).map(([id, value]) => [Number(id), value]));
  return { head, values };
}

/**
 * Stores a project's values after a change and (when announced) the change event in the project's outbox, in one KVS
 * transaction, on condition that nobody wrote this project since its head was read, nor handled one of its events;
 * otherwise throws ConcurrentWriteError and nothing is written. An announced event takes the next sequence number;
 * a silent write (a first snapshot) none.
 */
export async function writeChanges(
  event: ChangeEvent,
  head: ProjectHead,
  values: ReadonlyMap<number, RawValue>,
  options: { announce: boolean },
): Promise<void> {
  const projectId = event.project.id;
  const next = {
    version: head.version + 1,
    sequence: options.announce ? event.sequence : head.sequence,
    lastAt: options.announce ? event.at : head.lastAt,
    values: Object.fromEntries([...values].map(([id, value]) => [String(id), value])),
  };
  const guard: Guard = { entity: ENTITIES.head, key: HEADS.projectValues(projectId), attribute: 'version', expected: head.version, next };
  await writeIfUnchanged(
    guard,
    (tx) => {
      if (options.announce) tx.set(KEYS.outbox(projectId, event.sequence), outboxEntry(event));
    },
    [cursorOf(projectId, head.handled)],
  );
}
