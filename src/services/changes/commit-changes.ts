import type { FieldDefinition, RawValue } from '../../contract/fields';
import { AppError } from '../../errors';
import { newEventId } from '../../storage/event-store';
import { ConcurrentWriteError, readValues, writeChanges } from '../../storage/value-store';
import type { ChangeEvent } from '../../core/changes/change-event';
import type { CHANGE_SOURCES } from '../../core/changes/change-event';
import { diffValues } from '../../core/changes/diff';
import { publishChange } from './publish';
import { exceedsWriteLimits } from '../../core/changes/write-limits';

const ATTEMPTS = 5;
/** A short random pause before trying again, so writers that collided do not collide again in step. */
const backOff = (attempt: number) => new Promise((resolve) => setTimeout(resolve, attempt * (10 + Math.random() * 40)));

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
    const tooLarge = exceedsWriteLimits(changes);
    if (tooLarge) throw new AppError('TOO_LARGE', `${request.project.key}: ${tooLarge}`);
    const event: ChangeEvent = {
      id: newEventId(request.now),
      project: request.project,
      user: request.user,
      at: request.now,
      source: request.source,
      changes,
    };
    const announce = !(request.firstSight?.(stored.values) ?? false);
    try {
      await writeChanges(event, stored.version, { announce });
    } catch (error) {
      if (error instanceof ConcurrentWriteError) {
        await backOff(attempt);
        continue;
      }
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
