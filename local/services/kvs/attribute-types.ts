import type { AttributeType } from './entity-declarations';

/*
 * What each attribute type accepts, from the "Type requirements" table of /platform/forge/storage-reference/entities/
 * (docs/forge-platform.md, "KVS and custom entities"):
 *  - integer: a 32-bit signed integer, -2,147,483,648 to 2,147,483,647 inclusive;
 *  - float: 0, or a magnitude from 1E-130 to 9.9999999999999999999999999999999999999E+125 inclusive;
 *  - string: a UTF-8 string with at least one non-whitespace character;
 *  - boolean: true or false;
 *  - any: a string, integer, float, boolean, object or array (never null).
 */
export const INTEGER_MIN = -2_147_483_648;
export const INTEGER_MAX = 2_147_483_647;
export const FLOAT_MIN_MAGNITUDE = 1e-130;
/**
 * The documented upper bound has 38 significant digits; as a double it rounds to exactly 1e126, and every double
 * below 1e126 is also below the documented bound, so "below 1e126" is the same rule in binary.
 */
export const FLOAT_MAGNITUDE_CEILING = 1e126;

/** Returns why `value` is not a valid `type`, or undefined when it is. */
export function typeProblem(type: AttributeType, value: unknown): string | undefined {
  switch (type) {
    case 'string':
      if (typeof value !== 'string') return 'must be a string';
      return value.trim().length === 0 ? 'must contain at least one non-whitespace character' : undefined;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return 'must be an integer';
      return value < INTEGER_MIN || value > INTEGER_MAX ? `must be a 32-bit signed integer (${INTEGER_MIN} to ${INTEGER_MAX})` : undefined;
    case 'float':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
      return floatInRange(value) ? undefined : 'must be 0 or have a magnitude from 1E-130 to 9.9999999999999999999999999999999999999E+125';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'any':
      return value === null || value === undefined ? 'must not be null' : undefined;
  }
}

function floatInRange(value: number): boolean {
  const magnitude = Math.abs(value);
  return magnitude === 0 || (magnitude >= FLOAT_MIN_MAGNITUDE && magnitude < FLOAT_MAGNITUDE_CEILING);
}
