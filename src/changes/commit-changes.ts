import type { FieldDefinition, RawValue } from '../contract/fields';
import { AppError } from '../errors';
import { newEventId } from '../storage/event-store';
import { ConcurrentWriteError, readValues, writeChanges } from '../storage/value-store';
import type { ChangeEvent } from './change-event';
import type { CHANGE_SOURCES } from './change-event';
import { diffValues } from './diff';
import { publishChange } from './publish';

// A KVS transaction holds ≤ 25 operations: the changed values, the event and the project head.
export const MAX_CHANGES_PER_WRITE = 23;
// The stored event must fit a KVS value (240 KiB); keep a margin for the envelope.
const MAX_EVENT_BYTES = 200 * 1024;
const ATTEMPTS = 3;

export interface CommitRequest {
  project: ChangeEvent['project'];
  fields: ReadonlyMap<number, FieldDefinition>;
  next: ReadonlyMap<number, RawValue | null>;
  user: string | null;
  source: (typeof CHANGE_SOURCES)[number];
  now: number;
  /**
   * Whether this is the first time the project's values are seen (a Jira project's first snapshot): then the
   * values are stored as they are and no event is announced, since nothing is known of what came before.
   */
  firstSight?: (stored: ReadonlyMap<number, RawValue>) => boolean;
}

/**
 * The one write path for values: diff against what is stored, store the changes and their event atomically,
 * then announce the event. Nothing changed → nothing written, nothing enqueued. A concurrent write to the same
 * project makes the transaction fail; the diff is then redone against the new values.
 */
export async function commitChanges(request: CommitRequest): Promise<{ event: ChangeEvent | null; values: Map<number, RawValue> }> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const stored = await readValues(request.project.id);
    const changes = diffValues(request.fields, stored.values, request.next);
    if (changes.length === 0) return { event: null, values: stored.values };
    if (changes.length > MAX_CHANGES_PER_WRITE) {
      throw new AppError(
        'TOO_LARGE',
        `One update may change at most ${MAX_CHANGES_PER_WRITE} fields of a project; this one changes ${changes.length}`,
      );
    }
    const event: ChangeEvent = {
      id: newEventId(request.now),
      project: request.project,
      user: request.user,
      at: request.now,
      source: request.source,
      changes,
    };
    const announce = !(request.firstSight?.(stored.values) ?? false);
    if (Buffer.byteLength(JSON.stringify(event)) > MAX_EVENT_BYTES) {
      throw new AppError(
        'TOO_LARGE',
        `This update is too large to record as one change (over ${MAX_EVENT_BYTES / 1024} KiB); change fewer long texts at once`,
      );
    }
    try {
      await writeChanges(event, stored.version, { announce });
    } catch (error) {
      if (error instanceof ConcurrentWriteError && attempt < ATTEMPTS) continue;
      throw error;
    }
    if (announce) await publishChange(event);
    const values = new Map(stored.values);
    for (const change of changes) {
      if (change.current === null) values.delete(change.field.id);
      else values.set(change.field.id, change.current);
    }
    return { event: announce ? event : null, values };
  }
  throw new AppError('CONFLICT', `Project ${request.project.key} kept changing while being written; try again`);
}
