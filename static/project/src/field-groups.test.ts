import { describe, expect, it } from 'vitest';
import { FIELD_TYPES, type FieldDefinition } from '../../../src/contract/fields';
import { groupFields, pageOrder } from './field-groups';

const field = (id: number, type: FieldDefinition['type']): FieldDefinition => ({ id, name: `F${id}`, type });
const ids = (fields: readonly FieldDefinition[]) => fields.map((f) => f.id);

describe('groupFields', () => {
  it('puts each type in its section, sections in page order, fields in catalogue order', () => {
    const catalogue = [
      field(1, 'textarea'),
      field(2, 'user'),
      field(3, 'status'),
      field(4, 'date'),
      field(5, 'list'),
      field(6, 'number'),
      field(7, 'text'),
    ];
    expect(groupFields(catalogue).map((g) => [g.key, ids(g.fields)])).toEqual([
      ['progress', [3, 5]],
      ['schedule', [4]],
      ['people', [2]],
      ['details', [1, 6, 7]],
    ]);
    expect(ids(pageOrder(catalogue))).toEqual([3, 5, 4, 2, 1, 6, 7]);
  });

  it('leaves out empty sections and places every one of the 13 types somewhere', () => {
    expect(groupFields([field(1, 'multiproject')]).map((g) => g.title)).toEqual(['People and related projects']);
    const all = FIELD_TYPES.map((type, i) => field(i + 1, type));
    expect(pageOrder(all)).toHaveLength(FIELD_TYPES.length);
    expect(groupFields([])).toEqual([]);
  });
});
