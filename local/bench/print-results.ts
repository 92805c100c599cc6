import type { CostReport } from './cost-report';
import type { BenchResults } from './results';
import { printGrowth } from './print-growth';
import { fmt, textTable } from './text-table';

const ms = (value: number) => `${fmt(value)} ms`;
const usd = (value: number) => `$${fmt(value)}`;
const kb = (bytes: number) => `${fmt(bytes / 1024)} KB`;

function costRows(cost: CostReport): string[][] {
  const row = (name: string, pick: (p: CostReport['perChange']) => string) => [name, pick(cost.perChange), pick(cost.perDelivery)];
  return [
    ['', 'per change', 'per delivery'],
    row('invocations', (p) => fmt(p.invocations)),
    row(`GB-s (at ${cost.memoryMb} MB)`, (p) => fmt(p.gbSeconds)),
    row('KVS requests', (p) => fmt(p.kvsRequests)),
    row('KVS reads (items)', (p) => `${fmt(p.kvsReads)} (${kb(p.kvsReadBytes)})`),
    row('KVS writes (a transaction is one)', (p) => `${fmt(p.kvsWrites)} (${kb(p.kvsWriteBytes)})`),
    row('queue pushes (events)', (p) => `${fmt(p.queuePushes)} (${fmt(p.queueEvents)})`),
  ];
}

export function printResults(r: BenchResults): void {
  const out = (text = '') => process.stdout.write(`${text}\n`);
  const o = r.overhead;
  out(`\n${r.machine.cpu} × ${r.machine.cores}, Node ${r.machine.node}, commit ${r.commit}`);
  out(`\nOverhead: ${fmt(o.pipeline.changes)} changes × ${o.pipeline.webhooks} webhooks, Forge's rate limits off`);
  out(
    textTable([
      ['', 'deliveries', 'time', 'deliveries/s'],
      ['pipeline (REST API → outbox → consumer → workers)', fmt(o.pipeline.deliveries), ms(o.pipeline.elapsedMs), fmt(o.pipeline.perSecond)],
      [`  of which the import (${fmt(Math.ceil(o.pipeline.changes / 4))} REST calls)`, '', ms(o.pipeline.importMs), ''],
      [`plain fetch loop, ${o.pipeline.webhooks} at once`, fmt(o.plain.requests), ms(o.plain.elapsedMs), fmt(o.plain.perSecond)],
    ]),
  );
  out(`ratio pipeline ÷ plain: ${fmt(o.ratio)} (target ≥ 0.5, goal 0.8: ${o.ratio >= 0.8 ? 'goal met' : o.ratio >= 0.5 ? 'target met' : 'not met'})`);
  out(
    `  the median of ${o.rounds.length} round(s), each the pipeline then the plain loop: ${o.rounds
      .map((round) => `${fmt(round.ratio)} (${fmt(round.pipelinePerSecond)} ÷ ${fmt(round.plainPerSecond)})`)
      .join(', ')}; both run once before, unmeasured (${fmt(o.warmUp)} changes, ${fmt(o.warmUp)} requests a lane)`,
  );
  out(
    `CPU by layer (a further run of the pipeline, under the profiler): ${Object.entries(o.layers)
      .sort((a, b) => b[1] - a[1])
      .map(([layer, share]) => `${layer} ${fmt(share * 100)} %`)
      .join(', ')}`,
  );
  out(
    textTable([
      ['top functions by self time', 'file', 'self', 'share'],
      ...o.hot.map((h) => [h.name, h.file, ms(h.selfMs), `${fmt(h.share * 100)} %`]),
    ]),
  );
  out('\nLatency');
  const l = o.pipeline.latencyMs;
  const p = o.plain.latencyMs;
  out(
    textTable([
      ['', 'p50', 'p95', 'p99', 'max'],
      ['pipeline: change committed → request received', ms(l.p50), ms(l.p95), ms(l.p99), ms(l.max)],
      ['plain loop: request sent → answered', ms(p.p50), ms(p.p95), ms(p.p99), ms(p.max)],
    ]),
  );
  out('\nForge cost (the overhead run, held-back wake-ups included)');
  out(textTable(costRows(r.cost)));
  out(`price per million deliveries: ${usd(r.cost.usdPerMillionDeliveries)} (function time, KVS reads and writes at 2026 overage prices)`);
  out(textTable([['target', 'measured', 'met'], ...r.cost.targets.map((t) => [t.name, fmt(t.value), t.met ? 'met' : 'NOT MET'])]));
  printGrowth(r, out);
}
