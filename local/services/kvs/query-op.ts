import { badRequest, byteLength, jsonResponse, KvsError, usage, type OpResult } from './errors';
import { DEFAULT_QUERY_LIMIT, MAX_QUERY_LIMIT } from './limits';
import { PLAIN_SPACE, type Records } from './records';
import { parseBody, queryBody } from './schemas';
import { z } from 'zod';
import { issueCursor, readCursor } from './cursor';
import { wireItem } from './wire';

/**
 * kvs.query(): plain keys only (secrets and entities are not listed, as on Forge), in ascending key order
 * ("Keys are lexicographically ordered", /platform/forge/storage-reference/entities/; docs/forge-platform.md,
 * "KVS and custom entities"), with an optional single `key BEGINS_WITH` clause. Codes are those of Forge's KVS error table.
 */
export function queryOp(records: Records, body: unknown): OpResult {
  const request = parseBody(queryBody, body);
  const limit = request.limit ?? DEFAULT_QUERY_LIMIT;
  if (limit > MAX_QUERY_LIMIT) {
    throw new KvsError(400, 'LIST_QUERY_LIMIT_EXCEEDED', `Limit for list query should be at most ${MAX_QUERY_LIMIT}`);
  }
  if (limit < 1) throw badRequest('Provided request body is invalid: limit must be at least 1');
  const prefix = beginsWith(request.where);
  const query = { prefix };
  const after = request.after === undefined ? '' : readCursor(query, request.after, 'after', z.string());

  const now = records.now();
  // Lazy TTL purge: queries are where expired rows would otherwise pile up unseen.
  records.store.purgeExpired(now);
  // Eventually consistent (docs/forge-platform.md, "KVS and custom entities"): a lagged view under a query lag (query-lag.ts).
  const view = records.queryView(PLAIN_SPACE.ns, now);
  const rows = records.store.page(PLAIN_SPACE.ns, prefix, after, limit + 1, now, view);
  const page = rows.slice(0, limit);
  const fields = request.options?.metadataFields ?? [];
  const data = page.map((row) => wireItem({ ...row, json: row.text }, fields));
  const last = page.at(-1);
  const answer = rows.length > limit && last !== undefined ? { data, cursor: issueCursor(query, last.key) } : { data };
  const readBytes = page.reduce((sum, row) => sum + byteLength(row.text), 0);
  // A query that finds nothing is still one billed read request.
  return { response: jsonResponse(200, answer), usage: usage({ reads: Math.max(1, page.length), readBytes }) };
}

function beginsWith(where: { property: string; condition: string; values: unknown[] }[] | undefined): string {
  if (where === undefined || where.length === 0) return '';
  if (where.length > 1) throw new KvsError(400, 'QUERY_WHERE_INVALID', 'KVS queries should contain only a single "where" clause');
  const [clause] = where as [(typeof where)[number]];
  if (clause.property !== 'key') {
    throw new KvsError(400, 'QUERY_WHERE_FIELD_INVALID', `The field "${clause.property}" is not supported for filters`);
  }
  if (clause.condition !== 'BEGINS_WITH') {
    throw new KvsError(400, 'INVALID_FILTER_CONDITION', `The condition "${clause.condition}" is not supported for filters`);
  }
  const [prefix] = clause.values;
  if (clause.values.length !== 1 || (typeof prefix !== 'string' && typeof prefix !== 'number')) {
    throw new KvsError(400, 'INVALID_FILTER_VALUES', 'BEGINS_WITH takes exactly one string value');
  }
  return String(prefix);
}
