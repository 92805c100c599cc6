import type { FieldChange } from './change-event';

// A KVS transaction holds ≤ 25 operations: the changed values, the event, the project's head and the check of its
// outbox cursor (docs/forge-platform.md, "KVS and custom entities").
export const MAX_CHANGES_PER_WRITE = 22;
// The stored event must fit a KVS value (240 KiB); keep a margin for the rest of the event.
export const MAX_CHANGES_BYTES = 200 * 1024;

/** Why a set of changes cannot be written as one change event, or undefined when it can. */
export function exceedsWriteLimits(changes: readonly FieldChange[]): string | undefined {
  if (changes.length > MAX_CHANGES_PER_WRITE)
    return `one update may change at most ${MAX_CHANGES_PER_WRITE} fields of a project; this one changes ${changes.length}`;
  if (Buffer.byteLength(JSON.stringify(changes)) > MAX_CHANGES_BYTES) {
    return `this update is too large to record as one change (over ${MAX_CHANGES_BYTES / 1024} KiB); change fewer long texts at once`;
  }
  return undefined;
}
