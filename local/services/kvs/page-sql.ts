import type { LaggedView } from './change-journal';

/**
 * A page read of kvs_items: `columns` of the rows meeting `where`, in `order`, at most @limit of them. `outputOrder`
 * is the same order spelt with the output names of `columns`, as a compound SELECT must.
 */
export interface PageRead {
  columns: string;
  where: string;
  order: string;
  outputOrder: string;
}

/** The rows of a lagged view, as a table with kvs_items' columns: bound as JSON arrays by `laggedParams`. */
const LAGGED_ROWS = `SELECT @lagNs AS ns, json_extract(j.value, '$[0]') AS key, json_extract(j.value, '$[1]') AS value,
  json_extract(j.value, '$[2]') AS created_at, json_extract(j.value, '$[3]') AS updated_at, json_extract(j.value, '$[4]') AS expires_at
  FROM json_each(@lagRows) AS j`;

/**
 * The SQL of a page read, as the store is now or (`lagged`) as a lagged view shows it: the current rows of the keys the
 * view does not cover, still read in order from the index with the page's limit, merged with the view's rows. Both sides
 * are judged by the same WHERE, ORDER BY and collation in SQLite, so a lagged page orders and filters exactly as a
 * current one; TTL terms in `where` judge the view's rows by the current clock too.
 */
export function pageSql(read: PageRead, lagged: boolean): string {
  const current = `SELECT ${read.columns} FROM kvs_items WHERE ${read.where}`;
  if (!lagged) return `${current} ORDER BY ${read.order} LIMIT @limit`;
  return `SELECT * FROM (${current} AND key NOT IN (SELECT value FROM json_each(@lagKeys)) ORDER BY ${read.order} LIMIT @limit)
    UNION ALL SELECT * FROM (SELECT ${read.columns} FROM (${LAGGED_ROWS}) AS kvs_items WHERE ${read.where})
    ORDER BY ${read.outputOrder} LIMIT @limit`;
}

/** The parameters `pageSql(read, true)` takes on top of the page's own. */
export function laggedParams(view: LaggedView): Record<string, unknown> {
  const shown = [...view.rows.values()].flatMap((row) =>
    row === undefined ? [] : [[row.key, row.text, row.createdAt, row.updatedAt, row.expiresAt]],
  );
  return { lagNs: view.ns, lagKeys: JSON.stringify([...view.rows.keys()]), lagRows: JSON.stringify(shown) };
}
