import { z } from 'zod';
import { typeProblem } from './attribute-types';
import { checkConditions, checkRange, MAX_QUERY_CONDITIONS } from './condition-rules';
import { conditionsHold } from './conditions';
import { issueCursor, readCursor } from './cursor';
import type { IndexDef } from './entity-declarations';
import { badRequest, byteLength, jsonResponse, KvsError, usage, type OpResult } from './errors';
import type { IndexScan } from './index-scan';
import { DEFAULT_QUERY_LIMIT, MAX_QUERY_LIMIT } from './limits';
import { entityNs, type Records } from './records';
import { entityQueryBody, parseBody, type Conditions } from './schemas';
import { wireItem } from './wire';

/*
 * kvs.entity(name).query().index(...): one declared index of one declared entity; partition values for each
 * partition attribute, in order; at most one range condition on the index's range attribute; filters on other
 * attributes; ascending (the default) or descending sort; a limit of 1–100 (default 10); a cursor. Results follow
 * the range attribute, ties broken by key in the same direction. Filters are "in-memory": Forge applies them to
 * the page read from the index, so a page may hold fewer results than the limit, even none, with a cursor to the
 * next. Sources: /platform/forge/storage-reference/entities-api-query/ and entities-manifest/ (docs/forge-platform.md,
 * "KVS and custom entities"); COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE is Forge's code, INVALID_ENTITY_INDEX its
 * closest one for an index the entity does not declare.
 */
const cursorPosition = z.object({ r: z.union([z.string(), z.number()]), k: z.string() });

export function entityQueryOp(records: Records, indexScan: IndexScan, body: unknown): OpResult {
  const request = parseBody(entityQueryBody, body);
  const entity = records.entity(request.entityName);
  const index = entity.indexes.get(request.indexName);
  if (index === undefined) {
    throw new KvsError(400, 'INVALID_ENTITY_INDEX', `The index "${request.indexName}" is not declared for entity "${entity.name}"`);
  }
  const limit = request.limit ?? DEFAULT_QUERY_LIMIT;
  if (limit < 1 || limit > MAX_QUERY_LIMIT) {
    throw new KvsError(400, 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE', `The page limit must be set between 1 and ${MAX_QUERY_LIMIT}`);
  }
  const partition = checkPartition(index, request.partition ?? []);
  const range = request.range === undefined ? undefined : { condition: checkRange(index, request.range), values: request.range.values };
  const filters = request.filters;
  if (filters !== undefined) checkConditions(entity, filters);
  checkConditionCount(range === undefined ? 0 : 1, filters);

  const descending = request.sort === 'DESC';
  const query = { entity: entity.name, index: index.name, partition, range: request.range ?? null, filters: filters ?? null, descending };
  const after = request.cursor === undefined ? undefined : readCursor(query, request.cursor, 'cursor', cursorPosition);
  const now = records.now();
  records.store.purgeExpired(now);
  // Eventually consistent (docs/forge-platform.md, "KVS and custom entities"): a lagged view under a query lag (query-lag.ts).
  const view = records.queryView(entityNs(entity.name), now);
  const rows = indexScan.scan({ entityName: entity.name, index, partition, range, after, descending, limit: limit + 1, now, view });
  const page = rows.slice(0, limit);
  const fields = request.options?.metadataFields ?? [];
  const data = page
    .filter((row) => filters === undefined || conditionsHold(filters, JSON.parse(row.text)))
    .map((row) => wireItem({ ...row, json: row.text }, fields));
  const last = page.at(-1);
  const answer = rows.length > limit && last !== undefined ? { data, cursor: issueCursor(query, { r: last.rangeValue, k: last.key }) } : { data };
  // Items the filters dropped were read all the same, and are billed.
  const readBytes = page.reduce((sum, row) => sum + byteLength(row.text), 0);
  return { response: jsonResponse(200, answer), usage: usage({ reads: Math.max(1, page.length), readBytes }) };
}

/** "you must set a value for each attribute ... in the order they are declared in the index." */
function checkPartition(index: IndexDef, values: unknown[]): unknown[] {
  const names = index.partition.map((attribute) => attribute.name);
  if (values.length !== names.length) {
    const wanted = names.length === 0 ? 'no partition' : `${names.length} partition value(s) (${names.join(', ')})`;
    throw badRequest(`Provided request body is invalid: partition: the index "${index.name}" takes ${wanted}, got ${values.length}`);
  }
  index.partition.forEach((attribute, i) => {
    const problem = typeProblem(attribute.type, values[i]);
    if (problem !== undefined) {
      throw badRequest(`Provided request body is invalid: partition[${i}]: "${attribute.name}" is ${attribute.type} and ${problem}`);
    }
  });
  return values;
}

function checkConditionCount(rangeCount: number, filters: Conditions | undefined): void {
  const count = rangeCount + (filters?.and?.length ?? 0) + (filters?.or?.length ?? 0);
  if (count > MAX_QUERY_CONDITIONS) {
    throw new KvsError(400, 'QUERY_CONDITIONS_LIMIT_EXCEEDED', `A query can have at most ${MAX_QUERY_CONDITIONS} conditions, got ${count}`);
  }
}
