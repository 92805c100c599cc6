import { KvsError } from './errors';
import type { Condition, Conditions } from './schemas';

/*
 * Transaction conditions, evaluated against the stored item's attributes. Shape errors use the codes of
 * Forge's Custom Entity Store error table (EMPTY_FILTER_OPERATOR, INVALID_FILTER_OPERATORS_COMBINATION,
 * INSUFFICIENT_FILTER_VALUES) and INVALID_FILTER_VALUES from the KVS table.
 * Semantics follow the DynamoDB-style rules Forge's filters read as: a missing attribute (or a missing
 * item) satisfies only NOT_EXISTS, NOT_EQUAL_TO and NOT_CONTAINS; comparisons need matching types.
 */
export function checkConditionsShape(conditions: Conditions): void {
  const { and, or } = conditions;
  if (and !== undefined && or !== undefined) {
    throw new KvsError(400, 'INVALID_FILTER_OPERATORS_COMBINATION', 'Filter operators "and" and "or" cannot be present at the same level');
  }
  const list = and ?? or ?? [];
  if (list.length === 0) throw new KvsError(400, 'EMPTY_FILTER_OPERATOR', 'Filter operators "and" and "or" cannot be empty');
  for (const condition of list) {
    const needed = condition.condition === 'BETWEEN' ? 2 : 1;
    if (condition.values.length === needed) continue;
    if (needed === 2) throw new KvsError(400, 'INSUFFICIENT_FILTER_VALUES', 'The BETWEEN condition needs two values');
    throw new KvsError(400, 'INVALID_FILTER_VALUES', `The ${condition.condition} condition takes exactly one value`);
  }
}

/** `value` is the stored item's parsed value, or undefined when no live item exists. */
export function conditionsHold(conditions: Conditions, value: unknown): boolean {
  if (conditions.and !== undefined) return conditions.and.every((c) => holds(c, lookup(value, c.property)));
  return (conditions.or ?? []).some((c) => holds(c, lookup(value, c.property)));
}

type Attribute = { found: false } | { found: true; value: unknown };

/** Dotted names reach into nested objects ('address.city'). */
function lookup(value: unknown, property: string): Attribute {
  let current: unknown = value;
  for (const part of property.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current) || !Object.hasOwn(current, part)) {
      return { found: false };
    }
    current = (current as Record<string, unknown>)[part];
  }
  return { found: true, value: current };
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

function contains(actual: unknown, needle: unknown): boolean {
  if (typeof actual === 'string') return typeof needle === 'string' && actual.includes(needle);
  return Array.isArray(actual) && actual.includes(needle);
}

/** Compares two numbers or two strings; values of different types are unordered and match nothing. */
function ordered(a: unknown, b: unknown, test: (sign: number) => boolean): boolean {
  if (typeof a === 'number' && typeof b === 'number') return test(Math.sign(a - b));
  if (typeof a === 'string' && typeof b === 'string') return test(a < b ? -1 : a > b ? 1 : 0);
  return false;
}
