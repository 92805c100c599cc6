import { z } from 'zod';
import { rawValue } from '../contract/fields';
import type { RawValue } from '../contract/fields';
import type { ChangeEvent } from '../core/changes/change-event';
import { outboxEntry } from './event-store';
import type { Counter, Guard } from './guarded-write';
import { asItem, counterOf, readEntity, writeIfUnchanged } from './guarded-write';
import { readItems, refId } from './read-items';
import type { ItemRef } from './read-items';
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

const headRef = (projectId: string): ItemRef => ({ key: HEADS.projectValues(projectId), entityName: ENTITIES.head });
const cursorRef = (projectId: string): ItemRef => ({ key: projectId, entityName: ENTITIES.outboxCursor });

/**
 * Several projects' heads and values, read together (one request for a dozen projects). `strict`: each item with
 * `entity().get`, the read Forge documents as strictly consistent (its batch get's consistency is not documented: a
 * writer that lost a race reads this way, so a stale batch read costs one retry, never a write refused for good).
 */
export async function readValuesOf(projectIds: readonly string[], options: { strict?: boolean } = {}): Promise<Map<string, StoredValues>> {
  const refs = projectIds.flatMap((id) => [headRef(id), cursorRef(id)]);
  const found = options.strict
    ? new Map(await Promise.all(refs.map(async (ref) => [refId(ref), await readEntity(ref.entityName ?? '', ref.key)] as const)))
    : await readItems(refs);
  return new Map(
    projectIds.map((id) => {
      const item = asItem(found.get(refId(headRef(id))));
      const cursor = asItem(found.get(refId(cursorRef(id))));
      const head = {
        version: counterOf(item, 'version'),
        sequence: counterOf(item, 'sequence'),
        lastAt: counterOf(item, 'lastAt'),
        handled: counterOf(cursor, 'handled'),
      };
      const values = new Map<number, RawValue>(Object.entries(storedValues.parse(item.values ?? {})).map(([key, value]) => [Number(key), value]));
      return [id, { head, values }];
    }),
  );
}

export async function readValues(projectId: string): Promise<StoredValues> {
  const read = (await readValuesOf([projectId])).get(projectId);
  if (!read) throw new Error(`readValues: project ${projectId} was not read`);
  return read;
}

export interface ChangeWrite {
  event: ChangeEvent;
  head: ProjectHead;
  values: ReadonlyMap<number, RawValue>;
  /** Announced events take the next sequence number and wait in the outbox; a silent write (a first snapshot) none. */
  announce: boolean;
}

/** A transaction holds 25 operations; a project's write takes 3 (its head, the check of its cursor, its outbox event). */
export const WRITES_PER_TRANSACTION = 8;

/**
 * Stores projects' values after a change and (when announced) each change event in its project's outbox, in one KVS
 * transaction, on condition that nobody wrote these projects since their heads were read, nor handled one of their
 * events; otherwise throws ConcurrentWriteError and nothing is written.
 */
export async function writeChanges(writes: readonly ChangeWrite[]): Promise<void> {
  const guards: Guard[] = writes.map(({ event, head, values, announce }) => ({
    entity: ENTITIES.head,
    key: HEADS.projectValues(event.project.id),
    attribute: 'version',
    expected: head.version,
    next: {
      version: head.version + 1,
      sequence: announce ? event.sequence : head.sequence,
      lastAt: announce ? event.at : head.lastAt,
      values: Object.fromEntries([...values].map(([id, value]) => [String(id), value])),
    },
  }));
  await writeIfUnchanged(
    guards,
    (tx) => {
      for (const { event, announce } of writes) if (announce) tx.set(KEYS.outbox(event.project.id, event.sequence), outboxEntry(event));
    },
    writes.map(({ event, head }) => cursorOf(event.project.id, head.handled)),
  );
}
