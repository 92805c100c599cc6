import { drawLag, type LagRange } from './query-lag';
import type { ItemRow } from './store';

/** How one namespace looked some time ago, where it differs from now: each key changed since, with the row it had then. */
export interface LaggedView {
  ns: string;
  /** undefined: the key had no live item then (it is new, or was recreated after expiring). */
  rows: ReadonlyMap<string, ItemRow | undefined>;
}

interface Change {
  at: number;
  key: string;
  previous: ItemRow | undefined;
}

/**
 * The recent writes and deletes of each queryable namespace, each with the row it replaced, so that a query can
 * answer as the store was `lag` ms ago (docs/forge-platform.md, "KVS and custom entities": queries are eventually
 * consistent, gets strictly). A change made at `at` is visible to a query at `now` once `now - at >= lag`; until then
 * the query sees the row the key had before its first change since `now - lag`. A change at least the maximum lag old
 * is visible to every query, so it is forgotten: the journal holds no more than the maximum lag's worth of changes.
 * It lives in memory only: after a restart every write is visible.
 */
export class ChangeJournal {
  private readonly changes = new Map<string, Change[]>();

  constructor(
    private readonly lag: LagRange,
    private readonly random: () => number,
  ) {}

  /** Notes a write or delete of `key` made at `at`, with the live row it replaces (undefined when there was none). */
  record(ns: string, key: string, previous: ItemRow | undefined, at: number): void {
    this.prune(at);
    let list = this.changes.get(ns);
    if (list === undefined) this.changes.set(ns, (list = []));
    list.push({ at, key, previous });
  }

  /** Draws one query's lag and tells how `ns` looked that long before `now`; undefined when it looked as it does now. */
  viewFor(ns: string, now: number): LaggedView | undefined {
    this.prune(now);
    const asOf = now - drawLag(this.lag, this.random);
    const rows = new Map<string, ItemRow | undefined>();
    // Changes are kept in the order they were made: the first one after `asOf` holds the row the key had at `asOf`.
    for (const change of this.changes.get(ns) ?? []) {
      if (change.at > asOf && !rows.has(change.key)) rows.set(change.key, change.previous);
    }
    return rows.size === 0 ? undefined : { ns, rows };
  }

  /** How many changes are remembered, over all namespaces. */
  get size(): number {
    let total = 0;
    for (const list of this.changes.values()) total += list.length;
    return total;
  }

  private prune(now: number): void {
    const horizon = now - this.lag.max;
    for (const [ns, list] of this.changes) {
      const keep = list.findIndex((change) => change.at > horizon);
      if (keep === -1) this.changes.delete(ns);
      else if (keep > 0) list.splice(0, keep);
    }
  }
}
