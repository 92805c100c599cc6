import type { Host } from '../host';

/**
 * Lets time pass for the queue: wake-ups Forge holds back behind a busy concurrency key (for up to ~15 minutes,
 * docs/forge-platform.md, "Async events") are made due now — the oldest of each key whose worker is not running,
 * so none is throttled again — until nothing is pending or running. Each still runs as the invocation Forge would
 * bill; only the waiting is skipped.
 */
export async function settleQueue(host: Host, timeoutMs = 600_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  const waiting = host.db.prepare(`SELECT id, conc_key AS key FROM queue_events WHERE status = 'pending' AND run_at > ? ORDER BY seq`);
  const running = host.db.prepare(`SELECT DISTINCT conc_key AS key FROM queue_events WHERE status = 'running' AND conc_key IS NOT NULL`);
  const makeDue = host.db.prepare(`UPDATE queue_events SET run_at = ? WHERE id = ? AND status = 'pending'`);
  while (host.scheduler.busy()) {
    if (Date.now() > until) throw new Error('the queue did not settle in time');
    const now = Date.now();
    const busy = new Set((running.all() as { key: string }[]).map((r) => r.key));
    let moved = 0;
    for (const row of waiting.all(now) as { id: string; key: string | null }[]) {
      if (row.key !== null && busy.has(row.key)) continue;
      if (row.key !== null) busy.add(row.key);
      moved += makeDue.run(now, row.id).changes;
    }
    if (moved > 0) host.scheduler.wake();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
