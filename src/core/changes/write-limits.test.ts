import { describe, expect, it } from 'vitest';
import type { FieldChange } from './change-event';
import { exceedsWriteLimits, MAX_CHANGES_BYTES, MAX_CHANGES_PER_WRITE } from './write-limits';

const textChange = (id: number, current: string): FieldChange => ({ field: { id, name: `Notes ${id}`, type: 'textarea' }, previous: null, current });
const changes = (count: number): FieldChange[] => Array.from({ length: count }, (_, i) => textChange(2001 + i, 'x'));

/** One change whose JSON list takes exactly `bytes` bytes of UTF-8, its text written in two-byte characters where it can. */
function changeOfBytes(bytes: number): FieldChange[] {
  const overhead = Buffer.byteLength(JSON.stringify([textChange(2001, '')]));
  const room = bytes - overhead;
  return [textChange(2001, 'é'.repeat(Math.floor(room / 2)) + 'x'.repeat(room % 2))];
}

describe('exceedsWriteLimits', () => {
  it('allows 23 changes in one write and refuses 24, saying how many', () => {
    expect(MAX_CHANGES_PER_WRITE).toBe(23);
    expect(exceedsWriteLimits(changes(23))).toBeUndefined();
    expect(exceedsWriteLimits(changes(24))).toBe('one update may change at most 23 fields of a project; this one changes 24');
  });

  it('allows changes of exactly 200 KiB of UTF-8 and refuses one byte more', () => {
    expect(MAX_CHANGES_BYTES).toBe(200 * 1024);
    const atLimit = changeOfBytes(200 * 1024);
    expect(Buffer.byteLength(JSON.stringify(atLimit))).toBe(204_800);
    expect(exceedsWriteLimits(atLimit)).toBeUndefined();
    expect(exceedsWriteLimits(changeOfBytes(200 * 1024 + 1))).toBe(
      'this update is too large to record as one change (over 200 KiB); change fewer long texts at once',
    );
  });

  it('counts bytes, not characters: 150 000 two-byte characters are too many', () => {
    expect(exceedsWriteLimits([textChange(2001, 'é'.repeat(150_000))])).toMatch(/^this update is too large/);
    expect(exceedsWriteLimits([textChange(2001, 'x'.repeat(150_000))])).toBeUndefined();
  });

  it('names the count first when a write breaks both limits', () => {
    const many = Array.from({ length: 24 }, (_, i) => textChange(2001 + i, 'x'.repeat(10_000)));
    expect(exceedsWriteLimits(many)).toBe('one update may change at most 23 fields of a project; this one changes 24');
  });
});
