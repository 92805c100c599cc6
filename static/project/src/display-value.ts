import type { FieldDefinition, RawValue } from '../../../src/contract/fields';
import { formatDuration } from './duration';
import { choicesFor } from './field-choices';
import type { Lookups } from './lookups';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** A stored value as read-only text (option, user and project names; durations as "1w 2d"); null when empty. */
export function displayValue(field: FieldDefinition, raw: RawValue | null | undefined, lookups: Lookups): string | null {
  if (raw === null || raw === undefined || (Array.isArray(raw) && raw.length === 0)) return null;
  if (field.type === 'duration' && typeof raw === 'number') return formatDuration(raw);
  if (field.type === 'date' && typeof raw === 'string') return formatDate(raw);
  const choices = choicesFor(field, lookups, raw);
  if (choices.length === 0) return Array.isArray(raw) ? raw.join(', ') : String(raw);
  const ids = (Array.isArray(raw) ? raw : [raw]).map(String);
  return ids.map((id) => choices.find((choice) => choice.value === id)?.label ?? id).join(', ');
}

function formatDate(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}
