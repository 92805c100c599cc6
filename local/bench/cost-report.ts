import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { CostSum } from './cost-tally';
import { totalOf } from './cost-tally';
import { DEFAULT_MEMORY_MB, gbSeconds, pricePerMillion } from './prices';

/** The functions that write changes and hand them over; everything else a change costs is its deliveries. */
const CHANGE_SIDE = ['handle-rest-api', 'on-change-event'];
const DELIVERY_SIDE = 'deliver-webhook';

export interface Target {
  name: string;
  value: number;
  limit: number;
  met: boolean;
}

export interface PerUnit {
  invocations: number;
  gbSeconds: number;
  kvsReads: number;
  kvsReadBytes: number;
  kvsWrites: number;
  kvsWriteBytes: number;
  kvsRequests: number;
  kvsReadUnits: number;
  kvsWriteUnits: number;
  queuePushes: number;
  queueEvents: number;
}

export interface CostReport {
  memoryMb: number;
  perChange: PerUnit;
  perDelivery: PerUnit;
  /** Forge's KVS rate-limit units, by side: what writing and handing over a change takes, and what an attempt takes. */
  units: { changeReads: number; changeWrites: number; attemptReads: number; attemptWrites: number };
  /** KVS requests per change made by the writing and handing over, outside the deliveries. */
  changeSideKvsRequests: number;
  workerKvsWritesPerAttempt: number;
  usdPerMillionDeliveries: number;
  targets: Target[];
}

/** The memory Forge gives each invocation: `app.runtime.memoryMB` in the manifest, else the default. */
export function manifestMemoryMb(appDir: string): number {
  const manifest = parse(fs.readFileSync(path.join(appDir, 'manifest.yml'), 'utf8')) as { app?: { runtime?: { memoryMB?: unknown } } };
  const declared = manifest.app?.runtime?.memoryMB;
  return typeof declared === 'number' ? declared : DEFAULT_MEMORY_MB;
}

function per(total: CostSum, count: number, memoryMb: number): PerUnit {
  const d = Math.max(1, count);
  return {
    invocations: total.invocations / d,
    gbSeconds: gbSeconds(total.durationMs, memoryMb) / d,
    kvsReads: total.kvsReads / d,
    kvsReadBytes: total.kvsReadBytes / d,
    kvsWrites: total.kvsWrites / d,
    kvsWriteBytes: total.kvsWriteBytes / d,
    kvsRequests: total.kvsRequests / d,
    kvsReadUnits: total.kvsReadUnits / d,
    kvsWriteUnits: total.kvsWriteUnits / d,
    queuePushes: total.queuePushes / d,
    queueEvents: total.queueEvents / d,
  };
}

/** Forge's meters per change and per delivery, with the price of a million deliveries and the design's targets. */
export function costReport(costs: Record<string, CostSum>, changes: number, webhooks: number, attempts: number, memoryMb: number): CostReport {
  const total = totalOf(Object.values(costs));
  const changeSide = totalOf(CHANGE_SIDE.map((key) => costs[key]).filter((c): c is CostSum => c !== undefined));
  const worker = costs[DELIVERY_SIDE];
  const deliveries = changes * webhooks;
  const perChange = per(total, changes, memoryMb);
  const changeSideKvsRequests = changeSide.kvsRequests / Math.max(1, changes);
  const workerKvsWritesPerAttempt = (worker?.kvsWrites ?? 0) / Math.max(1, attempts);
  const target = (name: string, value: number, limit: number): Target => ({ name, value, limit, met: value <= limit });
  return {
    memoryMb,
    perChange,
    perDelivery: per(total, deliveries, memoryMb),
    units: {
      changeReads: changeSide.kvsReadUnits / Math.max(1, changes),
      changeWrites: changeSide.kvsWriteUnits / Math.max(1, changes),
      attemptReads: (worker?.kvsReadUnits ?? 0) / Math.max(1, attempts),
      attemptWrites: (worker?.kvsWriteUnits ?? 0) / Math.max(1, attempts),
    },
    changeSideKvsRequests,
    workerKvsWritesPerAttempt,
    usdPerMillionDeliveries: pricePerMillion(total, deliveries, memoryMb),
    targets: [
      target(`invocations per change ≤ 1 + W (${1 + webhooks})`, perChange.invocations, 1 + webhooks),
      target('KVS writes per attempt ≤ 1', workerKvsWritesPerAttempt, 1),
      target('KVS operations per change outside the deliveries ≤ 3', changeSideKvsRequests, 3),
    ],
  };
}
