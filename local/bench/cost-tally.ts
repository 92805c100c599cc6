import type { Host } from '../host';
import type { InvocationCost } from '../runtime/meter';
import { currentInvocation } from '../runtime/runtime';

/** What a set of invocations cost, summed: the meter's figures plus KVS requests (a transaction is one). */
export interface CostSum {
  invocations: number;
  durationMs: number;
  kvsRequests: number;
  kvsReads: number;
  kvsReadBytes: number;
  kvsWrites: number;
  kvsWriteBytes: number;
  queuePushes: number;
  queueEvents: number;
  fetches: number;
}

export const emptySum = (): CostSum => ({
  invocations: 0,
  durationMs: 0,
  kvsRequests: 0,
  kvsReads: 0,
  kvsReadBytes: 0,
  kvsWrites: 0,
  kvsWriteBytes: 0,
  queuePushes: 0,
  queueEvents: 0,
  fetches: 0,
});

export function addCost(sum: CostSum, cost: InvocationCost, kvsRequests: number): void {
  sum.invocations++;
  sum.durationMs += cost.durationMs;
  sum.kvsRequests += kvsRequests;
  sum.kvsReads += cost.kvsReads;
  sum.kvsReadBytes += cost.kvsReadBytes;
  sum.kvsWrites += cost.kvsWrites;
  sum.kvsWriteBytes += cost.kvsWriteBytes;
  sum.queuePushes += cost.queuePushes;
  sum.queueEvents += cost.queueEvents;
  sum.fetches += cost.fetches;
}

export function totalOf(sums: Iterable<CostSum>): CostSum {
  const total = emptySum();
  for (const s of sums) for (const key of Object.keys(total) as (keyof CostSum)[]) total[key] += s[key];
  return total;
}

/**
 * Every invocation's cost as it is recorded, by function, however many there are (the host's meter keeps the
 * latest 10,000), with the times of queue pushes (for the most events in a minute). KVS requests are counted as
 * they reach the host's KVS, by the invocation that made them.
 */
export class CostTally {
  readonly byFunction = new Map<string, CostSum>();
  readonly pushes: { at: number; count: number }[] = [];
  private readonly kvsRequests = new Map<string, number>();
  private stopped = false;

  constructor(host: Host) {
    const record = host.meter.record.bind(host.meter);
    host.meter.record = (cost) => {
      record(cost);
      if (this.stopped) return;
      const requests = this.kvsRequests.get(cost.invocationId) ?? 0;
      this.kvsRequests.delete(cost.invocationId);
      let sum = this.byFunction.get(cost.functionKey);
      if (!sum) this.byFunction.set(cost.functionKey, (sum = emptySum()));
      addCost(sum, cost, requests);
      if (cost.queueEvents > 0) this.pushes.push({ at: cost.startedAt, count: cost.queueEvents });
    };
    const handle = host.kvs.handle.bind(host.kvs);
    host.kvs.handle = (path, body) => {
      const id = currentInvocation()?.invocationId;
      if (id !== undefined && !this.stopped) this.kvsRequests.set(id, (this.kvsRequests.get(id) ?? 0) + 1);
      return handle(path, body);
    };
  }

  of(functionKey: string): CostSum {
    return this.byFunction.get(functionKey) ?? emptySum();
  }

  clear(): void {
    this.byFunction.clear();
    this.pushes.length = 0;
  }

  stop(): void {
    this.stopped = true;
  }
}
