import { randomUUID } from 'node:crypto';
import { statement } from '../../data/db';
import type { Db } from '../../data/db';
import { createQueueTables, toEvent } from './rows';
import type { EventStatus, QueuedEvent, Row } from './rows';

export type { EventStatus, QueuedEvent } from './rows';

export type NewEvent = Pick<
  QueuedEvent,
  'queue' | 'jobId' | 'body' | 'delayInSeconds' | 'concurrency' | 'chainId' | 'runAt' | 'createdAt' | 'expiresAt'
>;

/** Durable queue events in the sandbox's SQLite file: a job pushed before a crash is still here after it. */
export class QueueStore {
  constructor(private readonly db: Db) {
    createQueueTables(db);
  }

  insertAll(events: NewEvent[]): void {
    const insert = statement(
      this.db,
      `INSERT INTO queue_events
      (id, queue, job_id, body, delay_s, conc_key, conc_limit, chain_id, status, run_at, created_at, expires_at, seq)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM queue_events))`,
    );
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
          e.chainId ?? null,
          e.runAt,
          e.createdAt,
          e.expiresAt,
        );
      }
    })();
  }

  /** Pending events due at `now`, earliest first (whether their concurrency key has room is the scheduler's call). */
  due(now: number, limit: number): QueuedEvent[] {
    const rows = statement(this.db, `SELECT * FROM queue_events WHERE status = 'pending' AND run_at <= ? ORDER BY run_at, seq LIMIT ?`).all(
      now,
      limit,
    ) as Row[];
    return rows.map(toEvent);
  }

  /** When the next pending event falls due. */
  nextRunAt(): number | undefined {
    const row = statement(this.db, `SELECT MIN(run_at) AS t FROM queue_events WHERE status = 'pending'`).get() as { t: number | null };
    return row.t ?? undefined;
  }

  /** Anything pending or running at all (for waiting until the queue drained). */
  busy(): boolean {
    return statement(this.db, `SELECT 1 FROM queue_events WHERE status IN ('pending', 'running') LIMIT 1`).get() !== undefined;
  }

  runningFor(concurrencyKey: string): number {
    const row = statement(this.db, `SELECT COUNT(*) AS n FROM queue_events WHERE status = 'running' AND conc_key = ?`).get(concurrencyKey) as {
      n: number;
    };
    return row.n;
  }

  /** Claims a pending event; false if it is no longer pending (claimed or cancelled meanwhile). */
  claim(id: string): boolean {
    return statement(this.db, `UPDATE queue_events SET status = 'running' WHERE id = ? AND status = 'pending'`).run(id).changes === 1;
  }

  /** Puts an event whose concurrency key is full back, to be looked at again at `runAt`. */
  throttle(id: string, runAt: number): void {
    statement(this.db, `UPDATE queue_events SET run_at = ?, throttle_count = throttle_count + 1 WHERE id = ? AND status = 'pending'`).run(runAt, id);
  }

  finish(id: string, status: 'succeeded' | 'failed' | 'dead', lastError?: string): void {
    statement(this.db, `UPDATE queue_events SET status = ?, last_error = ? WHERE id = ?`).run(status, lastError ?? null, id);
  }

  reschedule(id: string, fields: { runAt: number; retryCount: number; retryReason: string; retryData: unknown; lastError?: string }): void {
    statement(
      this.db,
      `UPDATE queue_events SET status = 'pending', run_at = ?, retry_count = ?, retry_reason = ?, retry_data = ?, last_error = ? WHERE id = ?`,
    ).run(
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
    return statement(this.db, `UPDATE queue_events SET status = 'pending' WHERE status = 'running'`).run().changes;
  }

  jobStats(jobId: string): { success: number; inProgress: number; failed: number } | undefined {
    const rows = statement(this.db, `SELECT status, COUNT(*) AS n FROM queue_events WHERE job_id = ? GROUP BY status`).all(jobId) as {
      status: EventStatus;
      n: number;
    }[];
    if (rows.length === 0) return undefined;
    const count = (...s: EventStatus[]) => rows.filter((r) => s.includes(r.status)).reduce((a, r) => a + r.n, 0);
    return { success: count('succeeded'), inProgress: count('pending', 'running'), failed: count('failed', 'dead', 'cancelled') };
  }

  cancelJob(jobId: string): boolean {
    const exists = statement(this.db, `SELECT 1 FROM queue_events WHERE job_id = ? LIMIT 1`).get(jobId);
    statement(this.db, `UPDATE queue_events SET status = 'cancelled' WHERE job_id = ? AND status = 'pending'`).run(jobId);
    return exists !== undefined;
  }

  list(filter: { status?: EventStatus; queue?: string } = {}): QueuedEvent[] {
    const rows = statement(this.db, `SELECT * FROM queue_events WHERE (? IS NULL OR status = ?) AND (? IS NULL OR queue = ?) ORDER BY seq`).all(
      filter.status ?? null,
      filter.status ?? null,
      filter.queue ?? null,
      filter.queue ?? null,
    ) as Row[];
    return rows.map(toEvent);
  }
}
