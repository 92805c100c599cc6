import type { FieldDefinition, RawValue } from '../../../src/contract/fields';
import { formatDuration } from './duration';

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
const numberFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 20 });

/** Whether a stored value is empty: null, missing, or an empty list. */
export const isEmpty = (raw: RawValue | null | undefined): raw is null | undefined | [] =>
  raw === null || raw === undefined || (Array.isArray(raw) && raw.length === 0);

/** A text, number, date or duration as read-only text: dates as "1 Mar 2026", durations as typed ("1w 2d"). */
export function plainValue(field: FieldDefinition, raw: RawValue): string {
  if (field.type === 'duration' && typeof raw === 'number') return formatDuration(raw);
  if (field.type === 'number' && typeof raw === 'number') return numberFormat.format(raw);
  if (field.type === 'date' && typeof raw === 'string') return formatDate(raw);
  return Array.isArray(raw) ? raw.join(', ') : String(raw);
}

function formatDate(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}
