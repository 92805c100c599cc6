import { describe, expect, it } from 'vitest';
import { makeField } from '../../../test/support/factories';
import { diffValues, sameValue, snapshotOf } from './diff';

const status = makeField('status', { id: 1001, name: 'Status' });
const tags = makeField('multilist', { id: 1014, name: 'Tags' });
const budget = makeField('number', { id: 1012, name: 'Budget' });
const fields = new Map([status, tags, budget].map((f) => [f.id, f]));

describe('diffValues', () => {
  it('reports only fields whose value differs, with previous and current and the options they name', () => {
    const stored = new Map<number, number | number[]>([
      [1001, 1],
      [1012, 25],
    ]);
    const changes = diffValues(
      fields,
      stored,
      new Map<number, number | number[] | null>([
        [1001, 2],
        [1012, 25],
        [1014, [2]],
      ]),
    );
    expect(changes).toEqual([
      {
        field: {
          id: 1001,
          name: 'Status',
          type: 'status',
          options: [
            { id: 1, name: 'Alpha' },
            { id: 2, name: 'Beta' },
          ],
        },
        previous: 1,
        current: 2,
      },
      { field: { id: 1014, name: 'Tags', type: 'multilist', options: [{ id: 2, name: 'Beta' }] }, previous: null, current: [2] },
    ]);
  });

  it('finds nothing to change when values are the same, a list is only reordered, or an empty value is cleared', () => {
    const stored = new Map<number, number | number[]>([
      [1001, 1],
      [1014, [1, 2]],
    ]);
    expect(
      diffValues(
        fields,
        stored,
        new Map<number, number | number[] | null>([
          [1001, 1],
          [1014, [2, 1]],
          [1012, null],
        ]),
      ),
    ).toEqual([]);
  });

  it('records a clear as current null, lists included', () => {
    const changes = diffValues(fields, new Map([[1014, [1]]]), new Map([[1014, []]]));
    expect(changes.map((c) => [c.previous, c.current])).toEqual([[[1], null]]);
  });

  it('compares lists as sets and scalars strictly', () => {
    expect(sameValue([1, 2], [2, 1])).toBe(true);
    expect(sameValue([1, 2], [1])).toBe(false);
    expect(sameValue('10', 10)).toBe(false);
    expect(sameValue(null, [])).toBe(true);
  });

  it('sees a change when a list keeps its size but not its items, or gains or loses one', () => {
    expect(sameValue([1, 2], [1, 3])).toBe(false);
    expect(sameValue(['a', 'b'], ['b', 'c'])).toBe(false);
    expect(sameValue([1], [1, 2])).toBe(false);
    expect(sameValue([1, 1, 2], [2, 1])).toBe(true);
  });

  it('never takes a list for the scalar it holds', () => {
    expect(sameValue([1], 1)).toBe(false);
    expect(sameValue('a', ['a'])).toBe(false);
  });

  it('treats every kind of empty alike, and empty unlike any value', () => {
    expect(sameValue(undefined, null)).toBe(true);
    expect(sameValue(undefined, [])).toBe(true);
    expect(sameValue(undefined, 'a')).toBe(false);
    expect(sameValue([], 0)).toBe(false);
    expect(sameValue(null, '')).toBe(false);
  });

  it('lists a change to a set of the same size', () => {
    const changes = diffValues(fields, new Map([[1014, [1, 2]]]), new Map([[1014, [1, 3]]]));
    expect(changes).toEqual([
      {
        field: {
          id: 1014,
          name: 'Tags',
          type: 'multilist',
          options: [
            { id: 1, name: 'Alpha' },
            { id: 2, name: 'Beta' },
            { id: 3, name: 'Retired' },
          ],
        },
        previous: [1, 2],
        current: [1, 3],
      },
    ]);
  });

  it('refuses a field that is not in the catalogue, naming it', () => {
    expect(() => diffValues(fields, new Map(), new Map([[4242, 'x']]))).toThrow(new Error('diffValues: field 4242 is not in the catalogue'));
  });
});

describe('snapshotOf', () => {
  it('keeps the field as it is now, with only the options the values name', () => {
    expect(snapshotOf(status, [null, 2])).toEqual({ id: 1001, name: 'Status', type: 'status', options: [{ id: 2, name: 'Beta' }] });
    expect(snapshotOf(tags, [[3, 1], null])).toEqual({
      id: 1014,
      name: 'Tags',
      type: 'multilist',
      options: [
        { id: 1, name: 'Alpha' },
        { id: 3, name: 'Retired' },
      ],
    });
    expect(snapshotOf(status, [null, null])).toEqual({ id: 1001, name: 'Status', type: 'status', options: [] });
    expect(snapshotOf(budget, [1, 2])).toEqual({ id: 1012, name: 'Budget', type: 'number' });
  });
});
