import { typeProblem } from './attribute-types';
import type { EntityDef, IndexableType, IndexDef } from './entity-declarations';
import { KvsError } from './errors';
import type { Condition, ConditionName, Conditions } from './schemas';

/*
 * What a condition may say, before it is evaluated: filters of an index query, the range condition of one, and the
 * conditions of a transaction ("the same as filters for custom entity querying"). Sources, in
 * docs/forge-platform.md, "KVS and custom entities": the condition tables of /platform/forge/storage-reference/entities-api-query/
 * and the codes of handling-errors-customentities (EMPTY_FILTER_OPERATOR, INVALID_FILTER_OPERATORS_COMBINATION,
 * INSUFFICIENT_FILTER_VALUES) and handling-errors-kvs (INVALID_FILTER_CONDITION, INVALID_FILTER_VALUES).
 * Documented: a condition on an attribute of type `any` is a 422. Not documented, and the host's choice: the same
 * 422 INVALID_FILTER_CONDITION for a condition the attribute's type does not support (contains on an integer),
 * 400 INVALID_ENTITY_ATTRIBUTE for an attribute the entity does not declare, and 400 INVALID_FILTER_VALUES for a
 * value that is not of the attribute's type (a number against a string) — the host never guesses an ordering.
 */
const COMPARABLE: readonly IndexableType[] = ['string', 'integer', 'float'];
const EQUATABLE: readonly IndexableType[] = ['string', 'integer', 'float', 'boolean'];
const SUPPORTED_TYPES: Record<ConditionName, readonly IndexableType[]> = {
  BEGINS_WITH: ['string'],
  BETWEEN: COMPARABLE,
  EQUAL_TO: EQUATABLE,
  NOT_EQUAL_TO: EQUATABLE,
  GREATER_THAN: COMPARABLE,
  GREATER_THAN_EQUAL_TO: COMPARABLE,
  LESS_THAN: COMPARABLE,
  LESS_THAN_EQUAL_TO: COMPARABLE,
  EXISTS: EQUATABLE,
  NOT_EXISTS: EQUATABLE,
  CONTAINS: ['string'],
  NOT_CONTAINS: ['string'],
};
/** `where` takes only these (WhereConditions of @forge/kvs). */
export const RANGE_CONDITIONS: readonly ConditionName[] = [
  'BEGINS_WITH',
  'BETWEEN',
  'EQUAL_TO',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
];
/** "each complex query can only have a maximum of 100 conditions" (limits-kvs-ce); the code is the host's. */
export const MAX_QUERY_CONDITIONS = 100;

/** The and/or list of a filter or transaction condition, once its shape is right. */
export function conditionList(conditions: Conditions): Condition[] {
  const { and, or } = conditions;
  if (and !== undefined && or !== undefined) {
    throw new KvsError(400, 'INVALID_FILTER_OPERATORS_COMBINATION', 'Filter operators "and" and "or" cannot be present at the same level');
  }
  const list = and ?? or ?? [];
  if (list.length === 0) throw new KvsError(400, 'EMPTY_FILTER_OPERATOR', 'Filter operators "and" and "or" cannot be empty');
  for (const condition of list) checkValueCount(condition.condition, condition.values);
  return list;
}

/** Checks every condition against the entity's declared attributes and their types. */
export function checkConditions(entity: EntityDef, conditions: Conditions): void {
  for (const condition of conditionList(conditions)) {
    const type = entity.attributes.get(condition.property);
    if (type === undefined) {
      throw new KvsError(400, 'INVALID_ENTITY_ATTRIBUTE', `Attribute "${condition.property}" is not declared for entity "${entity.name}"`);
    }
    if (type === 'any') {
      throw new KvsError(422, 'INVALID_FILTER_CONDITION', `Attribute "${condition.property}" is of type any, which conditions cannot use`);
    }
    checkTyped(condition.condition, condition.property, type, condition.values);
  }
}

/** The range condition of an index query applies to the index's range attribute (the key for `by-key`). */
export function checkRange(index: IndexDef, range: { condition: string; values: unknown[] }): ConditionName {
  const name = RANGE_CONDITIONS.find((known) => known === range.condition);
  if (name === undefined) {
    throw new KvsError(
      400,
      'INVALID_FILTER_CONDITION',
      `The condition "${range.condition}" is not supported by where; use one of ${RANGE_CONDITIONS.join(', ')}`,
    );
  }
  checkValueCount(name, range.values);
  const [property, type]: [string, IndexableType] = index.range === 'key' ? ['key', 'string'] : [index.range.name, index.range.type];
  checkTyped(name, property, type, range.values);
  return name;
}

function checkValueCount(name: ConditionName, values: unknown[]): void {
  const needed = name === 'BETWEEN' ? 2 : 1;
  if (values.length === needed) return;
  if (needed === 2) throw new KvsError(400, 'INSUFFICIENT_FILTER_VALUES', 'The BETWEEN condition needs two values');
  throw new KvsError(400, 'INVALID_FILTER_VALUES', `The ${name} condition takes exactly one value`);
}

function checkTyped(name: ConditionName, property: string, type: IndexableType, values: unknown[]): void {
  if (!SUPPORTED_TYPES[name].includes(type)) {
    throw new KvsError(422, 'INVALID_FILTER_CONDITION', `The ${name} condition does not support "${property}", which is ${type}`);
  }
  if (name === 'EXISTS' || name === 'NOT_EXISTS') return;
  for (const value of values) {
    const problem = typeProblem(type, value);
    if (problem !== undefined) {
      throw new KvsError(400, 'INVALID_FILTER_VALUES', `The ${name} value ${JSON.stringify(value)} for "${property}" (${type}) ${problem}`);
    }
  }
}
