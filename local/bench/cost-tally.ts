import type { Host } from '../host';
import type { InvocationCost } from '../runtime/meter';
import { currentInvocation } from '../runtime/runtime';
import { byteLength } from '../services/kvs/errors';
import { unitsFor } from '../services/kvs/rate-limits';

/** What a set of invocations cost, summed: the meter's figures plus KVS requests (a transaction is one). */
export interface CostSum {
  invocations: number;
  durationMs: number;
  kvsRequests: number;
  /** Forge's KVS rate-limit units (a request of up to 10 KB is one), as the host charges them. */
  kvsReadUnits: number;
  kvsWriteUnits: number;
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
  kvsReadUnits: 0,
  kvsWriteUnits: 0,
  kvsReads: 0,
  kvsReadBytes: 0,
  kvsWrites: 0,
  kvsWriteBytes: 0,
  queuePushes: 0,
  queueEvents: 0,
  fetches: 0,
});

type KvsTraffic = { requests: number; readUnits: number; writeUnits: number };

export function addCost(sum: CostSum, cost: InvocationCost, kvs: KvsTraffic): void {
  sum.invocations++;
  sum.durationMs += cost.durationMs;
  sum.kvsRequests += kvs.requests;
  sum.kvsReadUnits += kvs.readUnits;
  sum.kvsWriteUnits += kvs.writeUnits;
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
  private readonly kvs = new Map<string, KvsTraffic>();
  private stopped = false;

  constructor(host: Host) {
    const record = host.meter.record.bind(host.meter);
    host.meter.record = (cost) => {
      record(cost);
      if (this.stopped) return;
      const traffic = this.kvs.get(cost.invocationId) ?? { requests: 0, readUnits: 0, writeUnits: 0 };
      this.kvs.delete(cost.invocationId);
      let sum = this.byFunction.get(cost.functionKey);
      if (!sum) this.byFunction.set(cost.functionKey, (sum = emptySum()));
      addCost(sum, cost, traffic);
      if (cost.queueEvents > 0) this.pushes.push({ at: cost.startedAt, count: cost.queueEvents });
    };
    const handle = host.kvs.handle.bind(host.kvs);
    // A write is sized by what it sends, a read by what it gets back (local/services/kvs/index.ts).
    host.kvs.handle = (path, body, requestBytes) => {
      const result = handle(path, body, requestBytes);
      const id = currentInvocation()?.invocationId;
      if (id !== undefined && !this.stopped) {
        const traffic = this.kvs.get(id) ?? { requests: 0, readUnits: 0, writeUnits: 0 };
        traffic.requests++;
        if (result.usage.reads > 0) traffic.readUnits += unitsFor(result.usage.readBytes);
        else traffic.writeUnits += unitsFor(requestBytes ?? byteLength(JSON.stringify(body ?? null)));
        this.kvs.set(id, traffic);
      }
      return result;
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
