import { startBenchSite } from './bench-host';
import type { BenchSite } from './bench-host';
import type { CostSum } from './cost-tally';
import { emptySum } from './cost-tally';
import { importChanges, UNLIMITED } from './pipeline-run';
import { cloneWebhooks, makePruneDue, seedHistory } from './seed';
import { settleQueue } from './settle';

export interface SweepCost {
  history: number;
  /** The five-minute maintenance run, and the hourly one that also prunes the delivery logs. */
  regular: Pick<CostSum, 'kvsRequests' | 'kvsReads' | 'kvsReadBytes' | 'kvsWrites'>;
  hourly: Pick<CostSum, 'kvsRequests' | 'kvsReads' | 'kvsReadBytes' | 'kvsWrites'>;
}

export interface ListCost {
  webhooks: number;
  resolverCalls: number;
  kvsRequests: number;
  kvsReads: number;
  kvsReadBytes: number;
  durationMs: number;
}

export interface FanOutCost {
  webhooks: number;
  invocations: number;
  queuePushes: number;
  queueEvents: number;
  kvsWrites: number;
  kvsWriteBytes: number;
  durationMs: number;
  /** The process's heap at its highest while the change was handed over, above where it was before. */
  heapPeakMb: number;
}

const pick = ({ kvsRequests, kvsReads, kvsReadBytes, kvsWrites }: CostSum) => ({ kvsRequests, kvsReads, kvsReadBytes, kvsWrites });

/** Cost of one function's invocations while `work` runs. */
async function costOf(site: BenchSite, functionKey: string, work: () => Promise<unknown>): Promise<CostSum> {
  site.tally.clear();
  await work();
  return site.tally.byFunction.get(functionKey) ?? emptySum();
}

/** The scheduled maintenance's KVS use with `history` handled changes (and as many delivery log entries) behind it. */
export async function measureSweeps(history: number): Promise<SweepCost> {
  const site = await startBenchSite({ ...UNLIMITED, webhooks: 1 });
  try {
    await importChanges(site, 1);
    await site.receiver.waitFor(1, 60_000);
    await settleQueue(site.host);
    if (history > 0) await seedHistory(site.host, history);
    const run = () => site.host.triggers.runScheduled('maintenance');
    const regular = await costOf(site, 'run-maintenance', run);
    await makePruneDue(site.host);
    const hourly = await costOf(site, 'run-maintenance', run);
    return { history, regular: pick(regular), hourly: pick(hourly) };
  } finally {
    await site.close();
  }
}

/** The admin page's list of `count` webhooks: its one resolver call, what it reads, how long it takes. */
export async function measureListing(count: number): Promise<ListCost> {
  const site = await startBenchSite({ ...UNLIMITED, webhooks: 1 });
  try {
    await cloneWebhooks(site.host, count);
    const cost = await costOf(site, 'resolver', async () => {
      const answer = await site.adminCall('webhooks/list');
      const listed = (answer.webhooks as unknown[] | undefined)?.length;
      if (listed !== count) throw new Error(`webhooks/list listed ${listed} of ${count}`);
    });
    return {
      webhooks: count,
      resolverCalls: cost.invocations,
      kvsRequests: cost.kvsRequests,
      kvsReads: cost.kvsReads,
      kvsReadBytes: cost.kvsReadBytes,
      durationMs: cost.durationMs,
    };
  } finally {
    await site.close();
  }
}

/** One change handed over to `count` webhooks: the consumer's pushes, writes, time and heap. */
export async function measureFanOut(count: number): Promise<FanOutCost> {
  const site = await startBenchSite({ ...UNLIMITED, webhooks: 1 });
  try {
    await cloneWebhooks(site.host, count);
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 1);
    const cost = await costOf(site, 'on-change-event', async () => {
      await importChanges(site, 1);
      await site.host.idle(120_000);
    });
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    return {
      webhooks: count,
      invocations: cost.invocations,
      queuePushes: cost.queuePushes,
      queueEvents: cost.queueEvents,
      kvsWrites: cost.kvsWrites,
      kvsWriteBytes: cost.kvsWriteBytes,
      durationMs: cost.durationMs,
      heapPeakMb: (peak - before) / 1024 ** 2,
    };
  } finally {
    await site.close();
  }
}
