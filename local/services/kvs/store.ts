import type { Statement } from 'better-sqlite3';
import type { Db } from '../../data/db';
import type { LaggedView } from './change-journal';
import { laggedParams, pageSql, type PageRead } from './page-sql';

/** One stored item as the table holds it: the value is opaque text (JSON, or a sealed secret). */
export interface ItemRow {
  key: string;
  text: string;
  createdAt: number;
  updatedAt: number;
  expiresAt: number | null;
}

const COLUMNS = 'key, value AS text, created_at AS createdAt, updated_at AS updatedAt, expires_at AS expiresAt';
const ALIVE = '(expires_at IS NULL OR expires_at > @now)';
const PAGE: PageRead = {
  columns: COLUMNS,
  where: `ns = @ns AND key > @after AND key >= @prefix AND substr(key, 1, length(@prefix)) = @prefix AND ${ALIVE}`,
  order: 'key',
  outputOrder: 'key',
};

/**
 * A rowid table with (ns, key) as its key: values of a kilobyte or more (delivery logs, change events) stay in the
 * table's pages. A WITHOUT ROWID table keeps rows in an index b-tree, where a 4 KB page holds about 1 KB of a row
 * before the rest spills to an overflow page: writes there cost twice as much, reads three times, the file twice the size.
 */
const TABLE_COLUMNS = `ns TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL, expires_at INTEGER, PRIMARY KEY (ns, key)`;

/** Data folders made by earlier versions hold a WITHOUT ROWID table: copied over once, in one transaction. */
function migrateFromWithoutRowid(db: Db): void {
  const table = db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'kvs_items'`).get() as { sql: string } | undefined;
  if (!table || !/WITHOUT\s+ROWID/i.test(table.sql)) return;
  db.transaction(() => {
    // Its indexes go with the old table; the store and the entity indexes make them again on the new one.
    db.exec(`ALTER TABLE kvs_items RENAME TO kvs_items_without_rowid;
      CREATE TABLE kvs_items (${TABLE_COLUMNS});
      INSERT INTO kvs_items (ns, key, value, created_at, updated_at, expires_at)
        SELECT ns, key, value, created_at, updated_at, expires_at FROM kvs_items_without_rowid;
      DROP TABLE kvs_items_without_rowid;`);
  })();
}

/**
 * Every namespace (plain keys, secrets, each custom entity) shares one table keyed by (ns, key), so a
 * query is a single index range scan in key order. Times are epoch milliseconds from the injected clock;
 * expired rows stay invisible to every read and are deleted lazily, as Forge's TTL sweep is not instant.
 */
export class ItemStore {
  private readonly selectOne: Statement;
  private readonly upsert: Statement;
  private readonly upsertQuietly: Statement;
  private readonly deleteOne: Statement;
  private readonly deleteQuietly: Statement;
  private readonly selectPage: Statement;
  private readonly selectLaggedPage: Statement;
  private readonly deleteExpired: Statement;

  constructor(private readonly db: Db) {
    migrateFromWithoutRowid(db);
    db.exec(`
      CREATE TABLE IF NOT EXISTS kvs_items (${TABLE_COLUMNS});
      CREATE INDEX IF NOT EXISTS kvs_items_expiry ON kvs_items (expires_at) WHERE expires_at IS NOT NULL;
    `);
    this.selectOne = db.prepare(`SELECT ${COLUMNS} FROM kvs_items WHERE ns = @ns AND key = @key`);
    // An overwrite keeps the original creation time unless the old row had already expired (then it is a new item).
    const upsert = `
      INSERT INTO kvs_items (ns, key, value, created_at, updated_at, expires_at)
      VALUES (@ns, @key, @text, @now, @now, @expiresAt)
      ON CONFLICT (ns, key) DO UPDATE SET
        created_at = CASE WHEN kvs_items.expires_at IS NOT NULL AND kvs_items.expires_at <= excluded.updated_at
                          THEN excluded.created_at ELSE kvs_items.created_at END,
        value = excluded.value, updated_at = excluded.updated_at, expires_at = excluded.expires_at`;
    this.upsert = db.prepare(`${upsert} RETURNING ${COLUMNS}`);
    // RETURNING doubles what an upsert costs: writes whose row nobody reads back go without it.
    this.upsertQuietly = db.prepare(upsert);
    this.deleteOne = db.prepare(`DELETE FROM kvs_items WHERE ns = @ns AND key = @key RETURNING ${COLUMNS}`);
    this.deleteQuietly = db.prepare(`DELETE FROM kvs_items WHERE ns = @ns AND key = @key`);
    this.selectPage = db.prepare(pageSql(PAGE, false));
    this.selectLaggedPage = db.prepare(pageSql(PAGE, true));
    this.deleteExpired = db.prepare('DELETE FROM kvs_items WHERE expires_at IS NOT NULL AND expires_at <= @now');
  }

  read(ns: string, key: string, now: number): ItemRow | undefined {
    const row = this.selectOne.get({ ns, key }) as ItemRow | undefined;
    if (row === undefined || isAlive(row.expiresAt, now)) return row;
    this.deleteOne.run({ ns, key });
    return undefined;
  }

  write(ns: string, key: string, text: string, now: number, expiresAt: number | null): ItemRow {
    return this.upsert.get({ ns, key, text, now, expiresAt }) as ItemRow;
  }

  /** write(), without reading the row back. */
  put(ns: string, key: string, text: string, now: number, expiresAt: number | null): void {
    this.upsertQuietly.run({ ns, key, text, now, expiresAt });
  }

  /** remove(), without reading back what was there. */
  discard(ns: string, key: string): void {
    this.deleteQuietly.run({ ns, key });
  }

  /** Returns the live item that was there; an expired leftover is removed but counts as absent. */
  remove(ns: string, key: string, now: number): ItemRow | undefined {
    const row = this.deleteOne.get({ ns, key }) as ItemRow | undefined;
    return row !== undefined && isAlive(row.expiresAt, now) ? row : undefined;
  }

  /**
   * Live items of one namespace whose key starts with `prefix`, strictly after `after`, in key order; as `view` shows
   * the namespace when given (a lagged query), else as it is now.
   */
  page(ns: string, prefix: string, after: string, limit: number, now: number, view?: LaggedView): ItemRow[] {
    const params = { ns, prefix, after, limit, now };
    if (view === undefined) return this.selectPage.all(params) as ItemRow[];
    return this.selectLaggedPage.all({ ...params, ...laggedParams(view) }) as ItemRow[];
  }

  purgeExpired(now: number): void {
    this.deleteExpired.run({ now });
  }

  /** Runs `fn` in one SQLite transaction: a throw rolls back everything it wrote. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}

function isAlive(expiresAt: number | null, now: number): boolean {
  return expiresAt === null || expiresAt > now;
}
