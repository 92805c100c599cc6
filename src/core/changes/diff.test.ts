import { describe, expect, it } from 'vitest';
import { makeField } from '../../../test/support/factories';
import { diffValues, sameValue } from './diff';

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
});
