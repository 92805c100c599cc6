import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/**
 * Opens the sandbox's one SQLite file. WAL keeps readers and the writer apart and makes every
 * committed write survive a SIGKILL of the host, which is what lets queued jobs outlive a crash.
 * `synchronous = OFF`: a commit is handed to the operating system, never waited for on the disk. A killed
 * process loses nothing (the system holds its writes); a power cut or a crash of the system itself may lose the
 * last commits or leave the file corrupt (then `--reset`), which a sandbox can afford. Syncing at every WAL checkpoint cost more than half of every commit.
 */
export function openDb(dataDir: string): Db {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'sandbox.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('busy_timeout = 5000');
  return db;
}

const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/** The prepared statement for `sql`, made once per database: preparing one costs more than running a small one. */
export function statement(db: Db, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map<string, Database.Statement>()));
  let prepared = cache.get(sql);
  if (!prepared) cache.set(sql, (prepared = db.prepare(sql)));
  return prepared;
}
