import { describe, expect, it } from 'vitest';
import type { RawValue } from '../../contract/fields';
import type { FieldChange } from './change-event';
import { exceedsWriteLimits, MAX_CHANGES_BYTES, MAX_PROJECT_VALUES_BYTES } from './write-limits';

const textChange = (id: number, current: string): FieldChange => ({ field: { id, name: `F${id}`, type: 'textarea' }, previous: null, current });
const overhead = Buffer.byteLength(JSON.stringify([textChange(2001, '')]), 'utf8');
const changeOfBytes = (total: number) => [textChange(2001, 'x'.repeat(total - overhead))];
const valuesOfBytes = (total: number): Map<number, RawValue> => new Map([[2001, 'x'.repeat(total - Buffer.byteLength('{"2001":""}'))]]);

describe('exceedsWriteLimits', () => {
  it('allows a change of exactly 200 KiB of JSON and refuses one byte more', () => {
    expect(MAX_CHANGES_BYTES).toBe(204_800);
    expect(exceedsWriteLimits(changeOfBytes(MAX_CHANGES_BYTES))).toBeUndefined();
    expect(exceedsWriteLimits(changeOfBytes(MAX_CHANGES_BYTES + 1))).toBe(
      'this update is too large to record as one change (over 200 KiB); change fewer long texts at once',
    );
  });

  it('counts bytes of UTF-8, not characters', () => {
    expect(exceedsWriteLimits([textChange(2001, 'é'.repeat(150_000))])).toMatch(/^this update is too large/);
    expect(exceedsWriteLimits([textChange(2001, 'x'.repeat(150_000))])).toBeUndefined();
  });

  it("limits how much a project's values take in all, to exactly 230 KiB", () => {
    expect(MAX_PROJECT_VALUES_BYTES).toBe(235_520);
    expect(exceedsWriteLimits([], valuesOfBytes(MAX_PROJECT_VALUES_BYTES))).toBeUndefined();
    expect(exceedsWriteLimits([], valuesOfBytes(MAX_PROJECT_VALUES_BYTES + 1))).toBe(
      "the project's values would take over 230 KiB in all; shorten some long texts",
    );
  });

  it('has no limit on how many fields one update changes', () => {
    const many = Array.from({ length: 60 }, (_, i) => textChange(2001 + i, 'v'));
    expect(exceedsWriteLimits(many, new Map(many.map((c) => [c.field.id, 'v'])))).toBeUndefined();
  });
});
