import type { RawValue } from '../../contract/fields';
import type { FieldChange } from './change-event';

/** The stored event must fit a KVS value (240 KiB); keep a margin for the rest of the event. */
export const MAX_CHANGES_BYTES = 200 * 1024;
/**
 * A project's values are one custom entity value with its head (≤ 240 KiB, docs/forge-platform.md, "KVS and custom
 * entities"), so that one strictly consistent read gives both; keep a margin for the head's counters.
 */
export const MAX_PROJECT_VALUES_BYTES = 230 * 1024;

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

/** Why a set of changes cannot be written as one change event, or undefined when it can. */
export function exceedsWriteLimits(changes: readonly FieldChange[], after?: ReadonlyMap<number, RawValue>): string | undefined {
  if (bytes(changes) > MAX_CHANGES_BYTES)
    return `this update is too large to record as one change (over ${MAX_CHANGES_BYTES / 1024} KiB); change fewer long texts at once`;
  if (after !== undefined && bytes(Object.fromEntries(after)) > MAX_PROJECT_VALUES_BYTES)
    return `the project's values would take over ${MAX_PROJECT_VALUES_BYTES / 1024} KiB in all; shorten some long texts`;
  return undefined;
}
