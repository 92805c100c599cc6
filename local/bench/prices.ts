/**
 * Forge's 2026 overage prices (docs/forge-platform.md, "Capacity and prices"): function duration per GB-second, KVS
 * bytes read and written per GB. The free allowance is per app and month, so a marginal delivery pays the overage.
 */
export const PRICES = { gbSecond: 0.000025, kvsReadGb: 0.055, kvsWriteGb: 1.09 } as const;
/** Memory per invocation when the manifest sets no `app.runtime.memoryMB` (`/platform/forge/limits-invocation/`). */
export const DEFAULT_MEMORY_MB = 512;
const GB = 1024 ** 3;

export interface Usage {
  durationMs: number;
  kvsReadBytes: number;
  kvsWriteBytes: number;
}

/** GB-seconds of function time at a memory size. */
export function gbSeconds(durationMs: number, memoryMb: number): number {
  return (durationMs / 1000) * (memoryMb / 1024);
}

/** What some usage costs in US dollars at Forge's overage prices, by part and in all. */
export function priceOf(usage: Usage, memoryMb: number): { functions: number; kvsReads: number; kvsWrites: number; total: number } {
  const functions = gbSeconds(usage.durationMs, memoryMb) * PRICES.gbSecond;
  const kvsReads = (usage.kvsReadBytes / GB) * PRICES.kvsReadGb;
  const kvsWrites = (usage.kvsWriteBytes / GB) * PRICES.kvsWriteGb;
  return { functions, kvsReads, kvsWrites, total: functions + kvsReads + kvsWrites };
}

/** The price of a million deliveries, from what `deliveries` deliveries used. */
export function pricePerMillion(usage: Usage, deliveries: number, memoryMb: number): number {
  if (deliveries <= 0) return Number.NaN;
  return (priceOf(usage, memoryMb).total / deliveries) * 1_000_000;
}
