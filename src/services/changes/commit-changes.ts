import type { FieldDefinition, RawValue } from '../../contract/fields';
import type { CHANGE_SOURCES, ChangeEvent, ChangeNotice } from '../../core/changes/change-event';
import { applyChanges, diffValues } from '../../core/changes/diff';
import { exceedsWriteLimits } from '../../core/changes/write-limits';
import { AppError } from '../../errors';
import { newEventId } from '../../storage/event-store';
import { asAppError } from '../../storage/kvs-errors';
import { retryOnConflict } from '../../storage/retry-on-conflict';
import { readValuesOf, WRITES_PER_TRANSACTION, writeChanges } from '../../storage/value-store';
import type { ChangeWrite, StoredValues } from '../../storage/value-store';
import { noticeOf, publishNotices } from './publish';

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

/** One project's part of a commit: refused (too large, or it kept changing), or written. */
export type CommitOutcome = CommitResult | { error: AppError };

type Planned = (CommitResult & { write: ChangeWrite | null; notify: boolean }) | { error: AppError };

/**
 * The one write path for values: diff against what is stored, store the changes and their event atomically,
 * then announce the event. Nothing changed → nothing written, nothing enqueued. A concurrent write to the same
 * project makes the transaction fail; the diff is then redone against the new values.
 */
export async function commitChanges(request: CommitRequest): Promise<CommitResult> {
  const [outcome] = await commitAll([request]);
  if (!outcome) throw new Error('commitChanges: no outcome');
  if ('error' in outcome) throw outcome.error;
  return outcome;
}

/**
 * Commits several projects' changes (an import's REST call): up to WRITES_PER_TRANSACTION projects to one transaction,
 * each group redone on its own after a lost race, and one queue notice for all the projects that need one. A group
 * that cannot be written (it kept changing, Forge's limits) fails alone, its projects answered with the error.
 */
export async function commitAll(requests: readonly CommitRequest[]): Promise<CommitOutcome[]> {
  const outcomes: CommitOutcome[] = [];
  const notices: ChangeNotice[] = [];
  for (let i = 0; i < requests.length; i += WRITES_PER_TRANSACTION) {
    const group = requests.slice(i, i + WRITES_PER_TRANSACTION);
    const planned = await commitGroup(group).catch((error: unknown) => error);
    if (!Array.isArray(planned)) {
      const error = asAppError(planned);
      if (!error) throw planned;
      outcomes.push(...group.map(() => ({ error })));
      continue;
    }
    for (const outcome of planned as Planned[]) {
      if ('error' in outcome) {
        outcomes.push(outcome);
        continue;
      }
      const { write: _write, notify, ...result } = outcome;
      outcomes.push(result);
      if (result.event && notify) notices.push(noticeOf(result.event));
    }
  }
  if (notices.length > 0) await publishNotices(notices);
  return outcomes;
}

async function commitGroup(group: readonly CommitRequest[]): Promise<Planned[]> {
  let given: (StoredValues | undefined)[] = group.map((r) => r.stored);
  let retry = false;
  return retryOnConflict(
    async () => {
      const missing = group.filter((r, i) => !given[i]).map((r) => r.project.id);
      // After a lost race, read strictly (see readValuesOf).
      const read = missing.length > 0 ? await readValuesOf(missing, { strict: retry }) : new Map<string, StoredValues>();
      const planned = group.map((request, i) => plan(request, given[i] ?? read.get(request.project.id)));
      given = group.map(() => undefined);
      retry = true;
      const writes = planned.flatMap((p) => ('write' in p && p.write ? [p.write] : []));
      if (writes.length > 0) await writeChanges(writes);
      return planned;
    },
    {
      exhausted: () => new AppError('CONFLICT', `${group.map((r) => r.project.key).join(', ')} kept changing while being written; try again`),
    },
  );
}

/** While changes wait, one in this many announces the project again (a notice too many costs one idle invocation). */
const RENOTICE_EVERY = 20;

function plan(request: CommitRequest, stored: StoredValues | undefined): Planned {
  if (!stored) throw new Error(`commitChanges: project ${request.project.id} was not read`);
  const changes = diffValues(request.fields, stored.values, request.next);
  if (changes.length === 0) return { event: null, values: stored.values, write: null, notify: false };
  const values = applyChanges(stored.values, changes);
  const tooLarge = exceedsWriteLimits(changes, values);
  if (tooLarge) return { error: new AppError('TOO_LARGE', `${request.project.key}: ${tooLarge}`) };
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
  // Events already waiting means a notice is on its way (or the sweep will send one): one notice drains them all. But
  // that notice may have been refused (Forge's 500 pushes a minute): every RENOTICE_EVERY-th change announces again,
  // so a steady stream is not left waiting for the five-minute sweep.
  const notify = stored.head.handled === stored.head.sequence || event.sequence % RENOTICE_EVERY === 0;
  return { event: announce ? event : null, values, write: { event, head: stored.head, values, announce }, notify };
}
