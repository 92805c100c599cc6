import { describe, expect, it } from 'vitest';
import { exactTime, relativeTime } from './format-time';

const now = Date.parse('2026-03-12T14:00:00Z');
const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();

describe('relativeTime', () => {
  it('reads as a person would say it', () => {
    expect(relativeTime(ago(3), now)).toBe('just now');
    expect(relativeTime(ago(42), now)).toBe('42 seconds ago');
    expect(relativeTime(ago(5 * 60), now)).toBe('5 minutes ago');
    expect(relativeTime(ago(2 * 3600), now)).toBe('2 hours ago');
    expect(relativeTime(ago(26 * 3600), now)).toBe('yesterday');
    expect(relativeTime(ago(3 * 86400), now)).toBe('3 days ago');
  });

  it('gives the date beyond a week, and the text itself when it is not a time', () => {
    expect(relativeTime('2026-01-02T10:00:00Z', now)).toBe('2 Jan 2026');
    expect(relativeTime('soon', now)).toBe('soon');
  });
});

describe('exactTime', () => {
  it('has the seconds and the zone', () => {
    expect(exactTime('2026-03-12T13:59:07Z')).toMatch(/12 Mar 2026, \d\d:59:07 \S+/);
  });
});
