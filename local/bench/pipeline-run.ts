import type { HostOptions } from '../host';
import { PROJECTS, startBenchSite } from './bench-host';
import type { BenchSite } from './bench-host';
import type { CostSum } from './cost-tally';
import { startProfile } from './cpu-profile';
import type { HotFunction } from './cpu-profile';
import { settleQueue } from './settle';
import { spreadOf } from './stats';
import type { Spread } from './stats';

export interface PipelineRun {
  changes: number;
  webhooks: number;
  deliveries: number;
  /** First change sent → last delivery received. */
  elapsedMs: number;
  /** How long sending the changes took (an importer's REST API calls, one after the other). */
  importMs: number;
  perSecond: number;
  /** Change committed (`data.timestamp`) → request received. */
  latencyMs: Spread;
  /** Cost by function, the wake-ups held back by concurrency keys included (run once the deliveries were in). */
  costs: Record<string, CostSum>;
  /** Self time by function from the first change to the last delivery, when profiled. */
  hot?: HotFunction[];
}

/** Forge's rate limits off: what is measured is the app (and the host's emulation of the platform). */
export const UNLIMITED: Partial<HostOptions> = { eventsPerMinute: false, kvsRateLimits: false };

/**
 * Sends `changes` changes as an importer would: REST API calls one after the other, each changing the four projects.
 * Between calls it lets the event loop run, as waiting for an HTTP answer would: the host answers platform calls
 * without I/O, so back-to-back calls would otherwise hold every socket (the deliveries) until the import ends.
 */
export async function importChanges(site: BenchSite, changes: number, firstValue = 1): Promise<void> {
  for (let sent = 0, call = 0; sent < changes; call++) {
    const projects = PROJECTS.slice(0, Math.min(PROJECTS.length, changes - sent));
    const status = await site.importValues(projects, firstValue + call);
    if (status !== 200) throw new Error(`the REST API answered ${status}`);
    sent += projects.length;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** `changes` field changes to `webhooks` webhooks through the whole pipeline, on a fresh site. */
export async function runPipeline(
  changes: number,
  webhooks: number,
  options: { hostOptions?: Partial<HostOptions>; profile?: boolean } = {},
): Promise<PipelineRun> {
  const site = await startBenchSite({ ...UNLIMITED, ...options.hostOptions, webhooks });
  try {
    site.host.egress.rateLimit.limits.perAppPerMinute = Number.MAX_SAFE_INTEGER;
    const deliveries = changes * webhooks;
    const profile = options.profile ? await startProfile() : undefined;
    const started = Date.now();
    await importChanges(site, changes);
    const importMs = Date.now() - started;
    await site.receiver.waitFor(deliveries, 30 * 60_000);
    const last = site.receiver.arrivals.reduce((latest, a) => Math.max(latest, a.at), 0);
    const hot = await profile?.stop();
    await settleQueue(site.host);
    const elapsedMs = last - started;
    const latencies = site.receiver.arrivals.flatMap((a) => (a.committedAt === undefined ? [] : [a.at - a.committedAt]));
    return {
      changes,
      webhooks,
      deliveries,
      elapsedMs,
      importMs,
      perSecond: deliveries / (elapsedMs / 1000),
      latencyMs: spreadOf(latencies),
      costs: Object.fromEntries(site.tally.byFunction),
      ...(hot ? { hot } : {}),
    };
  } finally {
    await site.close();
  }
}
