import crypto from 'node:crypto';
import { statement } from '../../data/db';
import type { Db } from '../../data/db';
import type { LaggedView } from './change-journal';
import type { EntityCatalog, IndexDef } from './entity-declarations';
import { laggedParams, pageSql } from './page-sql';
import { entityNs } from './records';
import type { ConditionName } from './schemas';
import type { ItemRow } from './store';

export interface ScanRequest {
  entityName: string;
  index: IndexDef;
  partition: unknown[];
  range: { condition: ConditionName; values: unknown[] } | undefined;
  /** Where the previous page ended: its last item's range value and key. */
  after: { r: unknown; k: string } | undefined;
  descending: boolean;
  limit: number;
  now: number;
  /** How a lagged query sees the entity; undefined: as it is now. */
  view?: LaggedView | undefined;
}
export type ScannedRow = ItemRow & { rangeValue: string | number };

/** SQL for a range condition on the range expression `r`, spelt out so that SQLite matches it with the index. */
const RANGE_SQL: Partial<Record<ConditionName, (r: string) => string>> = {
  EQUAL_TO: (r) => `${r} = @v0`,
  GREATER_THAN: (r) => `${r} > @v0`,
  GREATER_THAN_EQUAL_TO: (r) => `${r} >= @v0`,
  LESS_THAN: (r) => `${r} < @v0`,
  LESS_THAN_EQUAL_TO: (r) => `${r} <= @v0`,
  BETWEEN: (r) => `${r} BETWEEN @v0 AND @v1`,
  // The lower bound lets SQLite seek in the index; substr (in characters) keeps the prefix test exact.
  BEGINS_WITH: (r) => `${r} >= @v0 AND substr(${r}, 1, length(@v0)) = @v0`,
};

/**
 * Reads a custom entity index in order: live items of the entity whose partition attributes equal the given values
 * and whose range value meets the condition, ordered by range value and then key, both ascending or both descending.
 * An item without a value for every index attribute is not in that index (what a sparse index does; Forge does not
 * say). Each declared index gets a partial SQLite expression index, so a page costs a seek, not a scan of the entity.
 * Attribute and entity names are inlined into the SQL: both are validated against Forge's name patterns, which admit
 * no quote, and the index expression must be spelt the same way in the index and the query for SQLite to use it.
 */
export class IndexScan {
  constructor(private readonly db: Db) {}

  createIndexes(catalog: EntityCatalog): void {
    for (const entity of catalog.values()) {
      for (const index of entity.indexes.values()) {
        if (index.range === 'key' && index.partition.length === 0) continue; // the primary key (ns, key) already is one
        const columns = [...index.partition.map((p) => attributeSql(p.name)), rangeSql(index), 'key'].join(', ');
        const name = `kvs_ix_${crypto.createHash('sha256').update(`${entity.name}\u0000${columns}`).digest('hex').slice(0, 16)}`;
        this.db.exec(`CREATE INDEX IF NOT EXISTS ${name} ON kvs_items (${columns}) WHERE ns = '${entityNs(entity.name)}'`);
      }
    }
  }

  scan(request: ScanRequest): ScannedRow[] {
    const { index, range, after, descending } = request;
    const r = rangeSql(index);
    const terms = [`ns = '${entityNs(request.entityName)}'`, '(expires_at IS NULL OR expires_at > @now)', `${r} IS NOT NULL`];
    index.partition.forEach((attribute, i) => terms.push(`${attributeSql(attribute.name)} = @p${i}`));
    const rangeTerm = range === undefined ? undefined : RANGE_SQL[range.condition];
    if (rangeTerm !== undefined) terms.push(rangeTerm(r));
    if (after !== undefined) terms.push(`(${r}, key) ${descending ? '<' : '>'} (@afterR, @afterK)`);
    const direction = descending ? 'DESC' : 'ASC';
    const read = {
      columns: `key, value AS text, created_at AS createdAt, updated_at AS updatedAt, expires_at AS expiresAt, ${r} AS rangeValue`,
      where: terms.join(' AND '),
      order: `${r} ${direction}, key ${direction}`,
      outputOrder: `rangeValue ${direction}, key ${direction}`,
    };
    const sql = pageSql(read, request.view !== undefined);
    const params: Record<string, unknown> = { now: request.now, limit: request.limit };
    if (request.view !== undefined) Object.assign(params, laggedParams(request.view));
    request.partition.forEach((value, i) => (params[`p${i}`] = toSql(value)));
    range?.values.forEach((value, i) => (params[`v${i}`] = toSql(value)));
    if (after !== undefined) Object.assign(params, { afterR: toSql(after.r), afterK: after.k });
    return statement(this.db, sql).all(params) as ScannedRow[];
  }
}

function attributeSql(name: string): string {
  return `json_extract(value, '$.${name}')`;
}

function rangeSql(index: IndexDef): string {
  return index.range === 'key' ? 'key' : attributeSql(index.range.name);
}

/** json_extract gives booleans as 1 and 0; SQLite has no boolean to bind. */
function toSql(value: unknown): unknown {
  return typeof value === 'boolean' ? Number(value) : value;
}
