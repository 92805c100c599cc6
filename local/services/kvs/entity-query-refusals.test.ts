import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from './test-harness';

const ENTITIES = [
  {
    name: 'employee',
    attributes: {
      surname: { type: 'string' },
      age: { type: 'integer' },
      gender: { type: 'string' },
      active: { type: 'boolean' },
      notes: { type: 'any' },
    },
    indexes: ['surname', { name: 'by-age-per-gender', partition: ['gender'], range: ['age'] }, { name: 'by-active', range: ['active'] }],
  },
];
let h: Harness;
beforeEach(async () => {
  h = await openHarness({ entities: ENTITIES });
});
afterEach(() => h.close());

async function query(body: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
  const { response } = h.service.handle('/api/v1/entity/query', { entityName: 'employee', indexName: 'surname', ...body });
  return { status: response.status, body: await response.json() };
}
const filter = (property: string, condition: string, values: unknown[]) => ({ filters: { and: [{ property, condition, values }] } });

describe('custom entity index queries refuse what Forge refuses', () => {
  it('an index the entity does not declare', async () => {
    expect(await query({ indexName: 'by-salary' })).toEqual({
      status: 400,
      body: { code: 'INVALID_ENTITY_INDEX', message: 'The index "by-salary" is not declared for entity "employee"' },
    });
  });

  it('a limit outside 1–100', async () => {
    const refused = { status: 400, body: { code: 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE', message: 'The page limit must be set between 1 and 100' } };
    expect(await query({ limit: 0 })).toEqual(refused);
    expect(await query({ limit: 101 })).toEqual(refused);
    expect(await query({ limit: 1 })).toEqual({ status: 200, body: { data: [] } });
    expect(await query({ limit: 100 })).toEqual({ status: 200, body: { data: [] } });
  });

  it('partition values missing, extra, or of the wrong type', async () => {
    const index = { indexName: 'by-age-per-gender' };
    expect(await query(index)).toEqual({
      status: 400,
      body: {
        code: 'BAD_REQUEST',
        message: 'Provided request body is invalid: partition: the index "by-age-per-gender" takes 1 partition value(s) (gender), got 0',
      },
    });
    expect(await query({ partition: ['x'] })).toEqual({
      status: 400,
      body: { code: 'BAD_REQUEST', message: 'Provided request body is invalid: partition: the index "surname" takes no partition, got 1' },
    });
    expect(await query({ ...index, partition: [3] })).toEqual({
      status: 400,
      body: { code: 'BAD_REQUEST', message: 'Provided request body is invalid: partition[0]: "gender" is string and must be a string' },
    });
  });

  it('a range condition where does not take, the wrong number of values, or a value of another type', async () => {
    expect(await query({ range: { condition: 'CONTAINS', values: ['a'] } })).toMatchObject({
      status: 400,
      body: { code: 'INVALID_FILTER_CONDITION' },
    });
    expect(await query({ range: { condition: 'BETWEEN', values: ['a'] } })).toMatchObject({
      status: 400,
      body: { code: 'INSUFFICIENT_FILTER_VALUES' },
    });
    expect(await query({ range: { condition: 'EQUAL_TO', values: ['a', 'b'] } })).toMatchObject({
      status: 400,
      body: { code: 'INVALID_FILTER_VALUES' },
    });
    expect(await query({ range: { condition: 'GREATER_THAN', values: [10] } })).toEqual({
      status: 400,
      body: { code: 'INVALID_FILTER_VALUES', message: 'The GREATER_THAN value 10 for "surname" (string) must be a string' },
    });
    expect(await query({ indexName: 'by-key', range: { condition: 'BETWEEN', values: [10, 20] } })).toMatchObject({
      status: 400,
      body: { code: 'INVALID_FILTER_VALUES' },
    });
  });

  it('a condition the attribute type does not support: 422, as for type any', async () => {
    expect(await query({ indexName: 'by-active', range: { condition: 'GREATER_THAN', values: [true] } })).toEqual({
      status: 422,
      body: { code: 'INVALID_FILTER_CONDITION', message: 'The GREATER_THAN condition does not support "active", which is boolean' },
    });
    expect(await query(filter('age', 'CONTAINS', ['1']))).toMatchObject({ status: 422, body: { code: 'INVALID_FILTER_CONDITION' } });
    expect(await query(filter('notes', 'EXISTS', [true]))).toEqual({
      status: 422,
      body: { code: 'INVALID_FILTER_CONDITION', message: 'Attribute "notes" is of type any, which conditions cannot use' },
    });
    expect(await query({ indexName: 'by-active', range: { condition: 'EQUAL_TO', values: [true] } })).toEqual({ status: 200, body: { data: [] } });
  });

  it('a filter on an undeclared attribute, of another type, or with a bad shape', async () => {
    expect(await query(filter('salary', 'EXISTS', [true]))).toEqual({
      status: 400,
      body: { code: 'INVALID_ENTITY_ATTRIBUTE', message: 'Attribute "salary" is not declared for entity "employee"' },
    });
    expect(await query(filter('age', 'EQUAL_TO', ['30']))).toMatchObject({ status: 400, body: { code: 'INVALID_FILTER_VALUES' } });
    expect(await query(filter('age', 'EQUAL_TO', [2_147_483_648]))).toMatchObject({ status: 400, body: { code: 'INVALID_FILTER_VALUES' } });
    expect(await query({ filters: { and: [], or: [] } })).toMatchObject({ status: 400, body: { code: 'INVALID_FILTER_OPERATORS_COMBINATION' } });
    expect(await query({ filters: { and: [] } })).toMatchObject({ status: 400, body: { code: 'EMPTY_FILTER_OPERATOR' } });
    expect(await query(filter('age', 'MATCHES', [1]))).toMatchObject({ status: 400, body: { code: 'BAD_REQUEST' } });
  });

  it('more than 100 conditions, where and filters together', async () => {
    const conditions = (n: number) => Array.from({ length: n }, (_, i) => ({ property: 'age', condition: 'NOT_EQUAL_TO', values: [i] }));
    const range = { condition: 'BEGINS_WITH', values: ['S'] };
    expect(await query({ range, filters: { or: conditions(99) } })).toEqual({ status: 200, body: { data: [] } });
    expect(await query({ range, filters: { or: conditions(100) } })).toEqual({
      status: 400,
      body: { code: 'QUERY_CONDITIONS_LIMIT_EXCEEDED', message: 'A query can have at most 100 conditions, got 101' },
    });
  });

  it('a cursor the host did not issue, or one issued for another query', async () => {
    for (const surname of ['Adams', 'Baker', 'Clark']) await h.sdk.kvs.entity('employee').set(surname, { surname });
    expect(await query({ cursor: 'second-page' })).toEqual({
      status: 400,
      body: { code: 'BAD_REQUEST', message: 'Provided request body is invalid: cursor: not a cursor returned by this store' },
    });
    const { body } = await query({ limit: 1 });
    const cursor = (body as { cursor: string }).cursor;
    expect((await query({ limit: 1, cursor })).body).toMatchObject({ data: [{ key: 'Baker' }] });
    expect(await query({ limit: 1, cursor, sort: 'DESC' })).toEqual({
      status: 400,
      body: { code: 'BAD_REQUEST', message: 'Provided request body is invalid: cursor: the cursor belongs to a query with other parameters' },
    });
    const plain = h.service.handle('/api/v1/query', { after: cursor });
    expect(plain.response.status).toBe(400);
  });
});
