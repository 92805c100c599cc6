import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '../../../src/contract/fields';
import { isEmpty, plainValue } from './display-value';

const field = (type: FieldDefinition['type']): FieldDefinition => ({ id: 1020, name: 'F', type });

describe('plainValue', () => {
  it('writes each plain type the way the page shows it', () => {
    expect(plainValue(field('date'), '2026-03-01')).toBe('1 Mar 2026');
    expect(plainValue(field('duration'), 3 * 8 * 3_600_000 + 1_800_000)).toBe('3d 30m');
    expect(plainValue(field('number'), 1250000.5)).toBe('1,250,000.5');
    expect(plainValue(field('text'), 'Blue *bird*')).toBe('Blue *bird*');
    expect(plainValue(field('date'), 'not a date')).toBe('not a date');
  });

  it('counts null, missing and an empty list as empty, nothing else', () => {
    expect([null, undefined, [], '', 0, ['a']].map((raw) => isEmpty(raw))).toEqual([true, true, true, false, false, false]);
  });
});
