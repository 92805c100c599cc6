import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './duration';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 8 * HOUR;
const WEEK = 5 * DAY;

function ms(text: string): number | string {
  const parsed = parseDuration(text);
  return parsed.ok ? parsed.ms : parsed.message;
}

describe('parseDuration', () => {
  it('reads each unit with working weeks and days (1w = 5d, 1d = 8h)', () => {
    expect(ms('1w')).toBe(40 * HOUR);
    expect(ms('1d')).toBe(8 * HOUR);
    expect(ms('1h')).toBe(HOUR);
    expect(ms('1m')).toBe(MINUTE);
    expect(ms('30s')).toBe(30_000);
  });

  it('adds up combined units, in any order, with or without spaces, any case', () => {
    expect(ms('2w 3d 4h 30m')).toBe(2 * WEEK + 3 * DAY + 4 * HOUR + 30 * MINUTE);
    expect(ms('30m 4h')).toBe(4 * HOUR + 30 * MINUTE);
    expect(ms('2w3d')).toBe(2 * WEEK + 3 * DAY);
    expect(ms('  1D   2H ')).toBe(DAY + 2 * HOUR);
  });

  it('reads a bare number as hours, decimals included', () => {
    expect(ms('6')).toBe(6 * HOUR);
    expect(ms('1.5')).toBe(90 * MINUTE);
    expect(ms('0')).toBe(0);
    expect(ms('1.5h')).toBe(90 * MINUTE);
  });

  it('refuses what is not a duration, saying why', () => {
    for (const text of ['', '   ', 'abc', '2x', 'h', '2 h', '-1h', '1h-2m', '1,5h', '2w 1q']) {
      const parsed = parseDuration(text);
      expect(parsed.ok, text).toBe(false);
    }
    expect(ms('1h 2h')).toContain('more than once');
  });
});

describe('formatDuration', () => {
  it('writes the largest units first and skips empty ones', () => {
    expect(formatDuration(2 * WEEK + 3 * DAY + 4 * HOUR + 30 * MINUTE)).toBe('2w 3d 4h 30m');
    expect(formatDuration(DAY + 5 * MINUTE)).toBe('1d 5m');
    expect(formatDuration(9 * HOUR)).toBe('1d 1h');
    expect(formatDuration(0)).toBe('0m');
    expect(formatDuration(90_000)).toBe('1m 30s');
  });

  it('round-trips with parseDuration', () => {
    for (const text of ['2w 3d 4h 30m', '1w', '7h 59m', '4d', '1m', '0m']) {
      expect(formatDuration(ms(text) as number)).toBe(text);
    }
    for (const value of [0, MINUTE, 3 * HOUR + 15 * MINUTE, 11 * WEEK + 4 * DAY + 7 * HOUR + 59 * MINUTE]) {
      const parsed = parseDuration(formatDuration(value));
      expect(parsed).toEqual({ ok: true, ms: value });
    }
  });
});
