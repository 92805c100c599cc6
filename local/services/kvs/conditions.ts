import { compareValues } from './value-order';
import type { Condition, Conditions } from './schemas';

/*
 * Evaluates filter and transaction conditions against an item's attributes (their shape and types are checked
 * first, in condition-rules.ts). Semantics follow the DynamoDB-style rules Forge's filters read as: a missing
 * attribute (or a missing item) satisfies only NOT_EXISTS, NOT_EQUAL_TO and NOT_CONTAINS; comparisons need
 * matching types; strings compare by their UTF-8 bytes, the order the store keeps keys and index values in.
 */

/** `value` is the stored item's parsed value, or undefined when no live item exists. */
export function conditionsHold(conditions: Conditions, value: unknown): boolean {
  if (conditions.and !== undefined) return conditions.and.every((c) => holds(c, lookup(value, c.property)));
  return (conditions.or ?? []).some((c) => holds(c, lookup(value, c.property)));
}

type Attribute = { found: false } | { found: true; value: unknown };

/** Conditions name declared attributes, which are top-level properties of the value. */
function lookup(value: unknown, property: string): Attribute {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, property)) return { found: false };
  return { found: true, value: (value as Record<string, unknown>)[property] };
}

function holds(condition: Condition, attribute: Attribute): boolean {
  const [first, second] = condition.values;
  switch (condition.condition) {
    case 'EXISTS':
      return attribute.found;
    case 'NOT_EXISTS':
      return !attribute.found;
    case 'NOT_EQUAL_TO':
      return !attribute.found || attribute.value !== first;
    case 'NOT_CONTAINS':
      return !attribute.found || !contains(attribute.value, first);
    default:
      return attribute.found && compare(condition.condition, attribute.value, first, second);
  }
}

function compare(name: Condition['condition'], actual: unknown, first: unknown, second: unknown): boolean {
  switch (name) {
    case 'EQUAL_TO':
      return actual === first;
    case 'CONTAINS':
      return contains(actual, first);
    case 'BEGINS_WITH':
      return typeof actual === 'string' && typeof first === 'string' && actual.startsWith(first);
    case 'GREATER_THAN':
      return ordered(actual, first, (sign) => sign > 0);
    case 'GREATER_THAN_EQUAL_TO':
      return ordered(actual, first, (sign) => sign >= 0);
    case 'LESS_THAN':
      return ordered(actual, first, (sign) => sign < 0);
    case 'LESS_THAN_EQUAL_TO':
      return ordered(actual, first, (sign) => sign <= 0);
    case 'BETWEEN':
      return ordered(actual, first, (sign) => sign >= 0) && ordered(actual, second, (sign) => sign <= 0);
    default:
      return false;
  }
}

/** CONTAINS applies to string attributes only (the condition table of entities-api-query). */
function contains(actual: unknown, needle: unknown): boolean {
  return typeof actual === 'string' && typeof needle === 'string' && actual.includes(needle);
}

/** Values of different types are unordered and match nothing. */
function ordered(a: unknown, b: unknown, test: (sign: number) => boolean): boolean {
  const sign = compareValues(a, b);
  return sign !== undefined && test(sign);
}
