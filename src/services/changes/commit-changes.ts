import type { FieldDefinition, RawValue } from '../../contract/fields';
import type { CHANGE_SOURCES, ChangeEvent } from '../../core/changes/change-event';
import { applyChanges, diffValues } from '../../core/changes/diff';
import { exceedsWriteLimits } from '../../core/changes/write-limits';
import { AppError } from '../../errors';
import { newEventId } from '../../storage/event-store';
import { retryOnConflict } from '../../storage/retry-on-conflict';
import { readValues, writeChanges } from '../../storage/value-store';
import type { StoredValues } from '../../storage/value-store';
import { publishChange } from './publish';

export interface CommitRequest {
  project: ChangeEvent['project'];
  fields: ReadonlyMap<number, FieldDefinition>;
  next: ReadonlyMap<number, RawValue | null>;
  user: string | null;
  source: (typeof CHANGE_SOURCES)[number];
  /** The clock (tests inject one); read when the write is made, not when the request came in. */
  now?: () => number;
  /**
   * Whether this is the first time the project's values are seen (a Jira project's first snapshot): then the
   * values are stored as they are and no event is announced, since nothing is known of what came before.
   */
  firstSight?: (stored: ReadonlyMap<number, RawValue>) => boolean;
  /** The project's values as just read by the caller (to check the update): the first attempt writes on them. */
  stored?: StoredValues;
}

export interface CommitResult {
  event: ChangeEvent | null;
  values: Map<number, RawValue>;
}

/**
 * The one write path for values: diff against what is stored, store the changes and their event atomically,
 * then announce the event. Nothing changed → nothing written, nothing enqueued. A concurrent write to the same
 * project makes the transaction fail; the diff is then redone against the new values.
 */
export async function commitChanges(request: CommitRequest): Promise<CommitResult> {
  let first = request.stored;
  const { notify, ...result } = await retryOnConflict(
    () => {
      const stored = first;
      first = undefined;
      return commitOnce(request, stored);
    },
    {
      exhausted: () => new AppError('CONFLICT', `Project ${request.project.key} kept changing while being written; try again`),
    },
  );
  if (result.event && notify) await publishChange(result.event);
  return result;
}

/** While changes wait, one in this many announces the project again (a notice too many costs one idle invocation). */
const RENOTICE_EVERY = 20;

async function commitOnce(request: CommitRequest, alreadyRead: StoredValues | undefined): Promise<CommitResult & { notify: boolean }> {
  const stored = alreadyRead ?? (await readValues(request.project.id));
  const changes = diffValues(request.fields, stored.values, request.next);
  if (changes.length === 0) return { event: null, values: stored.values, notify: false };
  const values = applyChanges(stored.values, changes);
  const tooLarge = exceedsWriteLimits(changes, values);
  if (tooLarge) throw new AppError('TOO_LARGE', `${request.project.key}: ${tooLarge}`);
  // Stamped at commit: after the head was read, so that a later commit of the project always gets a later time,
  // and never before the project's last event, whatever the clocks of the machines that made them.
  const at = Math.max((request.now ?? Date.now)(), stored.head.lastAt + 1);
  const event: ChangeEvent = {
    id: newEventId(at),
    project: request.project,
    user: request.user,
    at,
    sequence: stored.head.sequence + 1,
    source: request.source,
    changes,
  };
  const announce = !(request.firstSight?.(stored.values) ?? false);
  await writeChanges(event, stored.head, values, { announce });
  // Events already waiting means a notice is on its way (or the sweep will send one): one notice drains them all. But
  // that notice may have been refused (Forge's 500 pushes a minute): every RENOTICE_EVERY-th change announces again,
  // so a steady stream is not left waiting for the five-minute sweep.
  const notify = stored.head.handled === stored.head.sequence || event.sequence % RENOTICE_EVERY === 0;
  return { event: announce ? event : null, values, notify };
}
