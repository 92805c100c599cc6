/**
 * `yyyy-mm-dd` naming a day that exists in the proleptic Gregorian calendar (2026-02-30 does not; 0004-02-29 does).
 * `Date.UTC` reads years 0–99 as 1900–1999, so the year is set on its own with `setUTCFullYear`.
 */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
