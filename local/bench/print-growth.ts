import type { BenchResults, GrowthRow } from './results';
import { fmt, textTable } from './text-table';

const ms = (value: number) => `${fmt(value)} ms`;
const usd = (value: number) => `$${fmt(value)}`;
const kb = (bytes: number) => `${fmt(bytes / 1024)} KB`;

function growthRows(rows: readonly GrowthRow[]): string[][] {
  return [
    [
      'N changes',
      'W webhooks',
      'deliveries/s',
      'invocations/delivery',
      'GB-s/delivery',
      'KVS requests/delivery',
      'KVS write bytes/delivery',
      '$ per million',
    ],
    ...rows.map((r) => [
      fmt(r.changes),
      fmt(r.webhooks),
      fmt(r.perSecond),
      fmt(r.cost.perDelivery.invocations),
      fmt(r.cost.perDelivery.gbSeconds),
      fmt(r.cost.perDelivery.kvsRequests),
      fmt(r.cost.perDelivery.kvsWriteBytes),
      usd(r.cost.usdPerMillionDeliveries),
    ]),
  ];
}

/** The bench's figures as tables on stdout. */
/** Growth, burst and the capacity model, as tables. */
export function printGrowth(r: BenchResults, out: (text?: string) => void): void {
  out('\nGrowth: per-delivery cost by N (W = 4) and by W');
  out(textTable(growthRows([...r.growth.byChanges, ...r.growth.byWebhooks])));
  out(
    textTable([
      ['maintenance sweep', 'history', 'KVS requests', 'reads (items)', 'read bytes', 'writes'],
      ...r.growth.sweeps.flatMap((s) => [
        [
          'every 5 minutes',
          fmt(s.history),
          fmt(s.regular.kvsRequests),
          fmt(s.regular.kvsReads),
          kb(s.regular.kvsReadBytes),
          fmt(s.regular.kvsWrites),
        ],
        [
          'hourly (prunes logs)',
          fmt(s.history),
          fmt(s.hourly.kvsRequests),
          fmt(s.hourly.kvsReads),
          kb(s.hourly.kvsReadBytes),
          fmt(s.hourly.kvsWrites),
        ],
      ]),
    ]),
  );
  out(
    textTable([
      ['admin page list', 'resolver calls', 'KVS requests', 'reads (items)', 'read bytes', 'time'],
      ...r.growth.listing.map((x) => [
        `${fmt(x.webhooks)} webhooks`,
        fmt(x.resolverCalls),
        fmt(x.kvsRequests),
        fmt(x.kvsReads),
        kb(x.kvsReadBytes),
        ms(x.durationMs),
      ]),
    ]),
  );
  out(
    textTable([
      ['one change fanned out', 'pushes (events)', 'KVS writes', 'write bytes', 'time', 'heap peak'],
      ...r.growth.fanOut.map((f) => [
        `to ${fmt(f.webhooks)} webhooks`,
        `${fmt(f.queuePushes)} (${fmt(f.queueEvents)})`,
        fmt(f.kvsWrites),
        kb(f.kvsWriteBytes),
        ms(f.durationMs),
        `${fmt(f.heapPeakMb)} MB`,
      ]),
    ]),
  );
  const b = r.burst;
  if (b) {
    out(
      `\nBurst: ${fmt(b.changes)} changes over ${fmt(b.spreadOverMs / 1000)} s to ${b.webhooks} webhooks, Forge's limits on (500 queue events a minute, KVS rates)`,
    );
    out(
      textTable([
        [
          'most queue events in a minute',
          'last change → last delivery',
          'first change → last delivery',
          'import calls retried',
          'invocations/change',
        ],
        [fmt(b.maxEventsPerMinute), ms(b.drainMs), ms(b.totalMs), fmt(b.retriedCalls), fmt(b.cost.perChange.invocations)],
      ]),
    );
  }
  const m = r.model;
  out(`\nCapacity model (docs/capacity.md), fed with the KVS units measured per change and per attempt; every attempt succeeding`);
  out(
    textTable([
      ['webhooks', 'attempt time', 'per webhook/min', 'per installation/min', 'bound by', 'changes/min within 500 events'],
      ...m.scenarios.map((s) => [
        fmt(s.webhooks),
        ms(s.attemptMs),
        fmt(s.capacity.perWebhookPerMinute),
        fmt(s.capacity.perInstallationPerMinute),
        s.capacity.binding,
        fmt(s.capacity.changesPerMinuteWithinEvents),
      ]),
    ]),
  );
  if (m.burst)
    out(
      `burst: model predicts ${ms(m.burst.predictedMs)} from the first change to the last delivery, bound by ${m.burst.binding}${m.burst.overEvents ? ` (over the queue's 500 events: ${fmt(m.burst.backlog)} deliveries wait for the next sweep)` : ''}; measured ${ms(m.burst.measuredMs)} (${m.burst.difference >= 0 ? '+' : ''}${fmt(m.burst.difference * 100)} %)`,
    );
  for (const s of r.config.skipped) out(`not run: ${s}`);
}
