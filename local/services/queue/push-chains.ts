import { statement } from '../../data/db';
import type { Db } from '../../data/db';

/**
 * Forge's cyclic invocation limit: across all handlers originating from one initial invocation (the pusher and
 * every consumer its events cause, and theirs), at most 1000 push requests (docs/forge-platform.md, "Async events").
 */
export const PUSHES_PER_CHAIN = 1000;

/** How many pushes each chain of invocations made, kept in the data folder so a restart does not reset it. */
export class PushChains {
  constructor(private readonly db: Db) {
    db.exec(`CREATE TABLE IF NOT EXISTS queue_chains (chain_id TEXT PRIMARY KEY, pushes INTEGER NOT NULL)`);
  }

  pushes(chainId: string): number {
    const row = statement(this.db, `SELECT pushes FROM queue_chains WHERE chain_id = ?`).get(chainId) as { pushes: number } | undefined;
    return row?.pushes ?? 0;
  }

  /** Counts one accepted push of the chain (whether it may push is the caller's check, against PUSHES_PER_CHAIN). */
  count(chainId: string): void {
    statement(this.db, `INSERT INTO queue_chains (chain_id, pushes) VALUES (?, 1) ON CONFLICT (chain_id) DO UPDATE SET pushes = pushes + 1`).run(
      chainId,
    );
  }

  /**
   * Forgets chains that can push no more: no event of theirs is pending or running. Only safe while no
   * invocation runs (at start), since a running resolver may still be pushing.
   */
  prune(): void {
    this.db.exec(`DELETE FROM queue_chains WHERE chain_id NOT IN
      (SELECT chain_id FROM queue_events WHERE chain_id IS NOT NULL AND status IN ('pending', 'running'))`);
  }
}
