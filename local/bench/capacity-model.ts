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

/** A worker's attempts per invocation (src/consumers/on-delivery-wake.ts: 100 per runtime minute of 900 s, less 10). */
export const ATTEMPTS_PER_INVOCATION = 1490;
/** How long a worker may keep starting attempts: its 900 s less the last attempt's 15 s and a 10 s margin. */
export const SEND_WINDOW_MS = 875_000;

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
  /** Changes one queue notice announces: the projects of one write (an import's REST call: up to 20; the bench's: 4). */
  changesPerNotice: number;
}

export interface Capacity {
  /** One worker at a time per webhook: attempts in a minute. */
  perWebhookPerMinute: number;
  /** Deliveries a minute each limit allows on its own, for the installation. */
  bounds: { workers: number; kvsWriteUnits: number; kvsReadUnits: number; egress: number };
  perInstallationPerMinute: number;
  binding: string;
  /**
   * Changes a minute the 500 queue events allow to be handed over at once: a notice per write (announcing
   * `changesPerNotice` changes), beside the wake-ups, which are at most 2 per webhook per 10 s window
   * (src/core/webhooks/wake-window.ts) whatever the changes.
   */
  changesPerMinuteWithinEvents: number;
}

const perDelivery = (m: ModelInputs, change: number, attempt: number) => change / m.webhooks + attempt;

/** The most deliveries a minute the design sustains, per webhook and per installation, with every attempt succeeding. */
export function capacityOf(m: ModelInputs): Capacity {
  const perInvocation = Math.min(ATTEMPTS_PER_INVOCATION, Math.floor(SEND_WINDOW_MS / m.attemptMs));
  const perWebhookPerMinute = (perInvocation / (perInvocation * m.attemptMs + m.rewakeGapMs)) * 60_000;
  const bounds = {
    workers: perWebhookPerMinute * m.webhooks,
    kvsWriteUnits: FORGE_LIMITS.kvsWriteUnitsPerMinute / perDelivery(m, m.changeWriteUnits, m.attemptWriteUnits),
    kvsReadUnits: FORGE_LIMITS.kvsReadUnitsPerMinute / perDelivery(m, m.changeReadUnits, m.attemptReadUnits),
    egress: FORGE_LIMITS.egressPerAppMinute,
  };
  const [binding, perInstallationPerMinute] = Object.entries(bounds).reduce((low, entry) => (entry[1] < low[1] ? entry : low));
  return {
    perWebhookPerMinute,
    bounds,
    perInstallationPerMinute,
    binding,
    changesPerMinuteWithinEvents: Math.max(0, FORGE_LIMITS.eventsPerMinute - WAKES_PER_WEBHOOK_MINUTE * m.webhooks) * m.changesPerNotice,
  };
}

/**
 * Sending a backlog of `deliveries` spread over the webhooks, after a quiet wait: each worker sends its share one after
 * the other, ATTEMPTS_PER_INVOCATION per invocation with a gap between; the KVS units it needs beyond one minute's
 * allowance wait for the next minutes (the installation's units were unused while the backlog waited).
 */
export function backlogMs(deliveries: number, m: ModelInputs): number {
  const share = deliveries / m.webhooks;
  const invocations = Math.ceil(share / ATTEMPTS_PER_INVOCATION);
  const workers = share * m.attemptMs + Math.max(0, invocations - 1) * m.rewakeGapMs;
  const beyond = (units: number, perMinute: number) => (Math.max(0, units - perMinute) / perMinute) * 60_000;
  const reads = beyond(deliveries * perDelivery(m, m.changeReadUnits, m.attemptReadUnits), FORGE_LIMITS.kvsReadUnitsPerMinute);
  const writes = beyond(deliveries * perDelivery(m, m.changeWriteUnits, m.attemptWriteUnits), FORGE_LIMITS.kvsWriteUnitsPerMinute);
  return Math.max(workers, reads, writes);
}

export interface BurstPrediction {
  /** Whether the notices and wake-ups go beyond the minute's 500 queue events (then part waits for the sweep). */
  overEvents: boolean;
  /** What binds: the import's own pace, the KVS read or write units, the workers, or the sweep. */
  binding: 'spread' | 'kvsReadUnits' | 'kvsWriteUnits' | 'workers' | 'sweep';
  /** First change sent → last delivery received. */
  totalMs: number;
  backlog: number;
}

/**
 * A burst of `changes` sent evenly over `spreadMs`. Within the queue's 500 events a minute every change is handed
 * over as it comes; the whole burst then takes the longest of: its own spread (and one attempt), the KVS units it
 * needs at 4,000 a minute (the site's storage refuses the import's calls beyond them, 429, and the importer sends them
 * again: the import itself is slowed), and each worker sending its share. Beyond the events, the changes whose notices
 * were refused wait for the next sweep (`lastChangeSinceSweepMs`: its phase), then their backlog is sent.
 */
export function predictBurst(changes: number, spreadMs: number, m: ModelInputs, lastChangeSinceSweepMs: number): BurstPrediction {
  const minutes = Math.max(1, spreadMs / 60_000);
  const withinEvents = capacityOf(m).changesPerMinuteWithinEvents * minutes;
  if (changes > withinEvents) {
    const backlog = (changes - withinEvents) * m.webhooks;
    const toSweep = FORGE_LIMITS.sweepEveryMs - (lastChangeSinceSweepMs % FORGE_LIMITS.sweepEveryMs);
    return { overEvents: true, binding: 'sweep', totalMs: spreadMs + toSweep + backlogMs(backlog, m), backlog };
  }
  const deliveries = changes * m.webhooks;
  const unitsMs = (units: number, perMinute: number) => (units / perMinute) * 60_000;
  const candidates: [BurstPrediction['binding'], number][] = [
    ['spread', spreadMs + m.attemptMs],
    ['kvsReadUnits', unitsMs(deliveries * perDelivery(m, m.changeReadUnits, m.attemptReadUnits), FORGE_LIMITS.kvsReadUnitsPerMinute)],
    ['kvsWriteUnits', unitsMs(deliveries * perDelivery(m, m.changeWriteUnits, m.attemptWriteUnits), FORGE_LIMITS.kvsWriteUnitsPerMinute)],
    ['workers', (deliveries / m.webhooks) * m.attemptMs],
  ];
  const [binding, totalMs] = candidates.reduce((high, entry) => (entry[1] > high[1] ? entry : high));
  return { overEvents: false, binding, totalMs, backlog: 0 };
}
