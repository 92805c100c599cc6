const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A timestamp as a localised date and time; the raw text if it is not a date, `empty` when null. */
export function formatDateTime(iso: string | null, empty = '—'): string {
  if (iso === null) return empty;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}
