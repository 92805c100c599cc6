import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '../../../src/contract/fields';
import { fromDraft, sameDraft, sameRaw, toDraft } from './field-draft';

const field = (type: FieldDefinition['type']): FieldDefinition => ({ id: 1020, name: 'F', type });
const HOUR = 3_600_000;

describe('drafts and stored values', () => {
  it('turns what was typed into the stored value of each type, empty as no value', () => {
    expect(fromDraft(field('text'), '  spaced  ')).toEqual({ ok: true, raw: '  spaced  ' });
    expect(fromDraft(field('textarea'), '')).toEqual({ ok: true, raw: null });
    expect(fromDraft(field('number'), ' -1.5e3 ')).toEqual({ ok: true, raw: -1500 });
    expect(fromDraft(field('duration'), '1d 2h')).toEqual({ ok: true, raw: 10 * HOUR });
    expect(fromDraft(field('date'), '2026-03-01')).toEqual({ ok: true, raw: '2026-03-01' });
    expect(fromDraft(field('status'), '3')).toEqual({ ok: true, raw: 3 });
    expect(fromDraft(field('user'), '')).toEqual({ ok: true, raw: null });
    expect(fromDraft(field('multilist'), ['1', '2'])).toEqual({ ok: true, raw: [1, 2] });
    expect(fromDraft(field('multiuser'), [])).toEqual({ ok: true, raw: [] });
  });

  it('refuses what the app would refuse, with a reason, and never cuts a text to fit', () => {
    expect(fromDraft(field('number'), '0x10')).toMatchObject({ ok: false });
    expect(fromDraft(field('number'), 'Infinity')).toMatchObject({ ok: false });
    expect(fromDraft(field('duration'), '2 weeks')).toMatchObject({ ok: false });
    expect(fromDraft(field('text'), 'x'.repeat(256))).toEqual({
      ok: false,
      message: '1 character over the limit of 255: shorten the text to save it.',
    });
  });

  it('shows durations the way they are typed and compares multi values as sets', () => {
    expect(toDraft(field('duration'), 2 * 5 * 8 * HOUR + 3 * HOUR)).toBe('2w 3h');
    expect(toDraft(field('multiproject'), ['10001', '10000'])).toEqual(['10001', '10000']);
    expect(sameRaw([1, 2], [2, 1])).toBe(true);
    expect(sameRaw(null, [])).toBe(true);
    expect(sameDraft(['a'], ['a', 'b'])).toBe(false);
  });
});
