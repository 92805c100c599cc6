import { expect } from 'vitest';
import type { Answer, CasePlan, Kit } from '../support/sdk-replay';
import { atFixtureTimes, expectAnswers, FIXTURE_EXPIRY, FOREIGN_CURSOR } from './fixtures';

/*
 * Cases of @forge/kvs out/__test__/index.test.js on kvs.query() and entity index queries. The entity cases query
 * `employees` by its `by-key` index (range = the key) or by `by-employmentyear`, and their canned answer is always
 * the item foo = { name: 'Jane Doe' }: which is stored first; where a case's condition cannot hold for that item,
 * the exception says so, and an item that does match is stored beside it to show what the host returns.
 */
const JANE = { name: 'Jane Doe' };
const seedJane = ({ kvs }: Kit) => kvs.entity('employees').set('foo', JANE);
const data = (items: unknown[]): Answer => ({ path: '/api/v1/entity/query', status: 200, body: { data: items } });
const refused = (code: string, message: string): Answer => ({ path: '/api/v1/entity/query', status: 400, body: { code, message } });
const cursorRefused = (path: string, field: string): Answer => ({
  path,
  status: 400,
  body: { code: 'BAD_REQUEST', message: `Provided request body is invalid: ${field}: not a cursor returned by this store` },
});

/** A number compared with a string attribute (the key, or name): the host never guesses such an ordering. */
function typeMismatch(condition: string, property: 'key' | 'name', values: number[]): CasePlan {
  return {
    seed: seedJane,
    exception:
      `The fixture compares ${property}, a string, with ${values.join(' and ')}: the where and filter tables give each ` +
      'condition the attribute types it takes and Forge enforces types strictly; the host refuses a value of another type ' +
      '(400 INVALID_FILTER_VALUES, the host’s choice: Forge names no code) rather than order numbers among strings.',
    then: (o) =>
      expectAnswers(o, [refused('INVALID_FILTER_VALUES', `The ${condition} value ${values[0]} for "${property}" (string) must be a string`)]),
  };
}

/** A filter no item with the fixture's value can meet: a matching item is stored beside it, and only it comes back. */
function unmet(filter: string, matching: Record<string, unknown>): CasePlan {
  return {
    seed: async (kit) => {
      await seedJane(kit);
      await kit.kvs.entity('employees').set('fop', matching);
    },
    exception: `The fixture's item { name: 'Jane Doe' } does not meet ${filter}: no item can both match and hold the value the case expects.`,
    then: (o) => expectAnswers(o, [data([{ key: 'fop', value: matching }])]),
  };
}

const where = (name: string) => `KVS › should test ${name} all where conditions`;
const filter = (name: string) => `KVS › should test ${name} all filter conditions`;

export const QUERY_PLAN: Record<string, CasePlan> = {
  'KVS › should query correctly': { exception: FOREIGN_CURSOR, then: (o) => expectAnswers(o, [cursorRefused('/api/v1/query', 'after')]) },
  'KVS › should query correctly with TTL fields': {
    exception: FOREIGN_CURSOR,
    then: (o) => expectAnswers(o, [cursorRefused('/api/v1/query', 'after')]),
  },
  'KVS › should getOne out of a list of results': {
    seed: async ({ kvs }) => {
      await kvs.set('foo', 'bar');
      await kvs.set('bar', 'foo');
    },
    exception:
      'The fixture answers [foo, bar]; Forge documents that keys are lexicographically ordered and that queries return ' +
      'items in key order (/platform/forge/storage-reference/entities/, "Key ordering"), so a query of one item returns bar.',
    then: (o) => {
      expect(o.answers).toEqual([{ path: '/api/v1/query', status: 200, body: { data: [{ key: 'bar', value: 'foo' }], cursor: expect.any(String) } }]);
    },
  },
  'KVS › should default to undefined when getOne receives an empty list': {},
  'KVS › should query entity correctly and pass partition with index and metadata fields': {
    seed: (kit) => atFixtureTimes(kit, (ttl) => kit.kvs.entity('employees').set('foo', { ...JANE, employmentyear: 2000 }, { ttl })),
    exception:
      'The index by-employmentyear is partitioned on employmentyear, so it lists only items whose employmentyear is 2000: the ' +
      "item holds employmentyear: 2000, which the fixture’s value { name: 'Jane Doe' } lacks.",
    then: (o) => expectAnswers(o, [data([{ key: 'foo', value: { ...JANE, employmentyear: 2000 }, expireTime: FIXTURE_EXPIRY }])]),
  },
  'KVS › should query entity correctly (without any filters)': {
    seed: seedJane,
    exception: FOREIGN_CURSOR,
    then: (o) => expectAnswers(o, [cursorRefused('/api/v1/entity/query', 'cursor')]),
  },
  'KVS › should query entity correctly (with "or" filters)': unmet('age > 30 or age < 35 (it has no age)', { name: 'Jim Fop', age: 33 }),
  'KVS › should query entity correctly (with "and" filters)': unmet('age > 30 and employmentyear < 2000 (it has neither)', {
    name: 'Jim Fop',
    age: 40,
    employmentyear: 1999,
  }),
  'KVS › should getOne entity out of a list': {
    seed: async ({ kvs }) => {
      await kvs.entity('employees').set('foo', { name: 'Jane Foo' });
      await kvs.entity('employees').set('bar', { name: 'Jane Bar' });
    },
  },
  'KVS › should default to undefined when getOne entity receives an empty list': {},
  [where('between')]: typeMismatch('BETWEEN', 'key', [10, 20]),
  [where('beginsWith')]: { seed: seedJane },
  [where('equalTo')]: { seed: seedJane },
  [where('greaterThan')]: typeMismatch('GREATER_THAN', 'key', [10]),
  [where('greaterThanEqualTo')]: typeMismatch('GREATER_THAN_EQUAL_TO', 'key', [10]),
  [where('lessThan')]: typeMismatch('LESS_THAN', 'key', [10]),
  [where('lessThanEqualTo')]: typeMismatch('LESS_THAN_EQUAL_TO', 'key', [10]),
  [filter('between')]: typeMismatch('BETWEEN', 'name', [10, 20]),
  [filter('beginsWith')]: unmet("name beginsWith 'foo'", { name: 'foo fighter' }),
  [filter('exists')]: { seed: seedJane },
  [filter('notExists')]: unmet('notExists(name)', { age: 30 }),
  [filter('greaterThan')]: typeMismatch('GREATER_THAN', 'name', [10]),
  [filter('greaterThanEqualTo')]: typeMismatch('GREATER_THAN_EQUAL_TO', 'name', [10]),
  [filter('lessThan')]: typeMismatch('LESS_THAN', 'name', [10]),
  [filter('lessThanEqualTo')]: typeMismatch('LESS_THAN_EQUAL_TO', 'name', [10]),
  [filter('contains')]: unmet("name contains 'foo'", { name: 'a foo b' }),
  [filter('notContains')]: { seed: seedJane },
  [filter('equalTo')]: unmet("name equalTo 'foo'", { name: 'foo' }),
  [filter('notEqualTo')]: { seed: seedJane },
};
