import fs from 'node:fs';
import path from 'node:path';
import type { Host } from '../host';

export interface Sample {
  atMs: number;
  rssMb: number;
  heapMb: number;
  /** The SQLite file with its write-ahead log. */
  sqliteMb: number;
  /** The app's own storage: KVS items (entities included) and their bytes. */
  kvsItems: number;
  kvsMb: number;
  mailbox: number;
  outbox: number;
  deliveryLog: number;
  /** The host's queue: events waiting or running, and finished ones it keeps as history (Forge keeps none). */
  queuePending: number;
  queueHistory: number;
}

const MB = 1024 * 1024;
const fileMb = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size / MB : 0);
const gc = (globalThis as { gc?: () => void }).gc;

/** Memory of this process (after a full collection where `--expose-gc` allows), storage and what waits. */
export function takeSample(host: Host, dataDir: string, startedAt: number): Sample {
  gc?.();
  const memory = process.memoryUsage();
  const db = host.db;
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const kvs = db.prepare(`SELECT COUNT(*) AS n, COALESCE(SUM(LENGTH(value)), 0) AS bytes FROM kvs_items`).get() as { n: number; bytes: number };
  const file = path.join(dataDir, 'sandbox.db');
  return {
    atMs: Date.now() - startedAt,
    rssMb: memory.rss / MB,
    heapMb: memory.heapUsed / MB,
    sqliteMb: fileMb(file) + fileMb(`${file}-wal`),
    kvsItems: kvs.n,
    kvsMb: kvs.bytes / MB,
    mailbox: count(`SELECT COUNT(*) AS n FROM kvs_items WHERE ns = 'entity:mailbox'`),
    outbox: count(`SELECT COUNT(*) AS n FROM kvs_items WHERE key LIKE 'outbox:%'`),
    deliveryLog: count(`SELECT COUNT(*) AS n FROM kvs_items WHERE ns = 'entity:delivery'`),
    queuePending: count(`SELECT COUNT(*) AS n FROM queue_events WHERE status IN ('pending', 'running')`),
    queueHistory: count(`SELECT COUNT(*) AS n FROM queue_events WHERE status NOT IN ('pending', 'running')`),
  };
}

export function formatSample(s: Sample): string {
  const time = `${Math.floor(s.atMs / 60_000)}:${String(Math.floor((s.atMs % 60_000) / 1000)).padStart(2, '0')}`;
  return [
    `${time.padStart(6)}`,
    `rss ${s.rssMb.toFixed(0)} MB, heap ${s.heapMb.toFixed(1)} MB`,
    `sqlite ${s.sqliteMb.toFixed(1)} MB (kvs ${s.kvsItems} items, ${s.kvsMb.toFixed(1)} MB)`,
    `mailbox ${s.mailbox}, outbox ${s.outbox}, log ${s.deliveryLog}`,
    `queue ${s.queuePending} waiting, ${s.queueHistory} finished`,
  ].join(' | ');
}

/** Least-squares slope of heapUsed against time over the samples after the first third (warm-up), in MB a minute. */
export function heapSlopeMbPerMinute(samples: readonly Sample[]): number | undefined {
  const warm = samples.slice(Math.floor(samples.length / 3));
  if (warm.length < 2) return undefined;
  const xs = warm.map((s) => s.atMs / 60_000);
  const ys = warm.map((s) => s.heapMb);
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const [mx, my] = [mean(xs), mean(ys)];
  const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  return sxx === 0 ? undefined : xs.reduce((a, x, i) => a + (x - mx) * ((ys[i] ?? 0) - my), 0) / sxx;
}
