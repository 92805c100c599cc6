import { describe, expect, it } from 'vitest';
import { conditionsHold } from './conditions';
import type { ConditionName } from './schemas';
import { compareValues } from './value-order';

const item = { name: 'Davis', age: 30, score: 2.5, active: false };
const holds = (condition: ConditionName, property: string, values: unknown[], value: unknown = item) =>
  conditionsHold({ and: [{ property, condition, values }] }, value);

describe('evaluating conditions against an item', () => {
  it.each([
    ['EQUAL_TO', 'age', [30], true],
    ['EQUAL_TO', 'age', [31], false],
    ['EQUAL_TO', 'active', [false], true],
    ['NOT_EQUAL_TO', 'age', [30], false],
    ['NOT_EQUAL_TO', 'age', [31], true],
    ['GREATER_THAN', 'age', [29], true],
    ['GREATER_THAN', 'age', [30], false],
    ['GREATER_THAN_EQUAL_TO', 'age', [30], true],
    ['GREATER_THAN_EQUAL_TO', 'age', [31], false],
    ['LESS_THAN', 'age', [31], true],
    ['LESS_THAN', 'age', [30], false],
    ['LESS_THAN_EQUAL_TO', 'age', [30], true],
    ['LESS_THAN_EQUAL_TO', 'age', [29], false],
    ['BETWEEN', 'age', [30, 40], true],
    ['BETWEEN', 'age', [20, 30], true],
    ['BETWEEN', 'age', [31, 40], false],
    ['BETWEEN', 'age', [20, 29], false],
    ['BETWEEN', 'score', [2.5, 2.5], true],
    ['BEGINS_WITH', 'name', ['Da'], true],
    ['BEGINS_WITH', 'name', ['av'], false],
    ['BEGINS_WITH', 'name', ['Ab'], false],
    ['BEGINS_WITH', 'name', [''], true],
    ['CONTAINS', 'name', ['avi'], true],
    ['CONTAINS', 'name', ['x'], false],
    ['NOT_CONTAINS', 'name', ['x'], true],
    ['NOT_CONTAINS', 'name', ['avi'], false],
    ['EXISTS', 'name', [true], true],
    ['NOT_EXISTS', 'name', [true], false],
  ] as const)('%s on %s %j is %s', (condition, property, values, expected) => {
    expect(holds(condition, property, [...values])).toBe(expected);
  });

  it('lets a missing attribute meet only NOT_EXISTS, NOT_EQUAL_TO and NOT_CONTAINS', () => {
    const met = (['EXISTS', 'NOT_EXISTS', 'EQUAL_TO', 'NOT_EQUAL_TO', 'CONTAINS', 'NOT_CONTAINS', 'GREATER_THAN', 'BEGINS_WITH'] as const).filter(
      (condition) => holds(condition, 'salary', ['x']),
    );
    expect(met).toEqual(['NOT_EXISTS', 'NOT_EQUAL_TO', 'NOT_CONTAINS']);
    // No item at all (a transaction condition on a key that does not exist).
    expect(conditionsHold({ and: [{ property: 'age', condition: 'NOT_EXISTS', values: [true] }] }, undefined)).toBe(true);
    expect(conditionsHold({ and: [{ property: 'age', condition: 'EXISTS', values: [true] }] }, undefined)).toBe(false);
  });

  it('matches nothing across types', () => {
    expect(holds('GREATER_THAN', 'name', [1])).toBe(false);
    expect(holds('LESS_THAN', 'name', [1])).toBe(false);
    expect(holds('EQUAL_TO', 'age', ['30'])).toBe(false);
    expect(holds('CONTAINS', 'age', ['3'])).toBe(false);
    expect(holds('BEGINS_WITH', 'age', ['3'])).toBe(false);
    // Not even where JavaScript would turn the number into text.
    expect(holds('BEGINS_WITH', 'name', [1], { name: '1x' })).toBe(false);
    expect(holds('CONTAINS', 'name', [1], { name: 'a1' })).toBe(false);
    expect(holds('NOT_CONTAINS', 'name', [1], { name: 'a1' })).toBe(true);
  });

  it('needs every and-condition, and any or-condition', () => {
    const age = (condition: ConditionName, value: number) => ({ property: 'age', condition, values: [value] });
    expect(conditionsHold({ and: [age('GREATER_THAN', 20), age('LESS_THAN', 40)] }, item)).toBe(true);
    expect(conditionsHold({ and: [age('GREATER_THAN', 20), age('LESS_THAN', 25)] }, item)).toBe(false);
    expect(conditionsHold({ or: [age('GREATER_THAN', 40), age('LESS_THAN', 35)] }, item)).toBe(true);
    expect(conditionsHold({ or: [age('GREATER_THAN', 40), age('LESS_THAN', 25)] }, item)).toBe(false);
  });

  it('reads only the value’s own top-level attributes', () => {
    expect(holds('EXISTS', 'toString', [true])).toBe(false);
    expect(holds('EXISTS', 'length', [true], ['a'])).toBe(false);
    expect(holds('EXISTS', 'age', [true], null)).toBe(false);
  });
});

describe('the order of values', () => {
  it('orders numbers, booleans and strings (by UTF-8 bytes), and not across types', () => {
    expect([compareValues(1, 2), compareValues(2, 2), compareValues(3, 2)]).toEqual([-1, 0, 1]);
    expect([compareValues(false, true), compareValues(true, true), compareValues(true, false)]).toEqual([-1, 0, 1]);
    expect([compareValues('a', 'b'), compareValues('b', 'b'), compareValues('b', 'a')]).toEqual([-1, 0, 1]);
    // U+FF5E sorts after U+1F600 in UTF-16 code units (a surrogate pair), before it in UTF-8 bytes.
    expect(compareValues('\u{ff5e}', '\u{1f600}')).toBe(-1);
    expect(compareValues('Z', 'a')).toBe(-1);
    expect([
      compareValues(1, '1'),
      compareValues('1', 1),
      compareValues(true, 1),
      compareValues(1, true),
      compareValues('a', true),
      compareValues(false, 'a'),
    ]).toEqual(Array<undefined>(6).fill(undefined));
  });
});
