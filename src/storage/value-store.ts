import { Filter, FilterConditions, kvs } from '@forge/kvs';
import { z } from 'zod';
import { rawValue } from '../contract/fields';
import type { RawValue } from '../contract/fields';
import type { ChangeEvent } from '../changes/change-event';
import type { StoredEvent } from './event-store';
import { ENTITIES, KEYS } from './keys';
import { queryAll } from './query-all';

const head = z.object({ version: z.number().int().nonnegative() });

/** A project's stored values and the version they were read at. */
export interface StoredValues {
  version: number;
  values: Map<number, RawValue>;
}

export async function readValues(projectId: string): Promise<StoredValues> {
  const [stored, entity] = await Promise.all([
    queryAll(KEYS.valuePrefix(projectId)),
    kvs.entity<{ version: number }>(ENTITIES.projectHead).get(projectId),
  ]);
  const values = new Map<number, RawValue>();
  for (const { key, value } of stored) values.set(Number(key.slice(KEYS.valuePrefix(projectId).length)), rawValue.parse(value));
  return { version: entity === undefined ? 0 : head.parse(entity).version, values };
}

export class ConcurrentWriteError extends Error {}

/**
 * Stores an event's changes and (when announced) its event in one KVS transaction, on condition that nobody wrote
 * this project since `version` was read; otherwise throws ConcurrentWriteError and nothing is written.
 */
export async function writeChanges(event: ChangeEvent, version: number, options: { announce: boolean }): Promise<void> {
  const projectId = event.project.id;
  const tx = kvs.transact();
  for (const change of event.changes) {
    if (change.current === null) tx.delete(KEYS.value(projectId, change.field.id));
    else tx.set(KEYS.value(projectId, change.field.id), change.current);
  }
  if (options.announce) tx.set(KEYS.event(event.id), { event, handledAt: null } satisfies StoredEvent);
  const unchanged =
    version === 0
      ? new Filter<{ version: number }>().and('version', FilterConditions.notExists())
      : new Filter<{ version: number }>().and('version', FilterConditions.equalTo(version));
  tx.set(projectId, { version: version + 1 }, { entityName: ENTITIES.projectHead, conditions: unchanged });
  try {
    await tx.execute();
  } catch (error) {
    if ((error as { code?: string }).code === 'CONDITIONAL_CHECK_FAILED')
      throw new ConcurrentWriteError(`project ${projectId} changed while being written`, { cause: error });
    throw error;
  }
}
