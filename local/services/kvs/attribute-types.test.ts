import { describe, expect, it } from 'vitest';
import { typeProblem } from './attribute-types';

describe('attribute types, at their documented bounds', () => {
  it.each([2_147_483_647, -2_147_483_648, 0, 42])('integer accepts %d', (value) => {
    expect(typeProblem('integer', value)).toBeUndefined();
  });

  it.each([2_147_483_648, -2_147_483_649])('integer refuses %d, outside 32 bits', (value) => {
    expect(typeProblem('integer', value)).toBe('must be a 32-bit signed integer (-2147483648 to 2147483647)');
  });

  it.each([1.5, '1', true, null])('integer refuses %j', (value) => {
    expect(typeProblem('integer', value)).toBe('must be an integer');
  });

  it.each([0, -0, 1e-130, -1e-130, 9.99999999999999e125, -9.99999999999999e125, 3.25, 2_147_483_648])('float accepts %d', (value) => {
    expect(typeProblem('float', value)).toBeUndefined();
  });

  it.each([9.9e-131, -9.9e-131, 1e126, -1e126, 5e-324])('float refuses %d, outside the documented magnitudes', (value) => {
    expect(typeProblem('float', value)).toBe('must be 0 or have a magnitude from 1E-130 to 9.9999999999999999999999999999999999999E+125');
  });

  it('float refuses what is not a number', () => {
    expect([typeProblem('float', '1.5'), typeProblem('float', Number.NaN), typeProblem('float', Infinity), typeProblem('float', -Infinity)]).toEqual(
      Array<string>(4).fill('must be a number'),
    );
  });

  it('string needs at least one non-whitespace character', () => {
    expect(typeProblem('string', 'a')).toBeUndefined();
    expect(typeProblem('string', ' a ')).toBeUndefined();
    expect(typeProblem('string', '')).toBe('must contain at least one non-whitespace character');
    expect(typeProblem('string', ' \t\n')).toBe('must contain at least one non-whitespace character');
    expect(typeProblem('string', 1)).toBe('must be a string');
  });

  it('boolean takes true and false only', () => {
    expect(typeProblem('boolean', true)).toBeUndefined();
    expect(typeProblem('boolean', false)).toBeUndefined();
    expect(typeProblem('boolean', 0)).toBe('must be true or false');
  });

  it('any takes every JSON value but null', () => {
    for (const value of ['', 0, 1.5, false, { a: 1 }, [1, 'x']]) expect(typeProblem('any', value)).toBeUndefined();
    expect([typeProblem('any', null), typeProblem('any', undefined)]).toEqual(['must not be null', 'must not be null']);
  });
});
