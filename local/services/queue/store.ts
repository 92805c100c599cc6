import { randomUUID } from 'node:crypto';
import type { Db } from '../../data/db';

export type EventStatus = 'pending' | 'running' | 'succeeded' | 'failed' | 'dead' | 'cancelled';

export interface QueuedEvent {
  id: string;
  queue: string;
  jobId: string;
  body: Record<string, unknown>;
  delayInSeconds: number | undefined;
  concurrency: { key: string; limit: number } | undefined;
  status: EventStatus;
  runAt: number;
  retryCount: number;
  retryReason: string | undefined;
  retryData: unknown;
  createdAt: number;
  expiresAt: number;
  lastError: string | undefined;
}

interface Row {
  id: string;
  queue: string;
  job_id: string;
  body: string;
  delay_s: number | null;
  conc_key: string | null;
  conc_limit: number | null;
  status: EventStatus;
  run_at: number;
  retry_count: number;
  retry_reason: string | null;
  retry_data: string | null;
  created_at: number;
  expires_at: number;
  last_error: string | null;
}

const HAS_ROOM = `(e.conc_key IS NULL OR (SELECT COUNT(*) FROM queue_events r WHERE r.status = 'running' AND r.conc_key = e.conc_key) < e.conc_limit)`;

function toEvent(row: Row): QueuedEvent {
  return {
    id: row.id,
    queue: row.queue,
    jobId: row.job_id,
    body: JSON.parse(row.body) as Record<string, unknown>,
    delayInSeconds: row.delay_s ?? undefined,
    concurrency: row.conc_key === null || row.conc_limit === null ? undefined : { key: row.conc_key, limit: row.conc_limit },
    status: row.status,
    runAt: row.run_at,
    retryCount: row.retry_count,
    retryReason: row.retry_reason ?? undefined,
    retryData: row.retry_data === null ? undefined : (JSON.parse(row.retry_data) as unknown),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastError: row.last_error ?? undefined,
  };
}

/** Durable queue events in the sandbox's SQLite file: a job pushed before a crash is still here after it. */
export class QueueStore {
  constructor(private readonly db: Db) {
    db.exec(`CREATE TABLE IF NOT EXISTS queue_events (
      id TEXT PRIMARY KEY, queue TEXT NOT NULL, job_id TEXT NOT NULL, body TEXT NOT NULL, delay_s INTEGER,
      conc_key TEXT, conc_limit INTEGER, status TEXT NOT NULL, run_at INTEGER NOT NULL, retry_count INTEGER NOT NULL DEFAULT 0,
      retry_reason TEXT, retry_data TEXT, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, last_error TEXT, seq INTEGER NOT NULL);
    CREATE INDEX IF NOT EXISTS queue_events_due ON queue_events (status, run_at, seq);
    CREATE INDEX IF NOT EXISTS queue_events_job ON queue_events (job_id);`);
  }

  insertAll(events: Omit<QueuedEvent, 'id' | 'status' | 'retryCount' | 'retryReason' | 'retryData' | 'lastError'>[]): void {
    const insert = this.db
      .prepare(`INSERT INTO queue_events (id, queue, job_id, body, delay_s, conc_key, conc_limit, status, run_at, created_at, expires_at, seq)
      VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM queue_events))`);
    this.db.transaction(() => {
      for (const e of events) {
        insert.run(
          randomUUID(),
          e.queue,
          e.jobId,
          JSON.stringify(e.body),
          e.delayInSeconds ?? null,
          e.concurrency?.key ?? null,
          e.concurrency?.limit ?? null,
          e.runAt,
          e.createdAt,
          e.expiresAt,
        );
      }
    })();
  }

  /** Due events in push order, leaving out those whose concurrency key is already at its limit. */
  due(now: number, limit: number): QueuedEvent[] {
    const rows = this.db
      .prepare(`SELECT * FROM queue_events e WHERE status = 'pending' AND run_at <= ? AND ${HAS_ROOM} ORDER BY run_at, seq LIMIT ?`)
      .all(now, limit) as Row[];
    return rows.map(toEvent);
  }

  /** When the next event could start: the earliest pending one whose key has room (a full key waits for a run to end). */
  nextRunAt(): number | undefined {
    const row = this.db.prepare(`SELECT MIN(run_at) AS t FROM queue_events e WHERE status = 'pending' AND ${HAS_ROOM}`).get() as { t: number | null };
    return row.t ?? undefined;
  }

  /** Anything pending or running at all (for waiting until the queue drained). */
  busy(): boolean {
    return this.db.prepare(`SELECT 1 FROM queue_events WHERE status IN ('pending', 'running') LIMIT 1`).get() !== undefined;
  }

  runningFor(concurrencyKey: string): number {
    const row = this.db.prepare(`SELECT COUNT(*) AS n FROM queue_events WHERE status = 'running' AND conc_key = ?`).get(concurrencyKey) as {
      n: number;
    };
    return row.n;
  }

  /** Claims a pending event; false if it is no longer pending (claimed or cancelled meanwhile). */
  claim(id: string): boolean {
    return this.db.prepare(`UPDATE queue_events SET status = 'running' WHERE id = ? AND status = 'pending'`).run(id).changes === 1;
  }

  finish(id: string, status: 'succeeded' | 'failed' | 'dead', lastError?: string): void {
    this.db.prepare(`UPDATE queue_events SET status = ?, last_error = ? WHERE id = ?`).run(status, lastError ?? null, id);
  }

  reschedule(id: string, fields: { runAt: number; retryCount: number; retryReason: string; retryData: unknown; lastError?: string }): void {
    this.db
      .prepare(
        `UPDATE queue_events SET status = 'pending', run_at = ?, retry_count = ?, retry_reason = ?, retry_data = ?, last_error = ? WHERE id = ?`,
      )
      .run(
        fields.runAt,
        fields.retryCount,
        fields.retryReason,
        fields.retryData === undefined ? null : JSON.stringify(fields.retryData),
        fields.lastError ?? null,
        id,
      );
  }

  /** After a crash, whatever was running never finished: run it again (Forge delivers at least once). */
  requeueInterrupted(): number {
    return this.db.prepare(`UPDATE queue_events SET status = 'pending' WHERE status = 'running'`).run().changes;
  }

  jobStats(jobId: string): { success: number; inProgress: number; failed: number } | undefined {
    const rows = this.db.prepare(`SELECT status, COUNT(*) AS n FROM queue_events WHERE job_id = ? GROUP BY status`).all(jobId) as {
      status: EventStatus;
      n: number;
    }[];
    if (rows.length === 0) return undefined;
    const count = (...s: EventStatus[]) => rows.filter((r) => s.includes(r.status)).reduce((a, r) => a + r.n, 0);
    return { success: count('succeeded'), inProgress: count('pending', 'running'), failed: count('failed', 'dead', 'cancelled') };
  }

  cancelJob(jobId: string): boolean {
    const exists = this.db.prepare(`SELECT 1 FROM queue_events WHERE job_id = ? LIMIT 1`).get(jobId);
    this.db.prepare(`UPDATE queue_events SET status = 'cancelled' WHERE job_id = ? AND status = 'pending'`).run(jobId);
    return exists !== undefined;
  }

  list(filter: { status?: EventStatus; queue?: string } = {}): QueuedEvent[] {
    const rows = this.db
      .prepare(`SELECT * FROM queue_events WHERE (? IS NULL OR status = ?) AND (? IS NULL OR queue = ?) ORDER BY seq`)
      .all(filter.status ?? null, filter.status ?? null, filter.queue ?? null, filter.queue ?? null) as Row[];
    return rows.map(toEvent);
  }
}
