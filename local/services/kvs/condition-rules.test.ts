import { describe, expect, it } from 'vitest';
import { checkConditions, checkRange } from './condition-rules';
import { readEntityDeclarations } from './entity-declarations';
import { KvsError } from './errors';
import type { ConditionName } from './schemas';

const entity = readEntityDeclarations([
  {
    name: 'sample',
    attributes: { sss: { type: 'string' }, iii: { type: 'integer' }, fff: { type: 'float' }, bbb: { type: 'boolean' }, aaa: { type: 'any' } },
    indexes: ['sss', 'iii', 'fff', 'bbb'],
  },
]).get('sample')!;
const SAMPLE: Record<string, unknown> = { sss: 'x', iii: 1, fff: 1.5, bbb: true };
const valuesFor = (condition: ConditionName, attribute: string) =>
  condition === 'BETWEEN' ? [SAMPLE[attribute], SAMPLE[attribute]] : [SAMPLE[attribute]];
const answer = (check: () => unknown) => {
  try {
    check();
    return 'ok';
  } catch (error) {
    return error instanceof KvsError ? `${error.status} ${error.code}` : 'thrown';
  }
};

/** The condition tables of /platform/forge/storage-reference/entities-api-query/: which types each condition takes. */
const FILTER_TABLE: Record<ConditionName, string> = {
  BEGINS_WITH: 's',
  BETWEEN: 'sif',
  EQUAL_TO: 'sifb',
  NOT_EQUAL_TO: 'sifb',
  GREATER_THAN: 'sif',
  LESS_THAN: 'sif',
  GREATER_THAN_EQUAL_TO: 'sif',
  LESS_THAN_EQUAL_TO: 'sif',
  EXISTS: 'sifb',
  NOT_EXISTS: 'sifb',
  CONTAINS: 's',
  NOT_CONTAINS: 's',
};
const WHERE = ['BEGINS_WITH', 'BETWEEN', 'EQUAL_TO', 'GREATER_THAN', 'GREATER_THAN_EQUAL_TO', 'LESS_THAN', 'LESS_THAN_EQUAL_TO'];

describe('which conditions each attribute type takes', () => {
  for (const [condition, types] of Object.entries(FILTER_TABLE) as [ConditionName, string][]) {
    it(`filters: ${condition} takes ${types}, a 422 for the others and for any`, () => {
      const answers = ['sss', 'iii', 'fff', 'bbb', 'aaa'].map((attribute) =>
        answer(() => checkConditions(entity, { and: [{ property: attribute, condition, values: valuesFor(condition, attribute) }] })),
      );
      expect(answers).toEqual(['s', 'i', 'f', 'b', 'a'].map((t) => (types.includes(t) ? 'ok' : '422 INVALID_FILTER_CONDITION')));
    });

    it(`where: ${condition} ${WHERE.includes(condition) ? `takes ${types}` : 'is refused'}`, () => {
      const answers = ['sss', 'iii', 'fff', 'bbb'].map((attribute) =>
        answer(() => checkRange(entity.indexes.get(attribute)!, { condition, values: valuesFor(condition, attribute) })),
      );
      const expected = ['s', 'i', 'f', 'b'].map((t) =>
        !WHERE.includes(condition) ? '400 INVALID_FILTER_CONDITION' : types.includes(t) ? 'ok' : '422 INVALID_FILTER_CONDITION',
      );
      expect(answers).toEqual(expected);
    });
  }

  it('takes the key as a string range for by-key', () => {
    const byKey = entity.indexes.get('by-key')!;
    expect(answer(() => checkRange(byKey, { condition: 'BEGINS_WITH', values: ['k'] }))).toBe('ok');
    expect(answer(() => checkRange(byKey, { condition: 'EQUAL_TO', values: [1] }))).toBe('400 INVALID_FILTER_VALUES');
  });

  it('does not check the values of EXISTS and NOT_EXISTS, only their count', () => {
    expect(answer(() => checkConditions(entity, { and: [{ property: 'iii', condition: 'EXISTS', values: ['anything'] }] }))).toBe('ok');
    expect(answer(() => checkConditions(entity, { and: [{ property: 'iii', condition: 'EXISTS', values: [] }] }))).toBe('400 INVALID_FILTER_VALUES');
  });

  it('checks each value of BETWEEN', () => {
    expect(answer(() => checkConditions(entity, { or: [{ property: 'iii', condition: 'BETWEEN', values: [1, 'x'] }] }))).toBe(
      '400 INVALID_FILTER_VALUES',
    );
    expect(answer(() => checkConditions(entity, { or: [{ property: 'iii', condition: 'BETWEEN', values: [1, 2, 3] }] }))).toBe(
      '400 INSUFFICIENT_FILTER_VALUES',
    );
  });
});
