import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from './test-harness';

const ENTITIES = [
  {
    name: 'employee',
    attributes: { surname: { type: 'string' }, age: { type: 'integer' }, gender: { type: 'string' }, dept: { type: 'string' } },
    indexes: ['surname', { name: 'by-age-per-team', partition: ['gender', 'dept'], range: ['age'] }],
  },
];
let h: Harness;
beforeEach(async () => {
  h = await openHarness({ entities: ENTITIES });
});
afterEach(() => h.close());

type Page = { data?: { key: string }[]; cursor?: string; code?: string; message?: string };
async function query(body: Record<string, unknown>): Promise<Page> {
  const { response } = h.service.handle('/api/v1/entity/query', { entityName: 'employee', indexName: 'surname', ...body });
  return (await response.json()) as Page;
}
const refusal = (code: string, message: string) => ({ code, message });
const ages = (n: number) => Array.from({ length: n }, (_, i) => ({ property: 'age', condition: 'NOT_EQUAL_TO', values: [i] }));
const range = { condition: 'BEGINS_WITH', values: ['S'] };

describe('custom entity index queries', () => {
  it('give a cursor only when more items follow the page', async () => {
    for (const surname of ['Adams', 'Baker', 'Clark'])
      h.service.handle('/api/v1/entity/set', { entityName: 'employee', key: surname, value: { surname } });
    const first = await query({ limit: 2 });
    expect([first.cursor === undefined, await query({ limit: 2, cursor: first.cursor }), await query({ limit: 3 })]).toEqual([
      false,
      { data: [{ key: 'Clark', value: { surname: 'Clark' } }] },
      { data: ['Adams', 'Baker', 'Clark'].map((surname) => ({ key: surname, value: { surname } })) },
    ]);
  });

  it('take at most 100 conditions, the range condition and and-filters counted together', async () => {
    expect([
      (await query({ filters: { and: ages(100) } })).data,
      (await query({ range, filters: { and: ages(99) } })).data,
      await query({ range, filters: { and: ages(100) } }),
      await query({ filters: { or: ages(101) } }),
    ]).toEqual([
      [],
      [],
      refusal('QUERY_CONDITIONS_LIMIT_EXCEEDED', 'A query can have at most 100 conditions, got 101'),
      refusal('QUERY_CONDITIONS_LIMIT_EXCEEDED', 'A query can have at most 100 conditions, got 101'),
    ]);
  });

  it('refuse a cursor issued for another range condition or other filters', async () => {
    for (const surname of ['Sa', 'Sb', 'Sc'])
      h.service.handle('/api/v1/entity/set', { entityName: 'employee', key: surname, value: { surname, age: 1 } });
    const filters = { and: ages(1) };
    const { cursor } = await query({ limit: 1, range, filters });
    const otherQuery = refusal('BAD_REQUEST', 'Provided request body is invalid: cursor: the cursor belongs to a query with other parameters');
    expect([
      (await query({ limit: 1, range, filters, cursor })).data?.map((item) => item.key),
      await query({ limit: 1, range: { condition: 'BEGINS_WITH', values: ['Sa'] }, filters, cursor }),
      await query({ limit: 1, range, filters: { and: ages(2) }, cursor }),
    ]).toEqual([['Sb'], otherQuery, otherQuery]);
  });

  it('name every partition attribute an index takes, in order', async () => {
    expect(await query({ indexName: 'by-age-per-team', partition: ['f'] })).toEqual(
      refusal(
        'BAD_REQUEST',
        'Provided request body is invalid: partition: the index "by-age-per-team" takes 2 partition value(s) (gender, dept), got 1',
      ),
    );
  });

  it('explain a malformed filter or range condition', async () => {
    expect([
      await query({ filters: { and: ages(1), or: ages(1) } }),
      await query({ filters: { or: [] } }),
      await query({ range: { condition: 'CONTAINS', values: ['S'] } }),
      await query({ range: { condition: 'EQUAL_TO', values: ['S', 'T'] } }),
      await query({ indexName: 'by-key', range: { condition: 'EQUAL_TO', values: [5] } }),
    ]).toEqual([
      refusal('INVALID_FILTER_OPERATORS_COMBINATION', 'Filter operators "and" and "or" cannot be present at the same level'),
      refusal('EMPTY_FILTER_OPERATOR', 'Filter operators "and" and "or" cannot be empty'),
      refusal(
        'INVALID_FILTER_CONDITION',
        'The condition "CONTAINS" is not supported by where; use one of BEGINS_WITH, BETWEEN, EQUAL_TO, GREATER_THAN, GREATER_THAN_EQUAL_TO, LESS_THAN, LESS_THAN_EQUAL_TO',
      ),
      refusal('INVALID_FILTER_VALUES', 'The EQUAL_TO condition takes exactly one value'),
      refusal('INVALID_FILTER_VALUES', 'The EQUAL_TO value 5 for "key" (string) must be a string'),
    ]);
  });

  it('read a SQLite index of their own for each declared index (by-key is the table’s own key)', () => {
    const indexes = h.db
      .prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name LIKE 'kvs_ix_%' ORDER BY sql")
      .pluck()
      .all() as string[];
    expect(indexes.map((sql) => sql.replace(/kvs_ix_[0-9a-f]+/, 'kvs_ix'))).toEqual([
      "CREATE INDEX kvs_ix ON kvs_items (json_extract(value, '$.gender'), json_extract(value, '$.dept'), json_extract(value, '$.age'), key) WHERE ns = 'entity:employee'",
      "CREATE INDEX kvs_ix ON kvs_items (json_extract(value, '$.surname'), key) WHERE ns = 'entity:employee'",
    ]);
  });
});
