import { PROJECTS, startBenchSite } from './bench-host';
import type { BenchSite } from './bench-host';
import { costReport, manifestMemoryMb } from './cost-report';
import type { CostReport } from './cost-report';
import { settleQueue } from './settle';
import { mostInWindow } from './stats';

export interface Burst {
  changes: number;
  webhooks: number;
  spreadOverMs: number;
  /** REST API calls answered 429 (or 207 with projects refused) and sent again after their Retry-After. */
  retriedCalls: number;
  /** Most queue events accepted within any 60 s (Forge allows 500 per installation). */
  maxEventsPerMinute: number;
  /** Last change committed → last delivery received. */
  drainMs: number;
  /** First change sent → last delivery received. */
  totalMs: number;
  /** Host start (its five-minute schedule's phase) → last change. */
  lastChangeSinceHostStartMs: number;
  deliveries: number;
  cost: CostReport;
}

/** Sends one import call, again after its Retry-After while the site's storage limits refuse it (as an importer would). */
async function sendWithRetry(site: BenchSite, projects: readonly string[], value: number): Promise<number> {
  for (let retried = 0; ; retried++) {
    const status = await site.importValues(projects, value);
    if (status === 200) return retried;
    if (status !== 429 && status !== 207) throw new Error(`the REST API answered ${status}`);
    // The whole call again: values already set are set again to the same value, which changes nothing.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
  }
}

/**
 * `changes` changes spread evenly over `spreadOverMs` to `webhooks` webhooks, with every Forge limit the host
 * enforces on (500 queue events a minute, the KVS rates), in real time.
 */
export async function runBurst(changes: number, webhooks: number, spreadOverMs: number): Promise<Burst> {
  const site = await startBenchSite({ webhooks });
  try {
    const calls = Math.ceil(changes / PROJECTS.length);
    const every = spreadOverMs / calls;
    const started = Date.now();
    let retriedCalls = 0;
    let lastChangeAt = started;
    for (let call = 0; call < calls; call++) {
      const wait = started + call * every - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const projects = PROJECTS.slice(0, Math.min(PROJECTS.length, changes - call * PROJECTS.length));
      retriedCalls += await sendWithRetry(site, projects, call + 1);
      lastChangeAt = Date.now();
    }
    const deliveries = changes * webhooks;
    await site.receiver.waitFor(deliveries, 20 * 60_000);
    const last = site.receiver.arrivals.reduce((latest, a) => Math.max(latest, a.at), 0);
    // The workers' costs are counted when their invocations end: after their last look, and the wake-ups still waiting.
    await settleQueue(site.host);
    const attempts = site.tally.of('deliver-webhook').fetches;
    return {
      changes,
      webhooks,
      spreadOverMs,
      retriedCalls,
      maxEventsPerMinute: mostInWindow(site.tally.pushes, 60_000),
      drainMs: last - lastChangeAt,
      totalMs: last - started,
      lastChangeSinceHostStartMs: lastChangeAt - site.startedAt,
      deliveries,
      cost: costReport(Object.fromEntries(site.tally.byFunction), changes, webhooks, attempts, manifestMemoryMb(process.cwd())),
    };
  } finally {
    await site.close();
  }
}
