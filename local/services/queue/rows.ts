import type { Db } from '../../data/db';

export type EventStatus = 'pending' | 'running' | 'succeeded' | 'failed' | 'dead' | 'cancelled';

export interface QueuedEvent {
  id: string;
  queue: string;
  jobId: string;
  body: Record<string, unknown>;
  delayInSeconds: number | undefined;
  concurrency: { key: string; limit: number } | undefined;
  /** The invocation chain the push belonged to; the consumer's own pushes count against it. */
  chainId: string | undefined;
  status: EventStatus;
  runAt: number;
  retryCount: number;
  retryReason: string | undefined;
  retryData: unknown;
  /** How often the event was put back because its concurrency key was full (throttling is not a retry). */
  throttleCount: number;
  createdAt: number;
  expiresAt: number;
  lastError: string | undefined;
}

export interface Row {
  id: string;
  queue: string;
  job_id: string;
  body: string;
  delay_s: number | null;
  conc_key: string | null;
  conc_limit: number | null;
  chain_id: string | null;
  status: EventStatus;
  run_at: number;
  retry_count: number;
  retry_reason: string | null;
  retry_data: string | null;
  throttle_count: number;
  created_at: number;
  expires_at: number;
  last_error: string | null;
}

export function toEvent(row: Row): QueuedEvent {
  return {
    id: row.id,
    queue: row.queue,
    jobId: row.job_id,
    body: JSON.parse(row.body) as Record<string, unknown>,
    delayInSeconds: row.delay_s ?? undefined,
    concurrency: row.conc_key === null || row.conc_limit === null ? undefined : { key: row.conc_key, limit: row.conc_limit },
    chainId: row.chain_id ?? undefined,
    status: row.status,
    runAt: row.run_at,
    retryCount: row.retry_count,
    retryReason: row.retry_reason ?? undefined,
    retryData: row.retry_data === null ? undefined : (JSON.parse(row.retry_data) as unknown),
    throttleCount: row.throttle_count,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastError: row.last_error ?? undefined,
  };
}

/** Creates the events table, and adds the columns later versions of the host need to a data folder made earlier. */
export function createQueueTables(db: Db): void {
  db.exec(`CREATE TABLE IF NOT EXISTS queue_events (
    id TEXT PRIMARY KEY, queue TEXT NOT NULL, job_id TEXT NOT NULL, body TEXT NOT NULL, delay_s REAL,
    conc_key TEXT, conc_limit INTEGER, status TEXT NOT NULL, run_at INTEGER NOT NULL, retry_count INTEGER NOT NULL DEFAULT 0,
    retry_reason TEXT, retry_data TEXT, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, last_error TEXT, seq INTEGER NOT NULL,
    chain_id TEXT, throttle_count INTEGER NOT NULL DEFAULT 0);
  CREATE INDEX IF NOT EXISTS queue_events_due ON queue_events (status, run_at, seq);
  CREATE INDEX IF NOT EXISTS queue_events_job ON queue_events (job_id);
  CREATE INDEX IF NOT EXISTS queue_events_seq ON queue_events (seq);`);
  const columns = new Set((db.prepare(`PRAGMA table_info(queue_events)`).all() as { name: string }[]).map((c) => c.name));
  if (!columns.has('chain_id')) db.exec(`ALTER TABLE queue_events ADD COLUMN chain_id TEXT`);
  if (!columns.has('throttle_count')) db.exec(`ALTER TABLE queue_events ADD COLUMN throttle_count INTEGER NOT NULL DEFAULT 0`);
}
