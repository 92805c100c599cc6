import { randomUUID } from 'node:crypto';
import { statement } from '../data/db';
import type { Db } from '../data/db';

export type DeliveryStatus = 'pending' | 'running' | 'succeeded' | 'failed';

/** One product or lifecycle event on its way to one trigger module. */
export interface Delivery {
  id: string;
  triggerKey: string;
  eventType: string;
  event: Record<string, unknown>;
  status: DeliveryStatus;
  runAt: number;
  retryCount: number;
  retryReason: string | undefined;
  retryData: unknown;
  lastError: string | undefined;
}

interface Row {
  id: string;
  trigger_key: string;
  event_type: string;
  event: string;
  status: DeliveryStatus;
  run_at: number;
  retry_count: number;
  retry_reason: string | null;
  retry_data: string | null;
  last_error: string | null;
}

const toDelivery = (row: Row): Delivery => ({
  id: row.id,
  triggerKey: row.trigger_key,
  eventType: row.event_type,
  event: JSON.parse(row.event) as Record<string, unknown>,
  status: row.status,
  runAt: row.run_at,
  retryCount: row.retry_count,
  retryReason: row.retry_reason ?? undefined,
  retryData: row.retry_data === null ? undefined : (JSON.parse(row.retry_data) as unknown),
  lastError: row.last_error ?? undefined,
});

/** Trigger deliveries in the data folder: an event not yet handled when the host was killed is delivered after it. */
export class TriggerStore {
  constructor(private readonly db: Db) {
    db.exec(`CREATE TABLE IF NOT EXISTS trigger_deliveries (
      id TEXT PRIMARY KEY, trigger_key TEXT NOT NULL, event_type TEXT NOT NULL, event TEXT NOT NULL, status TEXT NOT NULL,
      run_at INTEGER NOT NULL, retry_count INTEGER NOT NULL DEFAULT 0, retry_reason TEXT, retry_data TEXT, last_error TEXT,
      seq INTEGER NOT NULL);
    CREATE INDEX IF NOT EXISTS trigger_deliveries_due ON trigger_deliveries (status, run_at, seq);`);
  }

  insert(deliveries: { triggerKey: string; eventType: string; event: Record<string, unknown>; runAt: number }[]): void {
    const insert = statement(
      this.db,
      `INSERT INTO trigger_deliveries (id, trigger_key, event_type, event, status, run_at, seq)
      VALUES (?, ?, ?, ?, 'pending', ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM trigger_deliveries))`,
    );
    this.db.transaction(() => {
      for (const d of deliveries) insert.run(randomUUID(), d.triggerKey, d.eventType, JSON.stringify(d.event), d.runAt);
    })();
  }

  due(now: number): Delivery[] {
    const rows = statement(this.db, `SELECT * FROM trigger_deliveries WHERE status = 'pending' AND run_at <= ? ORDER BY run_at, seq`).all(
      now,
    ) as Row[];
    return rows.map(toDelivery);
  }

  nextRunAt(): number | undefined {
    return (
      (statement(this.db, `SELECT MIN(run_at) AS t FROM trigger_deliveries WHERE status = 'pending'`).get() as { t: number | null }).t ?? undefined
    );
  }

  busy(): boolean {
    return statement(this.db, `SELECT 1 FROM trigger_deliveries WHERE status IN ('pending', 'running') LIMIT 1`).get() !== undefined;
  }

  claim(id: string): boolean {
    return statement(this.db, `UPDATE trigger_deliveries SET status = 'running' WHERE id = ? AND status = 'pending'`).run(id).changes === 1;
  }

  finish(id: string, status: 'succeeded' | 'failed', lastError?: string): void {
    statement(this.db, `UPDATE trigger_deliveries SET status = ?, last_error = ? WHERE id = ?`).run(status, lastError ?? null, id);
  }

  reschedule(id: string, fields: { runAt: number; retryCount: number; retryReason: string; retryData: unknown }): void {
    const data = fields.retryData === undefined ? null : JSON.stringify(fields.retryData);
    statement(
      this.db,
      `UPDATE trigger_deliveries SET status = 'pending', run_at = ?, retry_count = ?, retry_reason = ?, retry_data = ? WHERE id = ?`,
    ).run(fields.runAt, fields.retryCount, fields.retryReason, data, id);
  }

  /** What was running when the host stopped never finished: deliver it again (at least once). */
  requeueInterrupted(): number {
    return statement(this.db, `UPDATE trigger_deliveries SET status = 'pending' WHERE status = 'running'`).run().changes;
  }

  list(filter: { status?: DeliveryStatus; triggerKey?: string } = {}): Delivery[] {
    const rows = statement(
      this.db,
      `SELECT * FROM trigger_deliveries WHERE (? IS NULL OR status = ?) AND (? IS NULL OR trigger_key = ?) ORDER BY seq`,
    ).all(filter.status ?? null, filter.status ?? null, filter.triggerKey ?? null, filter.triggerKey ?? null) as Row[];
    return rows.map(toDelivery);
  }
}
