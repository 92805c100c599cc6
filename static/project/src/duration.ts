/**
 * Durations as people type them, like Jira's time tracking: "2w 3d 4h 30m", or a bare number of hours ("1.5").
 * Stored values are milliseconds.
 *
 * Weeks and days are *working* time, as Jira's default time-tracking settings count them:
 * 1w = 5d and 1d = 8h (so "1w" is 40 hours, not 168). Hours, minutes and seconds are clock time.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 8 * HOUR;
const WEEK = 5 * DAY;

const UNITS = [
  { suffix: 'w', ms: WEEK },
  { suffix: 'd', ms: DAY },
  { suffix: 'h', ms: HOUR },
  { suffix: 'm', ms: MINUTE },
  { suffix: 's', ms: 1000 },
] as const;

export type DurationParse = { ok: true; ms: number } | { ok: false; message: string };

const NUMBER = String.raw`(?:\d+(?:\.\d+)?|\.\d+)`;
const BARE_HOURS = new RegExp(`^${NUMBER}$`);
const WORD = new RegExp(`^(?:${NUMBER}[wdhms])+$`);
const PART = new RegExp(`(${NUMBER})([wdhms])`, 'g');

/** Reads "2w 3d 4h 30m" (any order, each unit once, "2w3d" too) or hours ("6", "1.5") into milliseconds. */
export function parseDuration(text: string): DurationParse {
  const input = text.trim().toLowerCase();
  if (input === '') return { ok: false, message: 'Enter a duration, e.g. 2w 3d 4h 30m.' };
  if (BARE_HOURS.test(input)) return { ok: true, ms: Math.round(Number(input) * HOUR) };

  const words = input.split(/\s+/);
  if (!words.every((word) => WORD.test(word))) return invalid(text);
  let ms = 0;
  const seen = new Set<string>();
  for (const [, amount = '', suffix = ''] of input.matchAll(PART)) {
    if (seen.has(suffix)) return { ok: false, message: `"${suffix}" appears more than once in "${text.trim()}".` };
    seen.add(suffix);
    ms += Number(amount) * (UNITS.find((unit) => unit.suffix === suffix)?.ms ?? 0);
  }
  return { ok: true, ms: Math.round(ms) };
}

/** Shows milliseconds the way they are typed: "2w 3d 4h 30m"; "0m" for zero; seconds only when not whole minutes. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return String(ms);
  let rest = Math.round(ms / 1000) * 1000;
  const parts: string[] = [];
  for (const unit of UNITS) {
    const count = Math.floor(rest / unit.ms);
    rest -= count * unit.ms;
    if (count > 0) parts.push(`${count}${unit.suffix}`);
  }
  return parts.length > 0 ? parts.join(' ') : '0m';
}

function invalid(text: string): DurationParse {
  return { ok: false, message: `"${text.trim()}" is not a duration. Use e.g. 2w 3d 4h 30m (1w = 5d, 1d = 8h), or a number of hours.` };
}
