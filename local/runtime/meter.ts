/** What one invocation cost: the figures Forge bills on (function time, KVS bytes, queue pushes, egress). */
export interface InvocationCost {
  invocationId: string;
  /** The chain of invocations this one belongs to (a push's consumers carry the pusher's chain). */
  chainId: string;
  functionKey: string;
  moduleType: string;
  startedAt: number;
  durationMs: number;
  kvsReads: number;
  kvsReadBytes: number;
  kvsWrites: number;
  kvsWriteBytes: number;
  queuePushes: number;
  queueEvents: number;
  fetches: number;
  productRequests: number;
  /** `timeout`: stopped at its time limit (Forge bills such a run up to the limit). */
  outcome: 'ok' | 'error' | 'timeout';
}

/** KVS usage reported by one storage call, added to the running invocation's cost. */
export interface KvsUsage {
  reads: number;
  readBytes: number;
  writes: number;
  writeBytes: number;
}

export const NO_KVS_USAGE: KvsUsage = { reads: 0, readBytes: 0, writes: 0, writeBytes: 0 };

export type CostCounters = Omit<InvocationCost, 'invocationId' | 'chainId' | 'functionKey' | 'moduleType' | 'startedAt' | 'durationMs' | 'outcome'>;

export function emptyCounters(): CostCounters {
  return { kvsReads: 0, kvsReadBytes: 0, kvsWrites: 0, kvsWriteBytes: 0, queuePushes: 0, queueEvents: 0, fetches: 0, productRequests: 0 };
}

/** Keeps the cost of recent invocations in memory for tests, benchmarks and the sandbox's /__sandbox/meter page. */
export class Meter {
  private readonly records: InvocationCost[] = [];

  constructor(private readonly capacity = 10_000) {}

  record(cost: InvocationCost): void {
    this.records.push(cost);
    if (this.records.length > this.capacity) this.records.shift();
  }

  list(filter?: { functionKey?: string; since?: number }): InvocationCost[] {
    return this.records.filter(
      (r) =>
        (filter?.functionKey === undefined || r.functionKey === filter.functionKey) && (filter?.since === undefined || r.startedAt >= filter.since),
    );
  }

  clear(): void {
    this.records.length = 0;
  }
}
