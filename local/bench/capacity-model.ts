import { WAKE_WINDOW_MS } from '../../src/core/webhooks/wake-window';
/**
 * Forge's per-installation limits the delivery pipeline runs into (docs/forge-platform.md, "Async events", "KVS and
 * custom entities", "Function time and size"; /platform/forge/limits-async-events/, /platform/forge/limits-kvs-ce/,
 * /platform/forge/limits-invocation/), and the app's own constants that follow from them.
 */
export const FORGE_LIMITS = {
  eventsPerMinute: 500,
  kvsReadUnitsPerMinute: 4000,
  kvsWriteUnitsPerMinute: 4000,
  egressPerAppMinute: 50_000,
  /** How often the scheduled maintenance runs (manifest.yml, `interval: fiveMinute`). */
  sweepEveryMs: 300_000,
} as const;

/** New deliveries wake a webhook at most twice per 10 s window: 12 wake-ups a minute. */
export const WAKES_PER_WEBHOOK_MINUTE = (2 * 60_000) / WAKE_WINDOW_MS;

/** A worker's attempts per invocation (src/consumers/on-delivery-wake.ts: 100 per runtime minute of 120 s, less 10). */
export const ATTEMPTS_PER_INVOCATION = 190;
/** How long a worker may keep starting attempts: its 120 s less the last attempt's 15 s and a 10 s margin. */
export const SEND_WINDOW_MS = 95_000;

export interface ModelInputs {
  webhooks: number;
  /** KVS rate-limit units one change costs to write and hand over, and one attempt costs (measured by the bench). */
  changeReadUnits: number;
  changeWriteUnits: number;
  attemptReadUnits: number;
  attemptWriteUnits: number;
  /** One attempt's time in a worker: the receiver's answer plus the app's own work (an assumption, see docs/capacity.md). */
  attemptMs: number;
  /** Gap between a worker's invocations: its own wake-up waits while it still runs (Forge does not say how long). */
  rewakeGapMs: number;
}

export interface Capacity {
  /** One worker at a time per webhook: attempts in a minute. */
  perWebhookPerMinute: number;
  /** Deliveries a minute each limit allows on its own, for the installation. */
  bounds: { workers: number; kvsWriteUnits: number; kvsReadUnits: number; egress: number };
  perInstallationPerMinute: number;
  binding: string;
  /**
   * Changes a minute the 500 queue events allow while each change is handed over on its own: 1 notice each, beside the
   * wake-ups, which are at most 2 per webhook per 10 s window (src/core/webhooks/wake-window.ts) whatever the changes.
   */
  unbatchedChangesPerMinute: number;
}

/** The most deliveries a minute the design sustains, per webhook and per installation, with every attempt succeeding. */
export function capacityOf(m: ModelInputs): Capacity {
  const perInvocation = Math.min(ATTEMPTS_PER_INVOCATION, Math.floor(SEND_WINDOW_MS / m.attemptMs));
  const perWebhookPerMinute = (perInvocation / (perInvocation * m.attemptMs + m.rewakeGapMs)) * 60_000;
  const perDelivery = (change: number, attempt: number) => change / m.webhooks + attempt;
  const bounds = {
    workers: perWebhookPerMinute * m.webhooks,
    kvsWriteUnits: FORGE_LIMITS.kvsWriteUnitsPerMinute / perDelivery(m.changeWriteUnits, m.attemptWriteUnits),
    kvsReadUnits: FORGE_LIMITS.kvsReadUnitsPerMinute / perDelivery(m.changeReadUnits, m.attemptReadUnits),
    egress: FORGE_LIMITS.egressPerAppMinute,
  };
  const [binding, perInstallationPerMinute] = Object.entries(bounds).reduce((low, entry) => (entry[1] < low[1] ? entry : low));
  return {
    perWebhookPerMinute,
    bounds,
    perInstallationPerMinute,
    binding,
    unbatchedChangesPerMinute: Math.max(0, FORGE_LIMITS.eventsPerMinute - WAKES_PER_WEBHOOK_MINUTE * m.webhooks),
  };
}

/**
 * Sending a backlog of `deliveries` spread over the webhooks, after a quiet wait: each worker sends its share one after
 * the other, 190 per invocation with a gap between; the KVS units it needs beyond one minute's allowance wait for the
 * next minutes (the installation's units were unused while the backlog waited).
 */
export function backlogMs(deliveries: number, m: ModelInputs): number {
  const share = deliveries / m.webhooks;
  const invocations = Math.ceil(share / ATTEMPTS_PER_INVOCATION);
  const workers = share * m.attemptMs + Math.max(0, invocations - 1) * m.rewakeGapMs;
  const beyond = (units: number, perMinute: number) => (Math.max(0, units - perMinute) / perMinute) * 60_000;
  const perDelivery = (change: number, attempt: number) => change / m.webhooks + attempt;
  const reads = beyond(deliveries * perDelivery(m.changeReadUnits, m.attemptReadUnits), FORGE_LIMITS.kvsReadUnitsPerMinute);
  const writes = beyond(deliveries * perDelivery(m.changeWriteUnits, m.attemptWriteUnits), FORGE_LIMITS.kvsWriteUnitsPerMinute);
  return Math.max(workers, reads, writes);
}

/**
 * A burst of `changes` over `spreadMs`. Within the queue's 500 events a minute each change is handed over at once, for
 * 1 notice (and the webhooks' few wake-ups); beyond them notices and wake-ups are refused, those changes wait in the outbox, and the next
 * scheduled sweep hands them over in batches. Predicts the wait from the last change to the last delivery: to the next
 * sweep (its phase given as `lastChangeSinceSweepMs`) plus sending the backlog; or, within the budget, one attempt.
 */
export function burstDrainMs(
  changes: number,
  spreadMs: number,
  m: ModelInputs,
  lastChangeSinceSweepMs: number,
): { overBudget: boolean; drainMs: number; backlog: number } {
  const budget = capacityOf(m).unbatchedChangesPerMinute * Math.max(1, spreadMs / 60_000);
  if (changes <= budget) return { overBudget: false, drainMs: m.attemptMs, backlog: 0 };
  const backlog = (changes - budget) * m.webhooks;
  const toSweep = FORGE_LIMITS.sweepEveryMs - (lastChangeSinceSweepMs % FORGE_LIMITS.sweepEveryMs);
  return { overBudget: true, drainMs: toSweep + backlogMs(backlog, m), backlog };
}
