import type { FieldDefinition, RawValue } from '../../contract/fields';
import type { FieldChange, FieldSnapshot } from './change-event';

const isEmpty = (value: RawValue | null | undefined): boolean =>
  value === null || value === undefined || (Array.isArray(value) && value.length === 0);

/** Equal values: lists compare as sets (reordering a multi-select is not a change). */
export function sameValue(a: RawValue | null | undefined, b: RawValue | null | undefined): boolean {
  if (isEmpty(a) || isEmpty(b)) return isEmpty(a) && isEmpty(b);
  if (Array.isArray(a) && Array.isArray(b)) {
    const left = new Set<string | number>(a);
    const right = new Set<string | number>(b);
    return left.size === right.size && [...left].every((item) => right.has(item));
  }
  return a === b;
}

/** The field as the event records it: only the options its previous or current value names. */
export function snapshotOf(field: FieldDefinition, values: (RawValue | null)[]): FieldSnapshot {
  const { id, name, type } = field;
  if (!field.options) return { id, name, type };
  const named = new Set(values.flatMap((v) => (v === null ? [] : Array.isArray(v) ? v : [v])));
  return { id, name, type, options: field.options.filter((o) => named.has(o.id)).map((o) => ({ id: o.id, name: o.name })) };
}

/** What a write changes: one entry per field whose value differs from the stored one, in the order given. */
export function diffValues(
  fields: ReadonlyMap<number, FieldDefinition>,
  stored: ReadonlyMap<number, RawValue>,
  next: ReadonlyMap<number, RawValue | null>,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [fieldId, current] of next) {
    const previous = stored.get(fieldId) ?? null;
    if (sameValue(previous, current)) continue;
    const field = fields.get(fieldId);
    if (!field) throw new Error(`diffValues: field ${fieldId} is not in the catalogue`);
    const normalised = isEmpty(current) ? null : current;
    changes.push({ field: snapshotOf(field, [previous, normalised]), previous, current: normalised });
  }
  return changes;
}

/** The values after the changes: a cleared field is gone, any other holds its current value. */
export function applyChanges(values: ReadonlyMap<number, RawValue>, changes: readonly FieldChange[]): Map<number, RawValue> {
  const after = new Map(values);
  for (const change of changes) {
    if (change.current === null) after.delete(change.field.id);
    else after.set(change.field.id, change.current);
  }
  return after;
}
